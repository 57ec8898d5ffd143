package netproxy

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAllowlist(t *testing.T) {
	a, err := parseAllowlist([]string{"api.example.com", "*.prices.io", "rpc.node.org:8545", "127.0.0.1:9000", "[::1]:8080", "Upper.Example.NET."})
	require.NoError(t, err)
	tests := []struct {
		url string
		ok  bool
	}{
		{"https://api.example.com/v1", true},
		{"http://api.example.com/v1", true},
		{"https://API.example.com.:443/v1", true},
		{"http://api.example.com:80/", true},
		{"https://api.example.com:8443/v1", false},
		{"http://api.example.com:443/", false},
		{"https://evil-api.example.com/", false},
		{"https://api.example.com.evil.com/", false},
		{"https://eth.prices.io/x", true},
		{"https://a.b.prices.io/x", true},
		{"https://prices.io/x", false},
		{"https://xprices.io/x", false},
		{"http://rpc.node.org:8545/", true},
		{"http://rpc.node.org/", false},
		{"http://127.0.0.1:9000/", true},
		{"http://127.0.0.1:9001/", false},
		{"http://[::1]:8080/", true},
		{"https://upper.example.net/", true},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.url)
		require.NoError(t, err)
		require.Equal(t, tt.ok, a.allows(u), tt.url)
	}

	for _, bad := range []string{"", "*.", "*.com", "a b.com", "host:0", "host:99999", "host:x", "*.1.2.3.4", "a..b", "http://x.com"} {
		_, err := parsePattern(bad)
		require.ErrorIs(t, err, ErrBadPattern, bad)
	}
	none, err := parseAllowlist(nil)
	require.NoError(t, err)
	require.False(t, none.allows(&url.URL{Scheme: "https", Host: "api.example.com"}))
}
