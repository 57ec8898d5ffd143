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
// Every way an output can be rejected is a sentinel error in errors.go;
// Reason maps it to a stable reason code documented in reasons.md.
//
// Concurrency: the package keeps no state. BuildContext, ParseOutput,
// ValidateStorage, ApplyStorage and Reason are safe for concurrent use;
// Context and Output are plain values (use Clone before sharing one that
// will be modified).
package script
