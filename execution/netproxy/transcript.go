package netproxy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// RecordedHeaders are the response headers a transcript keeps and a replay
// serves, in canonical form.
var RecordedHeaders = []string{"Content-Type", "Content-Language", "Location", "Etag", "Last-Modified", "Cache-Control"}

// MaxTranscriptBytes caps a transcript's encoding for DecodeTranscript: room
// for DefaultMaxBytes of bodies in base64 and DefaultMaxRequests+1 exchanges.
const MaxTranscriptBytes = 8 << 20

// Exchange is one request and the response the script received.
type Exchange struct {
	Method      string            `json:"method"`
	URL         string            `json:"url"`               // normalized absolute URL; for CONNECT, the authority
	RequestHash common.Hash       `json:"request_body_hash"` // keccak256 of the request body
	RequestSize int64             `json:"request_body_size"`
	Status      int               `json:"status"`
	Header      map[string]string `json:"header"` // RecordedHeaders present in the response, values joined by ", "
	Body        []byte            `json:"body"`   // base64 in JSON
	Error       string            `json:"error"`  // a Reason… constant when the proxy answered itself, else ""
}

// Clone returns a deep copy of e.
func (e Exchange) Clone() Exchange {
	if e.Header != nil {
		h := make(map[string]string, len(e.Header))
		for k, v := range e.Header {
			h[k] = v
		}
		e.Header = h
	}
	e.Body = slices.Clone(e.Body)
	return e
}

// key is what a replay matches requests on.
type key struct {
	method, url string
	body        common.Hash
}

func (e Exchange) key() key { return key{e.Method, e.URL, e.RequestHash} }

// Transcript is every exchange of one script run, in the order the proxy
// received the requests.
type Transcript struct {
	Exchanges []Exchange `json:"exchanges"`
}

// Clone returns a deep copy of t.
func (t Transcript) Clone() Transcript {
	out := Transcript{Exchanges: make([]Exchange, len(t.Exchanges))}
	for i, e := range t.Exchanges {
		out.Exchanges[i] = e.Clone()
	}
	return out
}

// Encode returns the canonical encoding of t: compact JSON, fields in the
// order of the structs, header names sorted, no HTML escaping, nil slices and
// maps encoded as empty ones, no trailing newline.
func (t Transcript) Encode() []byte {
	n := Transcript{Exchanges: make([]Exchange, len(t.Exchanges))}
	for i, e := range t.Exchanges {
		if e.Header == nil {
			e.Header = map[string]string{}
		}
		if e.Body == nil {
			e.Body = []byte{}
		}
		n.Exchanges[i] = e
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(n) // cannot fail: strings, integers, hashes, bytes and string maps
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// Hash is keccak256 of the canonical encoding; the performer's result
// commits to it.
func (t Transcript) Hash() common.Hash {
	return crypto.Keccak256Hash(t.Encode())
}

// DecodeTranscript decodes a transcript received from another keeper:
// exactly one JSON object of the Encode shape, no unknown fields, at most
// MaxTranscriptBytes. Errors wrap ErrBadTranscript.
func DecodeTranscript(b []byte) (Transcript, error) {
	if len(b) > MaxTranscriptBytes {
		return Transcript{}, fmt.Errorf("%w: %d bytes, at most %d", ErrBadTranscript, len(b), MaxTranscriptBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var t Transcript
	if err := dec.Decode(&t); err != nil {
		return Transcript{}, fmt.Errorf("%w: %v", ErrBadTranscript, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Transcript{}, fmt.Errorf("%w: trailing data", ErrBadTranscript)
	}
	for i, e := range t.Exchanges {
		if e.Method == "" || e.URL == "" || e.Status < 100 || e.Status > 999 || e.RequestSize < 0 {
			return Transcript{}, fmt.Errorf("%w: exchange %d: missing method or URL, or bad status or size", ErrBadTranscript, i)
		}
	}
	return t, nil
}
