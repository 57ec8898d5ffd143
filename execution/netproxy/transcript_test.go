package netproxy_test

import (
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution/netproxy"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	require.Equal(t, string(want), string(got))
}

func sampleTranscript() netproxy.Transcript {
	return netproxy.Transcript{Exchanges: []netproxy.Exchange{
		{Method: "GET", URL: "https://api.example.com/v1/price?sym=ETH", RequestHash: crypto.Keccak256Hash(nil),
			Status: 200, Header: map[string]string{"Etag": `"abc"`, "Content-Type": "application/json"},
			Body: []byte(`{"price":"1234.5","note":"<&>"}`)},
		{Method: "POST", URL: "https://rpc.example.org/", RequestHash: crypto.Keccak256Hash([]byte(`{"id":1}`)), RequestSize: 8,
			Status: 403, Header: map[string]string{"Content-Type": "text/plain; charset=utf-8"},
			Body: []byte("netproxy: host_not_allowed\n"), Error: netproxy.ReasonDenied},
	}}
}

func TestTranscriptEncoding(t *testing.T) {
	tr := sampleTranscript()
	golden(t, "transcript", tr.Encode())
	golden(t, "transcript_hash", []byte(tr.Hash().Hex()+"\n"))
	require.Equal(t, tr.Hash(), tr.Clone().Hash())

	got, err := netproxy.DecodeTranscript(tr.Encode())
	require.NoError(t, err)
	require.Equal(t, tr, got)

	// nil and empty encode alike.
	require.Equal(t, netproxy.Transcript{}.Hash(), netproxy.Transcript{Exchanges: []netproxy.Exchange{}}.Hash())
	a := netproxy.Transcript{Exchanges: []netproxy.Exchange{{Method: "GET", URL: "u", Status: 200}}}
	b := netproxy.Transcript{Exchanges: []netproxy.Exchange{{Method: "GET", URL: "u", Status: 200, Header: map[string]string{}, Body: []byte{}}}}
	require.Equal(t, a.Hash(), b.Hash())

	// Every field counts.
	c := tr.Clone()
	c.Exchanges[0].Body[0] = '['
	require.NotEqual(t, tr.Hash(), c.Hash())
	c = tr.Clone()
	c.Exchanges[0], c.Exchanges[1] = c.Exchanges[1], c.Exchanges[0]
	require.NotEqual(t, tr.Hash(), c.Hash(), "order counts")

	for _, bad := range []string{``, `[]`, `{"exchanges":[]} {}`, `{"exchanges":[],"x":1}`, `{"exchanges":[{"method":"GET","url":"u","status":0}]}`,
		`{"exchanges":[{"method":"","url":"u","status":200}]}`} {
		_, err := netproxy.DecodeTranscript([]byte(bad))
		require.ErrorIs(t, err, netproxy.ErrBadTranscript, bad)
	}
}

// TestTranscriptStable: two runs against the same upstream record the same
// transcript.
func TestTranscriptStable(t *testing.T) {
	api, _ := upstream(t, false)
	run := func() netproxy.Transcript {
		p := netproxy.New(netproxy.Config{Allowed: []string{hostOf(api)}})
		_, c := start(t, p)
		do(t, c, http.MethodGet, api.URL+"/price", "")
		do(t, c, http.MethodPost, api.URL+"/echo", "body")
		do(t, c, http.MethodGet, "http://denied.example/", "")
		p.Close()
		return p.Transcript()
	}
	a, b := run(), run()
	require.Len(t, a.Exchanges, 3)
	require.Equal(t, a.Hash(), b.Hash())
}

func FuzzDecodeTranscript(f *testing.F) {
	f.Add(sampleTranscript().Encode())
	f.Add([]byte(`{"exchanges":[]}`))
	f.Add([]byte(`{"exchanges":[{"body":"!!"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		tr, err := netproxy.DecodeTranscript(b)
		if err != nil {
			return
		}
		again, err := netproxy.DecodeTranscript(tr.Encode())
		if err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if again.Hash() != tr.Hash() {
			t.Fatal("encoding not stable")
		}
	})
}
