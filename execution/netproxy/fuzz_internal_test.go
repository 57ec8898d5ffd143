package netproxy

import (
	"bufio"
	"bytes"
	"net/http"
	"strings"
	"testing"
)

// FuzzParseRequest: whatever request a script sends the proxy, parse
// either gives a reason to refuse it or an absolute http(s) URL with a
// lower-case host and no user info, and never keeps more body than limit.
func FuzzParseRequest(f *testing.F) {
	for _, seed := range []string{
		"GET http://api.example.com/price?x=1 HTTP/1.1\r\nHost: api.example.com\r\n\r\n",
		"GET /fetch?url=https%3A%2F%2FAPI.example.com%2Fv1%23frag HTTP/1.1\r\nHost: proxy\r\n\r\n",
		"POST http://api.example.com/rpc HTTP/1.1\r\nHost: api.example.com\r\nContent-Length: 17\r\n\r\n{\"jsonrpc\":\"2.0\"}",
		"CONNECT api.example.com:443 HTTP/1.1\r\nHost: api.example.com:443\r\n\r\n",
		"GET ftp://api.example.com/ HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET http://user:pw@api.example.com/ HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /fetch?url=mailto:x@example.com HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /other HTTP/1.1\r\nHost: x\r\n\r\n",
		"POST http://a/ HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
	} {
		f.Add([]byte(seed))
	}
	const limit = 64
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(raw)))
		if err != nil {
			return
		}
		q := parse(r, limit)
		if q.ex.RequestSize != int64(len(q.body)) || q.ex.RequestSize > limit+1 {
			t.Fatalf("body of %d bytes, size %d", len(q.body), q.ex.RequestSize)
		}
		if q.reason != "" {
			return
		}
		if q.ex.RequestSize > limit {
			t.Fatalf("accepted a body of %d bytes over the limit %d", q.ex.RequestSize, limit)
		}
		u := q.target
		switch {
		case u == nil:
			t.Fatalf("%q: accepted without a target", raw)
		case u.Scheme != "http" && u.Scheme != "https", u.Host == "", u.Host != strings.ToLower(u.Host),
			u.User != nil, u.Opaque != "", u.Fragment != "":
			t.Fatalf("%q: accepted target %q", raw, u)
		case q.ex.URL != u.String():
			t.Fatalf("%q: exchange URL %q for target %q", raw, q.ex.URL, u)
		}
	})
}
