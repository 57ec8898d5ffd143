package condition_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution/condition"
)

func TestHTTPSource(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/price", func(w http.ResponseWriter, r *http.Request) {
		require.Equal(t, "application/json", r.Header.Get("Accept"))
		fmt.Fprint(w, `{"data":{"price": 123456789012345678901234567890.123456789012345678}}`)
	})
	mux.HandleFunc("/items", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"items":[{"value":"1"},{"value":"-2.5e-3"}]}`)
	})
	mux.HandleFunc("/root", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, `"42"`) })
	mux.HandleFunc("/object", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, `{"price": 5}`) })
	mux.HandleFunc("/down", func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/html", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, `<html>`) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"pad":"`+strings.Repeat("x", 2<<20)+`","v":1}`)
	})
	slow := make(chan struct{})
	t.Cleanup(func() { close(slow) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-slow:
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	deps := condition.Deps{HTTP: srv.Client(), HTTPTimeout: 200 * time.Millisecond}
	read := func(path, key string) (condition.Reading, error) {
		src, err := condition.NewSource(attestation.ValueSource{Kind: attestation.SourceHTTP, URL: srv.URL + path, KeyPath: key}, deps)
		require.NoError(t, err)
		return src.Read(t.Context())
	}
	tests := []struct {
		path, key, want, err string
	}{
		{"/price", "data.price", "123456789012345678901234567890.123456789012345678", ""},
		{"/items", "items.1.value", "-0.0025", ""},
		{"/root", "", "42", ""},
		{"/object", "", "", "the document is an object"},
		{"/object", "value", "", `no key "value"`},
		{"/down", "", "", "status 503"},
		{"/html", "", "", "decode JSON"},
		{"/huge", "v", "", "body larger than"},
		{"/slow", "", "", context.DeadlineExceeded.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.path+"/"+tt.key, func(t *testing.T) {
			r, err := read(tt.path, tt.key)
			if tt.err != "" {
				require.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, r.Value.String())
			require.Zero(t, r.BlockNumber)
		})
	}

	t.Run("query secrets stay out of errors", func(t *testing.T) {
		_, err := read("/down?apikey=secret", "")
		require.Error(t, err)
		require.NotContains(t, err.Error(), "secret")
		_, err = read("/slow?apikey=secret", "")
		require.Error(t, err)
		require.NotContains(t, err.Error(), "secret")
	})
}

func TestNewSourceErrors(t *testing.T) {
	tests := []struct {
		src attestation.ValueSource
		err string
	}{
		{attestation.ValueSource{Kind: "oracle"}, "unknown kind"},
		{attestation.ValueSource{Kind: attestation.SourceHTTP, URL: "ftp://x/y"}, "scheme"},
		{attestation.ValueSource{Kind: attestation.SourceHTTP, URL: "/relative"}, "scheme"},
		{attestation.ValueSource{Kind: attestation.SourceHTTP, URL: "http://x", KeyPath: "a..b"}, "empty segment"},
		{attestation.ValueSource{Kind: attestation.SourceWebsocket, URL: "http://x"}, "scheme"},
		{attestation.ValueSource{Kind: attestation.SourceStatic, Value: "1.2.3"}, "static value"},
		{attestation.ValueSource{Kind: attestation.SourceContract, ChainID: 1, Function: "count()(uint256)"}, "no chains"},
	}
	for _, tt := range tests {
		t.Run(tt.err, func(t *testing.T) {
			_, err := condition.NewSource(tt.src, condition.Deps{})
			require.ErrorIs(t, err, condition.ErrInvalidSource)
			require.ErrorContains(t, err, tt.err)
		})
	}
	s, err := condition.NewSource(attestation.ValueSource{Kind: attestation.SourceStatic, Value: "2.50"}, condition.Deps{})
	require.NoError(t, err)
	r, err := s.Read(t.Context())
	require.NoError(t, err)
	require.Equal(t, "2.5", r.Value.String())
}
