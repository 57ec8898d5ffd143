package othentic_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/node/othentic"
)

type rpcReply struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  json.RawMessage `json:"result"`
	Error   *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// sinks records what the JSON-RPC server hands on.
type sinks struct {
	mu        sync.Mutex
	tasks     []othentic.Task
	customs   []customCall
	taskErr   error
	customErr error
}

type customCall struct {
	data []byte
	tdid uint16
}

func (s *sinks) task(_ context.Context, t othentic.Task) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tasks = append(s.tasks, t)
	return s.taskErr
}

func (s *sinks) custom(_ context.Context, data []byte, tdid uint16) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.customs = append(s.customs, customCall{data, tdid})
	return s.customErr
}

func hex0x(b []byte) string { return "0x" + hex.EncodeToString(b) }

func TestJSONRPCCalls(t *testing.T) {
	key := mustKey(t, performerKeyHex)
	other := mustKey(t, otherKeyHex)
	data := []byte{0x12, 0x34}
	sigBytes := signByHand(t, key, "QmProof", data, key.addr, 7)
	sig := hex0x(sigBytes)
	perf := key.addr.Hex()
	r := strings.NewReplacer("PERF", perf, "SIG", sig)

	task := func(target uint64) *othentic.Task {
		return &othentic.Task{ProofOfTask: "QmProof", Data: data, TaskDefinitionID: 7, Performer: key.addr, Signature: sigBytes, TargetChainID: target}
	}
	sendTask := func(params string) string {
		return `{"jsonrpc":"2.0","id":1,"method":"sendTask","params":[` + r.Replace(params) + `]}`
	}

	tests := []struct {
		name       string
		body       string
		taskErr    error
		wantID     string // raw JSON; default "1"
		wantCode   int    // 0: success, result true
		wantMsg    string // substring of the error message
		wantTask   *othentic.Task
		wantCustom *customCall
	}{
		{name: "7 params", body: r.Replace(`{"jsonrpc":"2.0","id":1,"method":"sendTask","params":["QmProof","0x1234",7,"PERF","SIG","ecdsa",8453]}`), wantTask: task(8453)},
		{name: "5 params", body: sendTask(`"QmProof","0x1234",7,"PERF","SIG"`), wantTask: task(0)},
		{name: "6 params", body: sendTask(`"QmProof","0x1234",7,"PERF","SIG","ecdsa"`), wantTask: task(0)},
		{name: "ECDSA upper case, null chain id", body: sendTask(`"QmProof","0x1234",7,"PERF","SIG","ECDSA",null`), wantTask: task(0)},
		{name: "lower-case performer address", body: sendTask(`"QmProof","0x1234",7,"` + strings.ToLower(perf) + `","SIG"`), wantTask: task(0)},
		{name: "string id echoed", body: r.Replace(`{"id":"abc","method":"sendTask","jsonrpc":"2.0","params":["QmProof","0x1234",7,"PERF","SIG"]}`), wantID: `"abc"`, wantTask: task(0)},
		{name: "null id answered", body: r.Replace(`{"jsonrpc":"2.0","id":null,"method":"sendTask","params":["QmProof","0x1234",7,"PERF","SIG"]}`), wantID: `null`, wantTask: task(0)},
		{
			name:     "sink refuses",
			body:     sendTask(`"QmProof","0x1234",7,"PERF","SIG","ecdsa",8453`),
			taskErr:  errors.New("performer is not a registered keeper"),
			wantCode: othentic.CodeServerError, wantMsg: "performer is not a registered keeper",
			wantTask: task(8453),
		},
		{name: "bls", body: sendTask(`"QmProof","0x1234",7,"PERF","{\"x\":\"0x1\",\"y\":\"0x2\"}","bls",8453`), wantCode: othentic.CodeUnsupportedSignatureType, wantMsg: "bls performer signatures are not supported: use ecdsa"},
		{name: "unknown signatureType", body: sendTask(`"QmProof","0x1234",7,"PERF","SIG","schnorr"`), wantCode: othentic.CodeInvalidParams, wantMsg: "signatureType"},
		{name: "signatureType not a string", body: sendTask(`"QmProof","0x1234",7,"PERF","SIG",1`), wantCode: othentic.CodeInvalidParams, wantMsg: "signatureType"},
		{name: "wrong signer", body: sendTask(`"QmProof","0x1234",7,"PERF","` + hex0x(signByHand(t, other, "QmProof", data, key.addr, 7)) + `"`), wantCode: othentic.CodeInvalidSignature, wantMsg: "does not match"},
		{name: "signed other data", body: sendTask(`"QmProof","0x1235",7,"PERF","SIG"`), wantCode: othentic.CodeInvalidSignature},
		{name: "signed other task definition", body: sendTask(`"QmProof","0x1234",8,"PERF","SIG"`), wantCode: othentic.CodeInvalidSignature},
		{name: "other performer address", body: sendTask(`"QmProof","0x1234",7,"` + other.addr.Hex() + `","SIG"`), wantCode: othentic.CodeInvalidSignature},
		{name: "v=0", body: sendTask(`"QmProof","0x1234",7,"PERF","` + hex0x(withV(sigBytes, sigBytes[64]-27)) + `"`), wantCode: othentic.CodeInvalidParams, wantMsg: "v must be 27 or 28"},
		{name: "v=1", body: sendTask(`"QmProof","0x1234",7,"PERF","` + hex0x(withV(sigBytes, 1)) + `"`), wantCode: othentic.CodeInvalidParams, wantMsg: "v must be 27 or 28"},
		{name: "high s", body: sendTask(`"QmProof","0x1234",7,"PERF","` + hex0x(malleate(sigBytes)) + `"`), wantCode: othentic.CodeInvalidSignature},
		{name: "64-byte signature", body: sendTask(`"QmProof","0x1234",7,"PERF","` + hex0x(sigBytes[:64]) + `"`), wantCode: othentic.CodeInvalidParams, wantMsg: "65 bytes"},
		{name: "signature not hex", body: sendTask(`"QmProof","0x1234",7,"PERF","0xnothex"`), wantCode: othentic.CodeInvalidParams, wantMsg: "signature"},
		{name: "data bad hex", body: sendTask(`"QmProof","0xzz",7,"PERF","SIG"`), wantCode: othentic.CodeInvalidParams, wantMsg: "data"},
		{name: "data odd hex", body: sendTask(`"QmProof","0x123",7,"PERF","SIG"`), wantCode: othentic.CodeInvalidParams, wantMsg: "data"},
		{name: "bad address", body: sendTask(`"QmProof","0x1234",7,"0x1234","SIG"`), wantCode: othentic.CodeInvalidParams, wantMsg: "performerAddress"},
		{name: "taskDefinitionId too large", body: sendTask(`"QmProof","0x1234",65536,"PERF","SIG"`), wantCode: othentic.CodeInvalidParams, wantMsg: "taskDefinitionId"},
		{name: "taskDefinitionId as string", body: sendTask(`"QmProof","0x1234","7","PERF","SIG"`), wantCode: othentic.CodeInvalidParams, wantMsg: "taskDefinitionId"},
		{name: "taskDefinitionId negative", body: sendTask(`"QmProof","0x1234",-1,"PERF","SIG"`), wantCode: othentic.CodeInvalidParams},
		{name: "taskDefinitionId fractional", body: sendTask(`"QmProof","0x1234",7.5,"PERF","SIG"`), wantCode: othentic.CodeInvalidParams},
		{name: "targetChainId as string", body: sendTask(`"QmProof","0x1234",7,"PERF","SIG","ecdsa","8453"`), wantCode: othentic.CodeInvalidParams, wantMsg: "targetChainId"},
		{name: "proofOfTask as number", body: sendTask(`1,"0x1234",7,"PERF","SIG"`), wantCode: othentic.CodeInvalidParams, wantMsg: "proofOfTask"},
		{name: "empty proofOfTask", body: sendTask(`"","0x1234",7,"PERF","SIG"`), wantCode: othentic.CodeInvalidParams, wantMsg: "proofOfTask"},
		{name: "4 params", body: sendTask(`"QmProof","0x1234",7,"PERF"`), wantCode: othentic.CodeInvalidParams, wantMsg: "got 4"},
		{name: "8 params", body: sendTask(`"QmProof","0x1234",7,"PERF","SIG","ecdsa",8453,1`), wantCode: othentic.CodeInvalidParams, wantMsg: "got 8"},
		{name: "no params", body: `{"jsonrpc":"2.0","id":1,"method":"sendTask"}`, wantCode: othentic.CodeInvalidParams, wantMsg: "got 0"},
		{name: "named params", body: `{"jsonrpc":"2.0","id":1,"method":"sendTask","params":{"proofOfTask":"QmProof"}}`, wantCode: othentic.CodeInvalidParams, wantMsg: "positional"},
		{name: "unknown method", body: `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`, wantCode: othentic.CodeMethodNotFound, wantMsg: "eth_chainId"},
		{name: "jsonrpc 1.0", body: `{"jsonrpc":"1.0","id":1,"method":"sendTask","params":[]}`, wantCode: othentic.CodeInvalidRequest},
		{name: "missing jsonrpc", body: `{"id":1,"method":"sendTask","params":[]}`, wantCode: othentic.CodeInvalidRequest},
		{name: "method not a string", body: `{"jsonrpc":"2.0","id":1,"method":5,"params":[]}`, wantCode: othentic.CodeInvalidRequest},
		{name: "params a string", body: `{"jsonrpc":"2.0","id":1,"method":"sendTask","params":"x"}`, wantCode: othentic.CodeInvalidRequest},
		{name: "id an object", body: `{"jsonrpc":"2.0","id":{},"method":"sendTask","params":[]}`, wantID: "null", wantCode: othentic.CodeInvalidRequest},
		{name: "not an object", body: `"sendTask"`, wantID: "null", wantCode: othentic.CodeInvalidRequest},
		{name: "parse error", body: `{"jsonrpc":"2.0","id":1,"method":`, wantID: "null", wantCode: othentic.CodeParseError},
		{name: "empty body", body: ``, wantID: "null", wantCode: othentic.CodeParseError},

		{name: "sendCustomMessage data only", body: `{"jsonrpc":"2.0","id":1,"method":"sendCustomMessage","params":["0x7b7d"]}`, wantCustom: &customCall{[]byte("{}"), 0}},
		{name: "sendCustomMessage with taskDefinitionId", body: `{"jsonrpc":"2.0","id":1,"method":"sendCustomMessage","params":["0x7b7d",12]}`, wantCustom: &customCall{[]byte("{}"), 12}},
		{name: "sendCustomMessage no params", body: `{"jsonrpc":"2.0","id":1,"method":"sendCustomMessage","params":[]}`, wantCode: othentic.CodeInvalidParams},
		{name: "sendCustomMessage 3 params", body: `{"jsonrpc":"2.0","id":1,"method":"sendCustomMessage","params":["0x7b7d",1,2]}`, wantCode: othentic.CodeInvalidParams},
		{name: "sendCustomMessage bad hex", body: `{"jsonrpc":"2.0","id":1,"method":"sendCustomMessage","params":["0xzz"]}`, wantCode: othentic.CodeInvalidParams},
		{name: "sendCustomMessage empty data", body: `{"jsonrpc":"2.0","id":1,"method":"sendCustomMessage","params":["0x"]}`, wantCode: othentic.CodeInvalidParams},
		{name: "sendCustomMessage bad id", body: `{"jsonrpc":"2.0","id":1,"method":"sendCustomMessage","params":["0x7b7d","12"]}`, wantCode: othentic.CodeInvalidParams},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &sinks{taskErr: tt.taskErr}
			h := othentic.NewJSONRPC(s.task, s.custom, zaptest.NewLogger(t))
			status, body := post(t, h, "/", tt.body)
			require.Equal(t, http.StatusOK, status, "body %s", body)

			var reply rpcReply
			require.NoError(t, json.Unmarshal(body, &reply), "body %s", body)
			require.Equal(t, "2.0", reply.JSONRPC)
			wantID := tt.wantID
			if wantID == "" {
				wantID = "1"
			}
			require.JSONEq(t, wantID, string(reply.ID))
			if tt.wantCode == 0 {
				require.Nil(t, reply.Error, "body %s", body)
				require.JSONEq(t, "true", string(reply.Result))
			} else {
				require.NotNil(t, reply.Error, "body %s", body)
				require.Equal(t, tt.wantCode, reply.Error.Code, "message %q", reply.Error.Message)
				require.Contains(t, reply.Error.Message, tt.wantMsg)
				require.Empty(t, reply.Result)
			}
			if tt.wantTask == nil {
				require.Empty(t, s.tasks)
			} else {
				require.Equal(t, []othentic.Task{*tt.wantTask}, s.tasks)
			}
			if tt.wantCustom == nil {
				require.Empty(t, s.customs)
			} else {
				require.Equal(t, []customCall{*tt.wantCustom}, s.customs)
			}
		})
	}
}

func TestJSONRPCSignTaskRoundTrip(t *testing.T) {
	key := mustKey(t, performerKeyHex)
	cid := "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"
	sig, err := othentic.SignTask(key.priv, cid, []byte(cid), 2)
	require.NoError(t, err)
	s := &sinks{}
	h := othentic.NewJSONRPC(s.task, s.custom, nil)
	body := `{"jsonrpc":"2.0","id":7,"method":"sendTask","params":["` + cid + `","` + hex0x([]byte(cid)) + `",2,"` + key.addr.Hex() + `","` + hex0x(sig) + `","ecdsa",8453]}`
	status, out := post(t, h, "/", body)
	require.Equal(t, http.StatusOK, status)
	require.JSONEq(t, `{"jsonrpc":"2.0","id":7,"result":true}`, string(out))
	require.Len(t, s.tasks, 1)
}

func TestJSONRPCBatchAndNotifications(t *testing.T) {
	key := mustKey(t, performerKeyHex)
	sig := hex0x(signByHand(t, key, "QmProof", []byte{0x12, 0x34}, key.addr, 7))
	okTask := `"method":"sendTask","params":["QmProof","0x1234",7,"` + key.addr.Hex() + `","` + sig + `"]`

	t.Run("mixed batch", func(t *testing.T) {
		s := &sinks{}
		h := othentic.NewJSONRPC(s.task, s.custom, zaptest.NewLogger(t))
		body := `[
			{"jsonrpc":"2.0","id":1,` + okTask + `},
			{"jsonrpc":"2.0","id":2,"method":"nope"},
			{"jsonrpc":"2.0",` + okTask + `},
			{"jsonrpc":"2.0","method":"sendCustomMessage","params":["0x01"]},
			1,
			{"jsonrpc":"2.0","id":"c","method":"sendCustomMessage","params":["0x02",3]}
		]`
		status, out := post(t, h, "/", body)
		require.Equal(t, http.StatusOK, status)
		var replies []rpcReply
		require.NoError(t, json.Unmarshal(out, &replies), "body %s", out)
		require.Len(t, replies, 4, "notifications get no answer: %s", out)

		require.JSONEq(t, "1", string(replies[0].ID))
		require.JSONEq(t, "true", string(replies[0].Result))
		require.JSONEq(t, "2", string(replies[1].ID))
		require.Equal(t, othentic.CodeMethodNotFound, replies[1].Error.Code)
		require.JSONEq(t, "null", string(replies[2].ID))
		require.Equal(t, othentic.CodeInvalidRequest, replies[2].Error.Code)
		require.JSONEq(t, `"c"`, string(replies[3].ID))
		require.JSONEq(t, "true", string(replies[3].Result))

		require.Len(t, s.tasks, 2, "notifications are executed")
		require.Equal(t, []customCall{{[]byte{1}, 0}, {[]byte{2}, 3}}, s.customs)
	})

	t.Run("notification only", func(t *testing.T) {
		s := &sinks{}
		h := othentic.NewJSONRPC(s.task, s.custom, nil)
		status, out := post(t, h, "/", `{"jsonrpc":"2.0",`+okTask+`}`)
		require.Equal(t, http.StatusNoContent, status)
		require.Empty(t, out)
		require.Len(t, s.tasks, 1)
	})

	t.Run("batch of notifications", func(t *testing.T) {
		s := &sinks{}
		h := othentic.NewJSONRPC(s.task, s.custom, nil)
		status, out := post(t, h, "/", `[{"jsonrpc":"2.0",`+okTask+`},{"jsonrpc":"2.0","method":"nope"}]`)
		require.Equal(t, http.StatusNoContent, status)
		require.Empty(t, out)
		require.Len(t, s.tasks, 1)
	})

	t.Run("empty batch", func(t *testing.T) {
		h := othentic.NewJSONRPC((&sinks{}).task, nil, nil)
		status, out := post(t, h, "/", `[]`)
		require.Equal(t, http.StatusOK, status)
		var reply rpcReply
		require.NoError(t, json.Unmarshal(out, &reply))
		require.Equal(t, othentic.CodeInvalidRequest, reply.Error.Code)
	})

	t.Run("batch over limit", func(t *testing.T) {
		h := othentic.NewJSONRPC((&sinks{}).task, nil, nil, othentic.WithMaxBatch(2))
		status, out := post(t, h, "/", `[{"jsonrpc":"2.0","id":1,"method":"x"},{"jsonrpc":"2.0","id":2,"method":"x"},{"jsonrpc":"2.0","id":3,"method":"x"}]`)
		require.Equal(t, http.StatusOK, status)
		var reply rpcReply
		require.NoError(t, json.Unmarshal(out, &reply))
		require.Equal(t, othentic.CodeInvalidRequest, reply.Error.Code)
		require.Contains(t, reply.Error.Message, "limit")
	})
}

func TestJSONRPCTransport(t *testing.T) {
	tests := []struct {
		name       string
		method     string
		body       string
		wantStatus int
		wantCode   int
	}{
		{name: "GET", method: http.MethodGet, wantStatus: http.StatusMethodNotAllowed, wantCode: othentic.CodeInvalidRequest},
		{name: "body too large", method: http.MethodPost, body: `{"jsonrpc":"2.0","id":1,"method":"sendCustomMessage","params":["0x` + strings.Repeat("00", 200) + `"]}`, wantStatus: http.StatusRequestEntityTooLarge, wantCode: othentic.CodeInvalidRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := othentic.NewJSONRPC(nil, (&sinks{}).custom, nil, othentic.WithMaxBodyBytes(256))
			status, out := do(t, h, tt.method, "/", tt.body)
			require.Equal(t, tt.wantStatus, status)
			var reply rpcReply
			require.NoError(t, json.Unmarshal(out, &reply))
			require.Equal(t, tt.wantCode, reply.Error.Code)
		})
	}
}

func TestJSONRPCNilSinksAndPanics(t *testing.T) {
	key := mustKey(t, performerKeyHex)
	sig := hex0x(signByHand(t, key, "QmProof", []byte{0x12, 0x34}, key.addr, 7))
	sendTask := `{"jsonrpc":"2.0","id":1,"method":"sendTask","params":["QmProof","0x1234",7,"` + key.addr.Hex() + `","` + sig + `"]}`
	custom := `{"jsonrpc":"2.0","id":1,"method":"sendCustomMessage","params":["0x01"]}`
	panicTask := func(context.Context, othentic.Task) error { panic("boom") }
	panicCustom := func(context.Context, []byte, uint16) error { panic("boom") }

	tests := []struct {
		name     string
		h        othentic.TaskSink
		c        othentic.CustomSink
		body     string
		wantCode int
	}{
		{name: "sendTask without sink", c: (&sinks{}).custom, body: sendTask, wantCode: othentic.CodeMethodNotFound},
		{name: "sendCustomMessage without sink", h: (&sinks{}).task, body: custom, wantCode: othentic.CodeMethodNotFound},
		{name: "task sink panics", h: panicTask, body: sendTask, wantCode: othentic.CodeInternalError},
		{name: "custom sink panics", c: panicCustom, body: custom, wantCode: othentic.CodeInternalError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := othentic.NewJSONRPC(tt.h, tt.c, zaptest.NewLogger(t))
			status, out := post(t, h, "/", tt.body)
			require.Equal(t, http.StatusOK, status)
			var reply rpcReply
			require.NoError(t, json.Unmarshal(out, &reply))
			require.Equal(t, tt.wantCode, reply.Error.Code)
		})
	}
}

// TestJSONRPCConcurrent runs calls in parallel under the race detector.
func TestJSONRPCConcurrent(t *testing.T) {
	key := mustKey(t, performerKeyHex)
	s := &sinks{}
	h := othentic.NewJSONRPC(s.task, s.custom, nil)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			proof := "Qm" + strings.Repeat("x", i)
			sig, err := othentic.SignTask(key.priv, proof, []byte{byte(i)}, uint16(i))
			if err != nil {
				t.Error(err)
				return
			}
			body := `{"jsonrpc":"2.0","id":1,"method":"sendTask","params":["` + proof + `","` + hex0x([]byte{byte(i)}) + `",` + jsonNumber(i) + `,"` + key.addr.Hex() + `","` + hex0x(sig) + `"]}`
			if status, out := post(t, h, "/", body); status != http.StatusOK || !strings.Contains(string(out), `"result":true`) {
				t.Errorf("call %d: %d %s", i, status, out)
			}
		}()
	}
	wg.Wait()
	require.Len(t, s.tasks, 16)
}

func jsonNumber(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
