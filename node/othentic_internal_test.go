package node

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/node/othentic"
	"github.com/triggerx-network/triggerx/p2p"
)

// testOthentic drives a keeper's AVS web API and an aggregator's JSON-RPC
// with requests shaped as Othentic sends them, over a real execution (a,
// honest) that v approves.
func testOthentic(t *testing.T, f *checksFixture, v attestation.Verifier, a attestation.Assignment, honest attestation.Result,
	performerKey *ecdsa.PrivateKey,
) {
	ctx := context.Background()
	sign := func(r attestation.Result) attestation.Result {
		var err error
		r.Signature, err = attestation.SignECDSA(performerKey, r.Digest(f.domain))
		require.NoError(t, err)
		return r
	}
	encode := func(r attestation.Result) string {
		b, err := p2p.EncodeResult(r)
		require.NoError(t, err)
		return hexutil.Encode(b)
	}
	match := newMatcher(assignmentTTL)
	require.NoError(t, match.AddAssignment(ctx, a))
	var assigned []attestation.Assignment
	keeper := &othenticKeeper{checks: f.checks, matcher: match, verifier: v,
		assigned: func(_ context.Context, a attestation.Assignment) error { assigned = append(assigned, a); return nil }}
	web := httptest.NewServer(othentic.NewAVSWebAPI(keeper.validate, keeper.message, zaptest.NewLogger(t)))
	t.Cleanup(web.Close)

	type answer struct {
		Data    bool   `json:"data"`
		Error   bool   `json:"error"`
		Message string `json:"message"`
	}
	post := func(path, body string) answer {
		resp, err := http.Post(web.URL+path, "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
		var out answer
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
		return out
	}
	validate := func(proof, data string, tdid int, performer string) answer {
		return post("/task/validate", fmt.Sprintf(`{"proofOfTask":%q,"data":%q,"taskDefinitionId":%d,"performer":%q}`, proof, data, tdid, performer))
	}

	good := sign(honest.Clone())
	lie := honest.Clone()
	lie.Calldata = append(lie.Calldata[:4:4], make([]byte, 32)...)
	lie = sign(lie)
	unknown := honest.Clone()
	unknown.TaskID[0] ^= 1
	unknown = sign(unknown)
	forgedResult := honest.Clone() // signed by a keeper that is not its performer
	var err error
	forgedResult.Signature, err = attestation.SignECDSA(f.keepers[3], forgedResult.Digest(f.domain))
	require.NoError(t, err)
	performer := good.Performer.Hex()
	for _, tc := range []struct {
		name string
		got  answer
		want answer
	}{
		{"honest", validate(good.TaskID.Hex(), encode(good), 1, performer), answer{Data: true}},
		{"the older spelling", post("/task/validate", fmt.Sprintf(`{"proofOfTask":%q,"data":%q,"taskDefinitionID":1,"performer":%q}`,
			good.TaskID.Hex(), encode(good), performer)), answer{Data: true}},
		{"other calldata", validate(lie.TaskID.Hex(), encode(lie), 1, performer), answer{Message: "calldata_mismatch"}},
		{"signed by another keeper", validate(honest.TaskID.Hex(), encode(forgedResult), 1, performer), answer{Message: reasonResultSignature}},
		{"proof names another task", validate(unknown.TaskID.Hex(), encode(good), 1, performer), answer{Message: reasonProofOfTask}},
		{"not a result", validate(good.TaskID.Hex(), "0x1234", 1, performer), answer{Message: reasonResultMalformed}},
		{"wrong task definition", validate(good.TaskID.Hex(), encode(good), 2, performer), answer{Message: reasonResultMismatch}},
	} {
		require.Equal(t, tc.want, tc.got, tc.name)
	}
	got := validate(unknown.TaskID.Hex(), encode(unknown), 1, performer)
	require.True(t, got.Error, "a task whose assignment the keeper lacks cannot be judged")
	require.Contains(t, got.Message, "has not reached this keeper")

	// Custom messages carry assignments: the coordinator's are taken,
	// anyone else's refused.
	message := func(as attestation.Assignment) answer {
		b, err := p2p.EncodeAssignment(as)
		require.NoError(t, err)
		return post("/p2p/message", fmt.Sprintf(`{"data":%q}`, hexutil.Encode(b)))
	}
	require.Equal(t, answer{Data: true}, message(f.assignment(t, f.coord, nil)))
	forged := message(f.assignment(t, performerKey, nil))
	require.True(t, forged.Error)
	require.Len(t, assigned, 1)

	// The aggregator's JSON-RPC: a sendTask signed by the performer
	// publishes its result; a forged one does not.
	var published []attestation.Result
	var publishedA []attestation.Assignment
	agg := &othenticAggregator{checks: f.checks,
		publishResult: func(_ context.Context, r attestation.Result) error { published = append(published, r); return nil },
		publishAssignment: func(_ context.Context, a attestation.Assignment) error {
			publishedA = append(publishedA, a)
			return nil
		},
	}
	rpc := httptest.NewServer(othentic.NewJSONRPC(agg.task, agg.custom, zaptest.NewLogger(t)))
	t.Cleanup(rpc.Close)
	call := func(body string) map[string]any {
		resp, err := http.Post(rpc.URL, "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		var out map[string]any
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
		return out
	}
	data := encode(good)
	var rawData, b []byte
	rawData, err = hexutil.Decode(data)
	require.NoError(t, err)
	sig, err := othentic.SignTask(performerKey, good.TaskID.Hex(), rawData, 1)
	require.NoError(t, err)
	out := call(fmt.Sprintf(`{"jsonrpc":"2.0","id":1,"method":"sendTask","params":[%q,%q,1,%q,%q,"ecdsa",%d]}`,
		good.TaskID.Hex(), data, performer, hexutil.Encode(sig), f.chainID.Uint64()))
	require.Equal(t, true, out["result"], "%v", out)
	require.Equal(t, []attestation.Result{good}, published)

	otherSig, err := othentic.SignTask(f.keepers[3], good.TaskID.Hex(), rawData, 1)
	require.NoError(t, err)
	out = call(fmt.Sprintf(`{"jsonrpc":"2.0","id":2,"method":"sendTask","params":[%q,%q,1,%q,%q]}`,
		good.TaskID.Hex(), data, performer, hexutil.Encode(otherSig)))
	require.NotNil(t, out["error"], "a signature by another key")
	unsigned := encode(forgedResult)
	rawUnsigned, err := hexutil.Decode(unsigned)
	require.NoError(t, err)
	sig, err = othentic.SignTask(performerKey, honest.TaskID.Hex(), rawUnsigned, 1)
	require.NoError(t, err)
	out = call(fmt.Sprintf(`{"jsonrpc":"2.0","id":3,"method":"sendTask","params":[%q,%q,1,%q,%q]}`,
		honest.TaskID.Hex(), unsigned, performer, hexutil.Encode(sig)))
	require.NotNil(t, out["error"], "a result without the performer's result signature")
	require.Len(t, published, 1)

	b, err = p2p.EncodeAssignment(f.assignment(t, f.coord, nil))
	require.NoError(t, err)
	out = call(fmt.Sprintf(`{"jsonrpc":"2.0","id":4,"method":"sendCustomMessage","params":[%q,1]}`, hexutil.Encode(b)))
	require.Equal(t, true, out["result"], "%v", out)
	require.Len(t, publishedA, 1)
}
