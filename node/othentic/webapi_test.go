package othentic_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/node/othentic"
)

const performerHex = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23" // address of performerKeyHex

// vote is what a test validator answers.
type vote struct {
	approve bool
	reason  string
	err     error
}

// recordingValidator answers every request with v and records what it was
// asked.
type recordingValidator struct {
	mu  sync.Mutex
	got []othentic.ValidateRequest
	v   vote
}

func (r *recordingValidator) validate(_ context.Context, req othentic.ValidateRequest) (bool, string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, req)
	return r.v.approve, r.v.reason, r.v.err
}

// webReply decodes an AVS web API answer and checks its exact shape: three
// keys, two booleans and a string.
func webReply(t testing.TB, body []byte) (data, isErr bool, msg string) {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(body, &m), "body %q", body)
	require.Len(t, m, 3, "body %q", body)
	data, ok1 := m["data"].(bool)
	isErr, ok2 := m["error"].(bool)
	msg, ok3 := m["message"].(string)
	require.True(t, ok1 && ok2 && ok3, "wrong shape: %s", body)
	return data, isErr, msg
}

func TestPerformerHexMatchesKey(t *testing.T) {
	require.Equal(t, common.HexToAddress(performerHex), mustKey(t, performerKeyHex).addr)
}

func TestValidate(t *testing.T) {
	performer := common.HexToAddress(performerHex)
	tests := []struct {
		name   string
		body   string
		vote   vote
		nilVal bool

		wantStatus int
		wantData   bool
		wantErr    bool
		wantMsg    string // substring
		wantReq    *othentic.ValidateRequest
	}{
		{
			name:       "approve",
			body:       `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":7,"performer":"` + performerHex + `"}`,
			vote:       vote{approve: true},
			wantStatus: http.StatusOK, wantData: true,
			wantReq: &othentic.ValidateRequest{ProofOfTask: "QmProof", Data: []byte{0x12, 0x34}, TaskDefinitionID: 7, Performer: performer},
		},
		{
			name:       "taskDefinitionID spelling and targetChainId",
			body:       `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionID":9,"performer":"` + strings.ToLower(performerHex) + `","targetChainId":8453}`,
			vote:       vote{approve: true},
			wantStatus: http.StatusOK, wantData: true,
			wantReq: &othentic.ValidateRequest{ProofOfTask: "QmProof", Data: []byte{0x12, 0x34}, TaskDefinitionID: 9, Performer: performer, TargetChainID: 8453},
		},
		{
			name:       "both spellings agree",
			body:       `{"proofOfTask":"QmProof","data":"0x","taskDefinitionId":3,"taskDefinitionID":3,"performer":"` + performerHex + `"}`,
			vote:       vote{approve: true},
			wantStatus: http.StatusOK, wantData: true,
			wantReq: &othentic.ValidateRequest{ProofOfTask: "QmProof", Data: []byte{}, TaskDefinitionID: 3, Performer: performer},
		},
		{
			name:       "unknown fields ignored",
			body:       `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":7,"performer":"` + performerHex + `","signatureType":"ecdsa","extra":{"a":[1,2]}}`,
			vote:       vote{approve: true},
			wantStatus: http.StatusOK, wantData: true,
			wantReq: &othentic.ValidateRequest{ProofOfTask: "QmProof", Data: []byte{0x12, 0x34}, TaskDefinitionID: 7, Performer: performer},
		},
		{
			name:       "reject with reason",
			body:       `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":7,"performer":"` + performerHex + `"}`,
			vote:       vote{approve: false, reason: "action tx not found on chain"},
			wantStatus: http.StatusOK, wantData: false, wantErr: false, wantMsg: "action tx not found on chain",
		},
		{
			name:       "cannot judge",
			body:       `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":7,"performer":"` + performerHex + `"}`,
			vote:       vote{approve: true, err: errors.New("fetch ipfs data: timeout")},
			wantStatus: http.StatusOK, wantData: false, wantErr: true, wantMsg: "fetch ipfs data: timeout",
		},
		{
			name:       "no validator configured",
			body:       `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":7,"performer":"` + performerHex + `"}`,
			nilVal:     true,
			wantStatus: http.StatusOK, wantErr: true, wantMsg: "does not validate",
		},
		{name: "malformed JSON", body: `{"proofOfTask":`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "malformed JSON"},
		{name: "empty body", body: ``, wantStatus: http.StatusBadRequest, wantErr: true},
		{name: "array body", body: `[]`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "want an object"},
		{name: "null body", body: `null`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "missing proofOfTask"},
		{name: "trailing garbage", body: `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":7,"performer":"` + performerHex + `"} x`, wantStatus: http.StatusBadRequest, wantErr: true},
		{name: "taskDefinitionId as string", body: `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":"7","performer":"` + performerHex + `"}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "taskDefinitionId"},
		{name: "taskDefinitionId too large", body: `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":65536,"performer":"` + performerHex + `"}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "taskDefinitionId"},
		{name: "taskDefinitionId negative", body: `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":-1,"performer":"` + performerHex + `"}`, wantStatus: http.StatusBadRequest, wantErr: true},
		{name: "proofOfTask as number", body: `{"proofOfTask":5,"data":"0x1234","taskDefinitionId":7,"performer":"` + performerHex + `"}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "proofOfTask"},
		{name: "targetChainId as string", body: `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":7,"performer":"` + performerHex + `","targetChainId":"8453"}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "targetChainId"},
		{name: "bad hex", body: `{"proofOfTask":"QmProof","data":"0xzz","taskDefinitionId":7,"performer":"` + performerHex + `"}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "invalid data"},
		{name: "odd hex", body: `{"proofOfTask":"QmProof","data":"0x123","taskDefinitionId":7,"performer":"` + performerHex + `"}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "invalid data"},
		{name: "bad address", body: `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":7,"performer":"0x1234"}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "invalid performer"},
		{name: "missing performer", body: `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":7}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "missing performer"},
		{name: "missing taskDefinitionId", body: `{"proofOfTask":"QmProof","data":"0x1234","performer":"` + performerHex + `"}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "missing taskDefinitionId"},
		{name: "spellings disagree", body: `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":7,"taskDefinitionID":8,"performer":"` + performerHex + `"}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "disagree"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := &recordingValidator{v: tt.vote}
			var validate othentic.Validator = v.validate
			if tt.nilVal {
				validate = nil
			}
			h := othentic.NewAVSWebAPI(validate, nil, zaptest.NewLogger(t))
			status, body := post(t, h, "/task/validate", tt.body)
			require.Equal(t, tt.wantStatus, status, "body %s", body)
			data, isErr, msg := webReply(t, body)
			require.Equal(t, tt.wantData, data)
			require.Equal(t, tt.wantErr, isErr)
			require.Contains(t, msg, tt.wantMsg)
			if tt.wantStatus != http.StatusOK {
				require.Empty(t, v.got, "validator must not run on a bad request")
			}
			if tt.wantReq != nil {
				require.Equal(t, []othentic.ValidateRequest{*tt.wantReq}, v.got)
			}
		})
	}
}

func TestValidatePanicIsCannotJudge(t *testing.T) {
	h := othentic.NewAVSWebAPI(func(context.Context, othentic.ValidateRequest) (bool, string, error) {
		panic("boom")
	}, nil, zaptest.NewLogger(t))
	status, body := post(t, h, "/task/validate", `{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":7,"performer":"`+performerHex+`"}`)
	require.Equal(t, http.StatusOK, status)
	data, isErr, _ := webReply(t, body)
	require.False(t, data)
	require.True(t, isErr)
}

func TestWebAPIRouting(t *testing.T) {
	h := othentic.NewAVSWebAPI(nil, nil, nil, othentic.WithMaxBodyBytes(64))
	tests := []struct {
		method, path, body string
		wantStatus         int
	}{
		{http.MethodGet, "/task/validate", "", http.StatusMethodNotAllowed},
		{http.MethodPut, "/p2p/message", "", http.StatusMethodNotAllowed},
		{http.MethodPost, "/nope", "{}", http.StatusNotFound},
		{http.MethodGet, "/", "", http.StatusNotFound},
		{http.MethodPost, "/task/validate", `{"proofOfTask":"` + strings.Repeat("a", 100) + `"}`, http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %s", tt.method, tt.path), func(t *testing.T) {
			status, body := do(t, h, tt.method, tt.path, tt.body)
			require.Equal(t, tt.wantStatus, status)
			_, isErr, _ := webReply(t, body)
			require.True(t, isErr)
		})
	}
}

func TestP2PMessage(t *testing.T) {
	type call struct {
		data    []byte
		tdid    uint16
		hasTDID bool
	}
	tests := []struct {
		name       string
		body       string
		handlerErr error
		wantStatus int
		wantData   bool
		wantErr    bool
		wantMsg    string
		wantCall   *call
	}{
		{
			name:       "happy path",
			body:       `{"data":"0x7b227461736b223a317d"}`,
			wantStatus: http.StatusOK, wantData: true,
			wantCall: &call{data: []byte(`{"task":1}`)},
		},
		{
			name:       "with taskDefinitionId",
			body:       `{"data":"0x7b7d","taskDefinitionId":12}`,
			wantStatus: http.StatusOK, wantData: true,
			wantCall: &call{data: []byte(`{}`), tdid: 12, hasTDID: true},
		},
		{
			name:       "handler refuses",
			body:       `{"data":"0x7b7d"}`,
			handlerErr: errors.New("manager signature invalid"),
			wantStatus: http.StatusOK, wantErr: true, wantMsg: "manager signature invalid",
			wantCall: &call{data: []byte(`{}`)},
		},
		{name: "bad hex", body: `{"data":"0xnothex"}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "invalid data"},
		{name: "empty data", body: `{"data":"0x"}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "empty"},
		{name: "missing data", body: `{}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "missing data"},
		{name: "data not a string", body: `{"data":[1]}`, wantStatus: http.StatusBadRequest, wantErr: true, wantMsg: "data"},
		{name: "taskDefinitionId not a number", body: `{"data":"0x7b7d","taskDefinitionId":"x"}`, wantStatus: http.StatusBadRequest, wantErr: true},
		{name: "malformed JSON", body: `{"data":`, wantStatus: http.StatusBadRequest, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls []call
			h := othentic.NewAVSWebAPI(nil, func(ctx context.Context, data []byte) error {
				tdid, ok := othentic.TaskDefinitionIDFromContext(ctx)
				calls = append(calls, call{data: data, tdid: tdid, hasTDID: ok})
				return tt.handlerErr
			}, zaptest.NewLogger(t))
			status, body := post(t, h, "/p2p/message", tt.body)
			require.Equal(t, tt.wantStatus, status, "body %s", body)
			data, isErr, msg := webReply(t, body)
			require.Equal(t, tt.wantData, data)
			require.Equal(t, tt.wantErr, isErr)
			require.Contains(t, msg, tt.wantMsg)
			if tt.wantCall == nil {
				require.Empty(t, calls)
			} else {
				require.Equal(t, []call{*tt.wantCall}, calls)
			}
		})
	}
}
