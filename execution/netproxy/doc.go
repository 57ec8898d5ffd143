// Package netproxy is the only network a user script may reach: an HTTP
// forward proxy that a keeper runs for one script run, that lets through
// requests to the job's allowed hosts only, within a request and byte
// budget, and records every exchange in a Transcript.
//
// The performer runs the script behind a live Proxy (New) and publishes the
// transcript's hash with its result. An attester re-runs the script behind a
// replaying Proxy (NewReplay) that serves the recorded responses, so the
// re-run sees byte for byte what the performer's run saw, and flags any
// request that is not in the transcript; it may also re-fetch a sample of
// the recorded requests live (Spot) to check that the performer did not
// invent the responses, within a per-job Tolerance for values that move
// (prices).
//
// # HTTPS
//
// The proxy must see every response in plaintext to record it, so it
// refuses CONNECT (405, reason connect_not_supported): a tunnel would carry
// TLS the keeper cannot read. Instead the script sends plain HTTP to the
// proxy and the proxy makes the upstream request, with TLS and certificate
// verification, itself. Two request forms are accepted:
//
//   - absolute-form, as any HTTP client configured with an HTTP proxy sends
//     for http:// URLs, and as clients can send for https:// URLs when told
//     to (the request line "GET https://api.example.com/v1/price HTTP/1.1"
//     sent to the proxy over plain TCP);
//   - the fetch endpoint, for clients that always tunnel https:
//     "GET http://<proxy>/fetch?url=https%3A%2F%2Fapi.example.com%2Fv1%2Fprice",
//     with the method, body and headers of the request applied to the URL.
//
// The link between the script and the proxy is loopback (or the sandbox's
// private interface), so plain HTTP there exposes nothing.
//
// # What is recorded
//
// Each Exchange holds the method, the normalized URL, the keccak256 of the
// request body and its size, the status, a fixed subset of the response
// headers (RecordedHeaders) and the response body; or, when the proxy
// answered itself (denied host, limit reached, upstream failure), the
// status and the reason. Request headers are forwarded upstream (without
// hop-by-hop and proxy headers, and without Accept-Encoding, so that the
// recorded body is the decoded one) but not recorded, since they may carry
// the script's secrets; for the same reason only the hash of the request
// body is kept. URLs are recorded in full: a secret in a query string ends
// up in the transcript. Redirects are not followed: the script sees the
// 3xx and its next request goes through the allowlist again.
//
// Requests past Config.MaxRequests all get the same 429 request_limit
// answer and only the first is recorded, so a transcript holds at most
// MaxRequests+1 exchanges; a replay answers every request from that point
// on the same way.
//
// # Spot checks
//
// Spot re-fetches only GET and HEAD requests without a body that the
// upstream answered: re-sending other methods could have side effects, and
// their bodies are not recorded. Since request headers are not recorded
// either, an attester passes the headers its own replayed re-run sent
// (Proxy.ReplayHeaders), so that a request carrying the script's API key is
// re-fetched with it. Spot enforces the job's allowlist itself: a transcript
// comes from the performer and could otherwise make attesters fetch any URL.
//
// # Allowlist
//
// A pattern is an exact host ("api.example.com", "127.0.0.1", "[::1]"),
// which allows the default ports 80 and 443 only; a host and port
// ("api.example.com:8443"); or a wildcard "*.example.com", matching every
// subdomain of example.com (not example.com itself), optionally with a port.
// Hosts compare case-insensitively. The allowlist names hosts, not
// addresses: a host that resolves to an internal address is reached.
//
// # Concurrency
//
// A Proxy serves concurrent requests from one script run; its methods are
// safe for concurrent use. The transcript lists exchanges in the order the
// proxy received the requests; read it (Transcript) after the script has
// exited: requests still in flight are left out. A replaying Proxy matches
// each request with the first unused exchange of the same method, URL and
// body hash, so concurrent requests may arrive in any order across
// different URLs. Transcript, Tolerance and the comparison helpers are plain
// values; Spot is safe for concurrent use.
package netproxy
