// Package script is the contract between a keeper and a user script: what
// the script reads on stdin (Context) and what it must print on stdout
// (Output).
//
// Jobs of task definitions 2, 4 and 6 compute the arguments of the job's
// fixed function with a script; jobs of task definition 7 let the script
// decide whether to execute and what to call. The performer runs the script
// once; every attester re-runs it with the same Context (same Context.Hash)
// and compares the parsed Output (same Output.Hash). The system we replace
// guessed at free-form output (regexes, "all numbers > 100", float64
// conversion); here the output is one strict JSON object, converted exactly:
// a wei amount printed as the JSON number 123456789012345678901234567890
// reaches the chain as that integer, or the output is rejected.
//
// A script must be deterministic given its Context and the responses it
// receives: attesters' re-runs see the same context and, for scripts with
// allowed hosts, the performer's recorded responses (execution/netproxy).
// Such a script reaches the network only through the keeper's proxy, whose
// address it finds in HTTP_PROXY (and HTTPS_PROXY, ALL_PROXY, lower-case
// too) and TRIGGERX_PROXY. Clients that honour proxy variables (Python's
// urllib, Go's net/http, curl) reach http:// URLs unchanged. For https://
// URLs, which such clients would tunnel with CONNECT (refused: the proxy
// must see the plaintext it records, and makes the TLS connection itself),
// and for clients that ignore proxy variables (node's fetch), the script asks
// the proxy's fetch endpoint:
//
//	fetch(process.env.TRIGGERX_PROXY + "/fetch?url=" + encodeURIComponent(url))
//
// Every way an output can be rejected is a sentinel error in errors.go;
// Reason maps it to a stable reason code documented in reasons.md.
//
// Concurrency: the package keeps no state. BuildContext, ParseOutput,
// ValidateStorage, ApplyStorage and Reason are safe for concurrent use;
// Context and Output are plain values (use Clone before sharing one that
// will be modified).
package script
