package othentic_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/triggerx-network/triggerx/node/othentic"
)

// FuzzAVSWebAPI: whatever the body, both endpoints answer with one of the
// documented statuses and the {"data","error","message"} JSON shape.
func FuzzAVSWebAPI(f *testing.F) {
	for _, seed := range []string{
		`{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionId":7,"performer":"` + performerHex + `"}`,
		`{"proofOfTask":"QmProof","data":"0x1234","taskDefinitionID":7,"performer":"` + performerHex + `","targetChainId":8453}`,
		`{"proofOfTask":"","data":"","taskDefinitionId":0,"performer":"0x0000000000000000000000000000000000000000"}`,
		`{"data":"0x7b7d","taskDefinitionId":12}`,
		`{"data":"0xzz"}`,
		`{"taskDefinitionId":1e3}`,
		`{"taskDefinitionId":"7","taskDefinitionID":null}`,
		`[]`, `null`, `"x"`, `{`, ``, "\x00\xff",
	} {
		f.Add(seed)
	}
	validate := func(_ context.Context, req othentic.ValidateRequest) (bool, string, error) {
		switch len(req.Data) % 3 {
		case 0:
			return true, "", nil
		case 1:
			return false, "odd", nil
		}
		return false, "", errors.New("cannot judge")
	}
	message := func(_ context.Context, data []byte) error {
		if data[0]%2 == 0 {
			return errors.New("refused")
		}
		return nil
	}
	h := othentic.NewAVSWebAPI(validate, message, nil, othentic.WithMaxBodyBytes(4096))
	f.Fuzz(func(t *testing.T, body string) {
		for _, path := range []string{"/task/validate", "/p2p/message"} {
			status, out := post(t, h, path, body)
			switch status {
			case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			default:
				t.Fatalf("%s: status %d", path, status)
			}
			var reply struct {
				Data    *bool   `json:"data"`
				Error   *bool   `json:"error"`
				Message *string `json:"message"`
			}
			if err := json.Unmarshal(out, &reply); err != nil || reply.Data == nil || reply.Error == nil || reply.Message == nil {
				t.Fatalf("%s: answer %q is not the web API shape (%v)", path, out, err)
			}
			if status != http.StatusOK && !*reply.Error {
				t.Fatalf("%s: status %d without error:true", path, status)
			}
		}
	})
}

// FuzzJSONRPC: whatever the body, the server answers 200 with a JSON-RPC
// response (or an array of them), 204 with nothing, or 413.
func FuzzJSONRPC(f *testing.F) {
	key := mustKey(f, performerKeyHex)
	sig, err := othentic.SignTask(key.priv, "QmProof", []byte{0x12, 0x34}, 7)
	if err != nil {
		f.Fatal(err)
	}
	valid := `{"jsonrpc":"2.0","id":1,"method":"sendTask","params":["QmProof","0x1234",7,"` + key.addr.Hex() + `","` + hex0x(sig) + `","ecdsa",8453]}`
	for _, seed := range []string{
		valid,
		`[` + valid + `,{"jsonrpc":"2.0","method":"sendCustomMessage","params":["0x01",2]},1]`,
		`{"jsonrpc":"2.0","id":"x","method":"sendCustomMessage","params":["0x7b7d"]}`,
		`{"jsonrpc":"2.0","method":"sendTask","params":["QmProof","0x1234",7,"` + key.addr.Hex() + `","0x00","bls"]}`,
		`{"jsonrpc":"2.0","id":1,"method":"sendTask","params":{"a":1}}`,
		`{"jsonrpc":"2.0","id":[],"method":"x"}`,
		`[]`, `[[]]`, `null`, `{`, ``, `1e999`, "\x00",
	} {
		f.Add(seed)
	}
	tasks := func(_ context.Context, t othentic.Task) error {
		if t.TaskDefinitionID%2 == 1 {
			return errors.New("refused")
		}
		return nil
	}
	custom := func(context.Context, []byte, uint16) error { return nil }
	h := othentic.NewJSONRPC(tasks, custom, nil, othentic.WithMaxBodyBytes(8192))
	f.Fuzz(func(t *testing.T, body string) {
		status, out := post(t, h, "/", body)
		switch status {
		case http.StatusNoContent:
			if len(out) != 0 {
				t.Fatalf("204 with body %q", out)
			}
			return
		case http.StatusOK, http.StatusRequestEntityTooLarge:
		default:
			t.Fatalf("status %d", status)
		}
		type reply struct {
			JSONRPC string          `json:"jsonrpc"`
			ID      json.RawMessage `json:"id"`
			Result  json.RawMessage `json:"result"`
			Error   json.RawMessage `json:"error"`
		}
		var replies []reply
		if len(out) > 0 && out[0] == '[' {
			if err := json.Unmarshal(out, &replies); err != nil || len(replies) == 0 {
				t.Fatalf("bad batch answer %q: %v", out, err)
			}
		} else {
			var one reply
			if err := json.Unmarshal(out, &one); err != nil {
				t.Fatalf("bad answer %q: %v", out, err)
			}
			replies = append(replies, one)
		}
		for _, r := range replies {
			if r.JSONRPC != "2.0" || len(r.ID) == 0 || (len(r.Result) == 0) == (len(r.Error) == 0) {
				t.Fatalf("not a JSON-RPC 2.0 response: %q", out)
			}
		}
	})
}
