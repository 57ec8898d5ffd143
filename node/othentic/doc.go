// Package othentic serves the two HTTP interfaces through which an Othentic
// node talks to the software of an AVS, so that TriggerX keepers and the
// TriggerX aggregator can run behind (or in place of) Othentic's otnode.
//
// Othentic is a framework for EigenLayer AVSs: a performer operator executes
// a task and hands the result to an Othentic node over JSON-RPC; the node
// gossips it to the attester operators, each of which asks its own AVS web
// API whether to approve it, signs that vote and gossips it; the aggregator
// node collects votes until it holds enough voting power and submits the
// task to the AttestationCenter contract on L2.
//
// The package has two surfaces, each a [net/http.Handler]:
//
//   - [NewAVSWebAPI], the keeper side: the web API an Othentic attester calls.
//     POST /task/validate asks for a vote on a task and POST /p2p/message
//     delivers a custom message gossiped by sendCustomMessage. Answers are
//     HTTP 200 {"data": bool, "error": bool, "message": string}; "data" is the
//     vote, "error": true means "this keeper cannot judge" (the attester then
//     does not vote). Malformed requests get HTTP 400 with the same shape.
//   - [NewJSONRPC], the aggregator side: the JSON-RPC 2.0 server a performer
//     calls with sendTask and sendCustomMessage (positional params, batches
//     and notifications supported). Error codes are listed with [CodeServerError].
//
// Performer signature rule: sendTask carries an ECDSA signature over
// taskHash = keccak256(abi.encode(string proofOfTask, bytes data, address
// performer, uint16 taskDefinitionId)), see [TaskHash]. It is 65 bytes r‖s‖v
// with v = 27 or 28, made over the raw hash (no EIP-191 prefix), with s in
// the lower half of the curve order as OpenZeppelin's ECDSA.recover demands
// on chain; the recovered address must be the performer. [SignTask] produces
// such a signature and [VerifyTaskSignature] checks one. BLS performer
// signatures are refused: Othentic's are on BN254, ours on BLS12-381.
//
// The package makes no decision of its own beyond decoding and the signature
// check: the keeper supplies the [Validator] and [MessageHandler] callbacks,
// the aggregator the [TaskSink] and [CustomSink] callbacks (for example to
// check that the performer is a registered keeper).
//
// Concurrency: the handlers hold no mutable state and are safe for
// concurrent use, so callbacks are called concurrently across requests (the
// calls of one JSON-RPC batch run one after the other). Each callback runs
// under a context that ends when the HTTP request ends or when the handler
// timeout ([WithTimeout], one budget per HTTP request, batch included)
// expires. A panicking callback is recovered, logged and answered as an
// internal error.
package othentic
