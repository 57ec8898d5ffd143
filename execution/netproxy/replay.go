package netproxy

import (
	"fmt"
	"net/http"
	"strings"

	"go.uber.org/zap"
)

func (p *Proxy) serveReplay(w http.ResponseWriter, r *http.Request) {
	q := parse(r, p.cfg.MaxBytes)
	k := q.ex.key()
	p.mu.Lock()
	n := p.requests
	p.requests++
	if p.limitAt >= 0 && n >= p.limitAt {
		p.used[p.limitAt] = true
		p.mu.Unlock()
		serve(w, limitExchange())
		return
	}
	found := -1
	for i, e := range p.recorded {
		if !p.used[i] && e.key() == k {
			found = i
			p.used[i] = true
			p.headers[i] = forwardHeaders(r.Header)
			break
		}
	}
	var ex Exchange
	if found >= 0 {
		ex = p.recorded[found]
	} else {
		ex = q.ex
		p.strays = append(p.strays, ex)
		refuse(&ex, http.StatusBadGateway, ReasonNotInTranscript)
	}
	p.mu.Unlock()
	if found < 0 {
		p.log.Debug("request not in transcript", zap.String("method", ex.Method), zap.String("url", ex.URL))
	}
	serve(w, ex)
}

// CheckReplay reports whether the re-run behind a replaying proxy made
// exactly the requests of the transcript: it returns an error wrapping
// ErrReplayMismatch that lists the requests not in the transcript and the
// exchanges never requested, or nil. Call it after the script has exited.
// On a live proxy it returns nil.
func (p *Proxy) CheckReplay() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var problems []string
	for _, e := range p.strays {
		problems = append(problems, fmt.Sprintf("unexpected %s %s (body %s)", e.Method, e.URL, e.RequestHash.Hex()))
	}
	for i, used := range p.used {
		if !used {
			e := p.recorded[i]
			problems = append(problems, fmt.Sprintf("exchange %d never requested: %s %s", i, e.Method, e.URL))
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrReplayMismatch, strings.Join(problems, "; "))
}

// ReplayHeaders returns, for each exchange of the transcript, the headers the
// re-run sent with the request that matched it (nil for exchanges not
// requested), as a live proxy would have forwarded them. A transcript holds
// no request headers, since they may carry the script's secrets; pass these
// as SpotConfig.Headers so that re-fetches carry what the script sent (an API
// key, say). On a live proxy it returns nil.
func (p *Proxy) ReplayHeaders() []http.Header {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.replay {
		return nil
	}
	out := make([]http.Header, len(p.headers))
	for i, h := range p.headers {
		out[i] = h.Clone()
	}
	return out
}
