package othentic_test

import (
	"crypto/ecdsa"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

type ecdsaKey struct {
	priv *ecdsa.PrivateKey
	addr common.Address
}

// post sends body to h and returns the status and the response body.
func post(t testing.TB, h http.Handler, path, body string) (int, []byte) {
	t.Helper()
	return do(t, h, http.MethodPost, path, body)
}

func do(t testing.TB, h http.Handler, method, path, body string) (int, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes()
}
