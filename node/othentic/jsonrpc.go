package othentic

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"
)

// JSON-RPC error codes. The first five are JSON-RPC 2.0's; the others are
// server errors of this package.
//
// Structural problems with a sendTask signature (not hex, not 65 bytes, v
// not 27/28) are CodeInvalidParams; a well-formed signature that is not the
// performer's (or has a malleable high s) is CodeInvalidSignature.
const (
	CodeParseError     = -32700 // body is not JSON
	CodeInvalidRequest = -32600 // not a JSON-RPC 2.0 request object, empty or oversized batch
	CodeMethodNotFound = -32601 // unknown method, or its sink is not configured
	CodeInvalidParams  = -32602 // wrong count or type of params, bad hex, address or signature format
	CodeInternalError  = -32603 // a sink panicked

	CodeServerError              = -32000 // the sink refused the call; message is its error
	CodeInvalidSignature         = -32001 // the ECDSA signature does not recover to the performer
	CodeUnsupportedSignatureType = -32002 // signatureType "bls"
)

// Task is a performer's sendTask call, after its signature was verified.
type Task struct {
	ProofOfTask      string
	Data             []byte
	TaskDefinitionID uint16
	Performer        common.Address
	Signature        []byte // 65 bytes r‖s‖v, v = 27 or 28, as sent
	TargetChainID    uint64 // 0 when the call had no targetChainId
}

// TaskSink receives verified tasks. It decides whether to take the task (for
// example whether the performer is a registered keeper); a non-nil error is
// answered as JSON-RPC error CodeServerError with err.Error() as message.
type TaskSink func(ctx context.Context, t Task) error

// CustomSink receives sendCustomMessage calls; taskDefinitionID is 0 when
// the call had none. A non-nil error is answered as CodeServerError.
type CustomSink func(ctx context.Context, data []byte, taskDefinitionID uint16) error

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return e.Message }

func rpcErrorf(code int, format string, args ...any) *rpcError {
	return &rpcError{Code: code, Message: fmt.Sprintf(format, args...)}
}

type rpcResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"` // nil marshals as null
	Result  any             `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

type rpcServer struct {
	tasks  TaskSink
	custom CustomSink
	log    *zap.Logger
	cfg    config
}

// NewJSONRPC returns the aggregator's JSON-RPC 2.0 server (POST, any path)
// with Othentic's methods:
//
//   - sendTask [proofOfTask string, data hex, taskDefinitionId number,
//     performerAddress string, signature hex, signatureType? string,
//     targetChainId? number]: verifies the performer's ECDSA signature (see
//     [VerifyTaskSignature]), then calls tasks; result true.
//     signatureType is "ecdsa" (the default; null or absent) or "bls",
//     which is refused with CodeUnsupportedSignatureType.
//   - sendCustomMessage [data hex] or [data hex, taskDefinitionId number]:
//     calls custom; result true.
//
// Batches (JSON arrays, at most [WithMaxBatch] calls) are answered with an
// array; notifications (no "id") are executed but not answered, and a
// request or batch that produces no answer gets HTTP 204. Every other answer
// is HTTP 200, errors included, except a non-POST request (405) and a body
// over the limit (413). A nil sink makes its method CodeMethodNotFound (like
// otnode without --json-rpc.custom-message-enabled). A nil log discards logs.
func NewJSONRPC(tasks TaskSink, custom CustomSink, log *zap.Logger, opts ...Option) http.Handler {
	if log == nil {
		log = zap.NewNop()
	}
	return &rpcServer{tasks: tasks, custom: custom, log: log.Named("othentic_jsonrpc"), cfg: newConfig(opts)}
}

func (s *rpcServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeJSON(w, http.StatusMethodNotAllowed, errorResponse(nil, rpcErrorf(CodeInvalidRequest, "JSON-RPC requests must use POST")))
		return
	}
	body, status, err := readBody(w, r, s.cfg.maxBodyBytes)
	if err != nil {
		writeJSON(w, status, errorResponse(nil, rpcErrorf(CodeInvalidRequest, "%s", err.Error())))
		return
	}
	if !json.Valid(body) {
		writeJSON(w, http.StatusOK, errorResponse(nil, rpcErrorf(CodeParseError, "parse error: body is not valid JSON")))
		return
	}
	ctx, cancel := boundedContext(r, s.cfg)
	defer cancel()

	if trimmed := bytes.TrimLeft(body, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '[' {
		var calls []json.RawMessage
		if err := json.Unmarshal(body, &calls); err != nil { // cannot happen: valid JSON array
			writeJSON(w, http.StatusOK, errorResponse(nil, rpcErrorf(CodeParseError, "parse error: %v", err)))
			return
		}
		switch {
		case len(calls) == 0:
			writeJSON(w, http.StatusOK, errorResponse(nil, rpcErrorf(CodeInvalidRequest, "empty batch")))
			return
		case len(calls) > s.cfg.maxBatch:
			writeJSON(w, http.StatusOK, errorResponse(nil, rpcErrorf(CodeInvalidRequest, "batch of %d calls exceeds the limit of %d", len(calls), s.cfg.maxBatch)))
			return
		}
		responses := make([]*rpcResponse, 0, len(calls))
		for _, call := range calls {
			if resp := s.handle(ctx, call); resp != nil {
				responses = append(responses, resp)
			}
		}
		if len(responses) == 0 {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		writeJSON(w, http.StatusOK, responses)
		return
	}
	resp := s.handle(ctx, body)
	if resp == nil {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func errorResponse(id json.RawMessage, err *rpcError) *rpcResponse {
	return &rpcResponse{JSONRPC: "2.0", ID: id, Error: err}
}

// handle runs one call; it returns nil for a valid notification.
func (s *rpcServer) handle(ctx context.Context, raw json.RawMessage) *rpcResponse {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return errorResponse(nil, rpcErrorf(CodeInvalidRequest, "invalid request: not a JSON object"))
	}
	rawID, hasID := fields["id"]
	if hasID && !validID(rawID) {
		return errorResponse(nil, rpcErrorf(CodeInvalidRequest, "invalid request: id must be a string, a number or null"))
	}
	var id json.RawMessage
	if hasID {
		id = rawID
	}
	var version string
	if v, ok := fields["jsonrpc"]; !ok || json.Unmarshal(v, &version) != nil || version != "2.0" {
		return errorResponse(id, rpcErrorf(CodeInvalidRequest, `invalid request: jsonrpc must be "2.0"`))
	}
	var method string
	if m, ok := fields["method"]; !ok || isNull(m) || json.Unmarshal(m, &method) != nil {
		return errorResponse(id, rpcErrorf(CodeInvalidRequest, "invalid request: method must be a string"))
	}
	var params []json.RawMessage
	if p, ok := fields["params"]; ok && !isNull(p) {
		switch t := bytes.TrimSpace(p); {
		case len(t) > 0 && t[0] == '[':
			if err := json.Unmarshal(p, &params); err != nil {
				return errorResponse(id, rpcErrorf(CodeInvalidRequest, "invalid request: params: %v", err))
			}
		case len(t) > 0 && t[0] == '{':
			if s.known(method) {
				return errorResponse(id, rpcErrorf(CodeInvalidParams, "invalid params: %s takes positional params (a JSON array)", method))
			}
		default:
			return errorResponse(id, rpcErrorf(CodeInvalidRequest, "invalid request: params must be an array or an object"))
		}
	}

	log := s.log.With(zap.String("method", truncate(method)))
	var rpcErr *rpcError
	switch {
	case !s.known(method):
		rpcErr = rpcErrorf(CodeMethodNotFound, "method not found: %s", truncate(method))
	case method == "sendTask":
		rpcErr = s.sendTask(ctx, log, params)
	case method == "sendCustomMessage":
		rpcErr = s.sendCustomMessage(ctx, log, params)
	}
	if rpcErr != nil {
		log.Debug("call failed", zap.Int("code", rpcErr.Code), zap.String("message", rpcErr.Message))
	}
	if !hasID {
		return nil
	}
	if rpcErr != nil {
		return errorResponse(id, rpcErr)
	}
	return &rpcResponse{JSONRPC: "2.0", ID: id, Result: true}
}

func (s *rpcServer) known(method string) bool {
	switch method {
	case "sendTask":
		return s.tasks != nil
	case "sendCustomMessage":
		return s.custom != nil
	}
	return false
}

// validID reports whether raw (a valid JSON value) is a string, number or null.
func validID(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 {
		return false
	}
	switch c := t[0]; {
	case c == '"', c == '-', c >= '0' && c <= '9':
		return true
	}
	return isNull(t)
}

func (s *rpcServer) sendTask(ctx context.Context, log *zap.Logger, params []json.RawMessage) *rpcError {
	if n := len(params); n < 5 || n > 7 {
		return rpcErrorf(CodeInvalidParams, "invalid params: sendTask takes 5 to 7 params [proofOfTask, data, taskDefinitionId, performerAddress, signature, signatureType?, targetChainId?], got %d", n)
	}
	proofOfTask, err := stringParam(params, 0, "proofOfTask")
	if err != nil {
		return err
	}
	if proofOfTask == "" {
		return rpcErrorf(CodeInvalidParams, "invalid params: proofOfTask is empty")
	}
	data, err := hexParam(params, 1, "data")
	if err != nil {
		return err
	}
	tdid, err := uint16Param(params, 2, "taskDefinitionId")
	if err != nil {
		return err
	}
	performerHex, err := stringParam(params, 3, "performerAddress")
	if err != nil {
		return err
	}
	performer, perr := parseAddress(performerHex)
	if perr != nil {
		return rpcErrorf(CodeInvalidParams, "invalid params: performerAddress: %v", perr)
	}
	if len(params) > 5 && !isNull(params[5]) {
		sigType, err := stringParam(params, 5, "signatureType")
		if err != nil {
			return err
		}
		switch strings.ToLower(sigType) {
		case "", "ecdsa":
		case "bls":
			return rpcErrorf(CodeUnsupportedSignatureType, "bls performer signatures are not supported: use ecdsa")
		default:
			return rpcErrorf(CodeInvalidParams, "invalid params: signatureType must be \"ecdsa\" or \"bls\", got %q", truncate(sigType))
		}
	}
	var targetChainID uint64
	if len(params) > 6 && !isNull(params[6]) {
		if json.Unmarshal(params[6], &targetChainID) != nil {
			return rpcErrorf(CodeInvalidParams, "invalid params: targetChainId (param 6) must be a non-negative integer")
		}
	}
	sig, err := hexParam(params, 4, "signature")
	if err != nil {
		return err
	}
	log = log.With(
		zap.String("proof_of_task", truncate(proofOfTask)),
		zap.Uint16("task_definition_id", tdid),
		zap.Stringer("performer", performer),
		zap.Uint64("target_chain_id", targetChainID),
	)
	if verr := VerifyTaskSignature(proofOfTask, data, performer, tdid, sig); verr != nil {
		if errors.Is(verr, ErrSignatureLength) || errors.Is(verr, ErrSignatureV) {
			return rpcErrorf(CodeInvalidParams, "invalid params: signature: %v", verr)
		}
		return rpcErrorf(CodeInvalidSignature, "invalid signature: %v", verr)
	}
	task := Task{
		ProofOfTask:      proofOfTask,
		Data:             data,
		TaskDefinitionID: tdid,
		Performer:        performer,
		Signature:        sig,
		TargetChainID:    targetChainID,
	}
	if serr := safeCall(log, "task_sink", func() error { return s.tasks(ctx, task) }); serr != nil {
		if errors.Is(serr, errCallbackPanic) {
			return rpcErrorf(CodeInternalError, "internal error")
		}
		return rpcErrorf(CodeServerError, "%s", serr.Error())
	}
	log.Debug("task accepted")
	return nil
}

func (s *rpcServer) sendCustomMessage(ctx context.Context, log *zap.Logger, params []json.RawMessage) *rpcError {
	if n := len(params); n < 1 || n > 2 {
		return rpcErrorf(CodeInvalidParams, "invalid params: sendCustomMessage takes 1 or 2 params [data, taskDefinitionId?], got %d", n)
	}
	data, err := hexParam(params, 0, "data")
	if err != nil {
		return err
	}
	if len(data) == 0 {
		return rpcErrorf(CodeInvalidParams, "invalid params: data is empty")
	}
	var tdid uint16
	if len(params) > 1 && !isNull(params[1]) {
		if tdid, err = uint16Param(params, 1, "taskDefinitionId"); err != nil {
			return err
		}
	}
	log = log.With(zap.Int("data_len", len(data)), zap.Uint16("task_definition_id", tdid))
	if serr := safeCall(log, "custom_sink", func() error { return s.custom(ctx, data, tdid) }); serr != nil {
		if errors.Is(serr, errCallbackPanic) {
			return rpcErrorf(CodeInternalError, "internal error")
		}
		return rpcErrorf(CodeServerError, "%s", serr.Error())
	}
	log.Debug("custom message accepted")
	return nil
}

func stringParam(params []json.RawMessage, i int, name string) (string, *rpcError) {
	var v string
	if isNull(params[i]) || json.Unmarshal(params[i], &v) != nil {
		return "", rpcErrorf(CodeInvalidParams, "invalid params: %s (param %d) must be a string", name, i)
	}
	return v, nil
}

func hexParam(params []json.RawMessage, i int, name string) ([]byte, *rpcError) {
	v, rerr := stringParam(params, i, name)
	if rerr != nil {
		return nil, rerr
	}
	b, err := decodeHex(v)
	if err != nil {
		return nil, rpcErrorf(CodeInvalidParams, "invalid params: %s (param %d): %v", name, i, err)
	}
	return b, nil
}

func uint16Param(params []json.RawMessage, i int, name string) (uint16, *rpcError) {
	var v uint16
	if isNull(params[i]) || json.Unmarshal(params[i], &v) != nil {
		return 0, rpcErrorf(CodeInvalidParams, "invalid params: %s (param %d) must be an integer in [0, 65535]", name, i)
	}
	return v, nil
}
