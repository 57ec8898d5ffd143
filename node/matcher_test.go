package node

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
)

func TestMatcher(t *testing.T) {
	task := common.HexToHash("0x01")
	performer := common.HexToAddress("0xaa")
	impostor := common.HexToAddress("0xbb")
	a := attestation.Assignment{Task: attestation.Task{ID: task}, Performer: performer}
	real := attestation.Result{TaskID: task, Performer: performer, TxHash: common.HexToHash("0x11")}
	fake := attestation.Result{TaskID: task, Performer: impostor, TxHash: common.HexToHash("0x22")}
	// The coordinator's fallback: round 1 names the next keeper.
	next := common.HexToAddress("0xcc")
	a1 := attestation.Assignment{Task: attestation.Task{ID: task}, Performer: next, Round: 1}
	real1 := attestation.Result{TaskID: task, Performer: next, TxHash: common.HexToHash("0x33")}
	// Re-publications: the same result, and another one from the
	// performer under a resend count.
	resent := real
	resent.Resend = 1
	other := attestation.Result{TaskID: task, Performer: performer, TxHash: common.HexToHash("0x44"), Resend: 2}
	resent0 := real1
	resent0.Resend = 1

	tests := []struct {
		name  string
		steps []any // Assignment or Result, in arrival order
		want  []attestation.Result
	}{
		{"assignment then result", []any{a, real}, []attestation.Result{real}},
		{"result then assignment", []any{real, a}, []attestation.Result{real}},
		{"impostor result ignored", []any{a, fake, real}, []attestation.Result{real}},
		{"early impostor ignored", []any{fake, real, a}, []attestation.Result{real}},
		{"only once", []any{a, real, real, a}, []attestation.Result{real}},
		{"no assignment, no pair", []any{real}, nil},
		{"fallback round replaces a silent performer", []any{a, a1, real1}, []attestation.Result{real1}},
		{"fallback round after a result is paired again", []any{a, real, a1, real1}, []attestation.Result{real, real1}},
		{"fallback result before its round", []any{a, real1, a1}, []attestation.Result{real1}},
		{"earlier round's result ignored after fallback", []any{a, a1, real, real1}, []attestation.Result{real1}},
		{"late earlier round ignored", []any{a1, a, real, real1}, []attestation.Result{real1}},
		{"each round once", []any{a, a1, real1, real1, a1}, []attestation.Result{real1}},
		{"a resent result is output again", []any{a, real, resent, real}, []attestation.Result{real, resent}},
		{"a resent result pairs when the first was lost", []any{a, resent}, []attestation.Result{resent}},
		{"a different result under a resend is ignored", []any{a, real, other}, []attestation.Result{real}},
		{"a resend of an earlier round is ignored", []any{a, real, a1, real1, resent}, []attestation.Result{real, real1}},
		{"a resend before its assignment pairs, and again when resent", []any{resent0, a1, resent0}, []attestation.Result{resent0, resent0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMatcher(time.Minute)
			var got []attestation.Result
			m.Subscribe(func(_ context.Context, ga attestation.Assignment, r attestation.Result) error {
				require.Equal(t, a.Task.ID, ga.Task.ID)
				got = append(got, r)
				return nil
			})
			ctx := context.Background()
			for _, s := range tt.steps {
				switch v := s.(type) {
				case attestation.Assignment:
					require.NoError(t, m.AddAssignment(ctx, v))
				case attestation.Result:
					require.NoError(t, m.AddResult(ctx, v))
				}
			}
			require.Equal(t, tt.want, got)
		})
	}
}
