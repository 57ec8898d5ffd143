package othentic

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"
)

// readBody reads at most limit bytes of the request body. On failure it
// returns the HTTP status to answer with.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, int, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("request body exceeds %d bytes", tooLarge.Limit)
		}
		return nil, http.StatusBadRequest, fmt.Errorf("read request body: %w", err)
	}
	return body, 0, nil
}

// writeJSON answers with v as JSON. v is always one of our own wire types,
// so encoding cannot fail; a failed write means the client has gone.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// decodeHex decodes a hex string with or without a 0x prefix; "0x" and ""
// are empty.
func decodeHex(s string) ([]byte, error) {
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s = s[2:]
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("invalid hex: %w", err)
	}
	return b, nil
}

// parseAddress accepts a 20-byte hex address with or without 0x, in any
// case (the EIP-55 checksum is not enforced).
func parseAddress(s string) (common.Address, error) {
	if !common.IsHexAddress(s) {
		return common.Address{}, fmt.Errorf("invalid address %q", truncate(s))
	}
	return common.HexToAddress(s), nil
}

func isNull(raw json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

// truncate shortens attacker-supplied text before it goes into messages.
func truncate(s string) string {
	const limit = 80
	if len(s) <= limit {
		return s
	}
	return s[:limit] + "…"
}

// jsonError turns a decoding error into a message without Go type names.
func jsonError(err error) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Type != nil {
		field := typeErr.Field
		if field == "" {
			field = "body"
		}
		return fmt.Sprintf("invalid %s: got JSON %s, want %s", field, typeErr.Value, jsonKind(typeErr.Type.String()))
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return fmt.Sprintf("malformed JSON at offset %d: %v", syntaxErr.Offset, syntaxErr)
	}
	return "malformed JSON: " + err.Error()
}

func jsonKind(goType string) string {
	goType = strings.TrimLeft(goType, "*")
	switch goType {
	case "string":
		return "a string"
	case "uint16":
		return "an integer in [0, 65535]"
	case "uint64":
		return "a non-negative integer"
	case "othentic.validateBody", "othentic.messageBody":
		return "an object"
	}
	return goType
}

// safeCall runs a callback, turning a panic into errCallbackPanic.
func safeCall(log *zap.Logger, name string, f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			log.Error("callback panicked", zap.String("callback", name), zap.Any("panic", p), zap.Stack("stack"))
			err = errCallbackPanic
		}
	}()
	return f()
}

// boundedContext derives the context a callback runs under.
func boundedContext(r *http.Request, c config) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), c.timeout)
}
