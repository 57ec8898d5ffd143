package netproxy

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// pattern is one parsed allowlist entry.
type pattern struct {
	host     string // lowercase; for a wildcard, the suffix after "*."
	wildcard bool
	port     string // "" for the default ports 80 and 443
}

// allowlist is a parsed list of patterns.
type allowlist []pattern

// CheckAllowed reports whether patterns is a valid allowlist (see the
// package doc); the error wraps ErrBadPattern and names the bad pattern.
func CheckAllowed(patterns []string) error {
	_, err := parseAllowlist(patterns)
	return err
}

func parseAllowlist(patterns []string) (allowlist, error) {
	out := make(allowlist, 0, len(patterns))
	for _, s := range patterns {
		p, err := parsePattern(s)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func parsePattern(s string) (pattern, error) {
	bad := func(why string) (pattern, error) {
		return pattern{}, fmt.Errorf("%w %q: %s", ErrBadPattern, s, why)
	}
	host, port := s, ""
	if strings.HasPrefix(s, "[") || strings.Count(s, ":") == 1 {
		if h, p, err := net.SplitHostPort(s); err == nil {
			host, port = h, p
		} else if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
			return bad(err.Error())
		} else {
			host = s[1 : len(s)-1]
		}
	}
	if port != "" {
		if n, err := strconv.ParseUint(port, 10, 16); err != nil || n == 0 {
			return bad("bad port")
		}
	}
	var p pattern
	p.port = port
	if rest, ok := strings.CutPrefix(host, "*."); ok {
		p.wildcard, host = true, rest
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "" {
		return bad("empty host")
	}
	if net.ParseIP(host) == nil {
		if p.wildcard && !strings.Contains(host, ".") {
			return bad("wildcard must name a domain with at least two labels")
		}
		for _, label := range strings.Split(host, ".") {
			if label == "" || len(label) > 63 {
				return bad("bad host label")
			}
			for i := 0; i < len(label); i++ {
				c := label[i]
				if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
					return bad("bad host character")
				}
			}
		}
	} else if p.wildcard {
		return bad("wildcard on an IP address")
	}
	p.host = host
	return p, nil
}

// allows reports whether the allowlist lets u through.
func (a allowlist) allows(u *url.URL) bool {
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	port := u.Port()
	defaultPort := port == "" || (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443")
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	for _, p := range a {
		if p.port == "" && !defaultPort || p.port != "" && p.port != port {
			continue
		}
		if p.wildcard {
			if strings.HasSuffix(host, "."+p.host) {
				return true
			}
		} else if host == p.host {
			return true
		}
	}
	return false
}
