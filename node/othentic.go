package node

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/node/othentic"
	"github.com/triggerx-network/triggerx/p2p"
)

// Reasons a keeper's Othentic web API rejects a task for, beside the
// verifier's.
const (
	reasonResultMalformed = "result_malformed"       // data is not a TriggerX result
	reasonProofOfTask     = "proof_of_task_mismatch" // proofOfTask does not name the result's task
	reasonResultSignature = "result_signature"       // the result is not signed by a registered performer
)

// What an Othentic node exchanges with TriggerX software:
//   - sendTask / POST /task/validate: proofOfTask is the task id (0x hex),
//     data the performer's signed result in the results topic's encoding,
//     performer its controller address;
//   - sendCustomMessage / POST /p2p/message: data is a task assignment in the
//     assignments topic's encoding.

// othenticKeeper answers an Othentic attester node's calls to the keeper: it
// judges a result with the keeper's own checks and verifier, and takes
// assignments delivered as custom messages as if they came over gossip.
type othenticKeeper struct {
	checks   *checks
	matcher  *matcher
	verifier attestation.Verifier
	assigned func(context.Context, attestation.Assignment) error // after the checks: to the matcher and the performer
}

func (o *othenticKeeper) validate(ctx context.Context, req othentic.ValidateRequest) (bool, string, error) {
	r, err := p2p.DecodeResult(req.Data)
	switch {
	case err != nil:
		return false, reasonResultMalformed, nil
	case req.ProofOfTask != r.TaskID.Hex():
		return false, reasonProofOfTask, nil
	case r.Performer != req.Performer || uint16(r.TaskDefinitionID) != req.TaskDefinitionID:
		return false, reasonResultMismatch, nil
	}
	if err := o.checks.Result(ctx, r); err != nil {
		if errors.Is(err, p2p.ErrReject) {
			return false, reasonResultSignature, nil
		}
		return false, "", fmt.Errorf("check result: %w", err)
	}
	a, ok := o.matcher.Assignment(r.TaskID)
	if !ok {
		return false, "", fmt.Errorf("the assignment of task %s has not reached this keeper", r.TaskID.Hex())
	}
	if a.Performer != r.Performer {
		return false, reasonResultMismatch, nil
	}
	v, err := o.verifier.Verify(ctx, a, r)
	if err != nil {
		return false, "", fmt.Errorf("verify result: %w", err)
	}
	return v.Approve, v.Reason, nil
}

func (o *othenticKeeper) message(ctx context.Context, data []byte) error {
	a, err := p2p.DecodeAssignment(data)
	if err != nil {
		return fmt.Errorf("not a TriggerX assignment: %w", err)
	}
	if err := o.checks.Assignment(ctx, a); err != nil {
		return fmt.Errorf("assignment refused: %w", err)
	}
	return o.assigned(ctx, a)
}

// othenticAggregator answers a performer's Othentic JSON-RPC calls to the
// aggregator: a result (sendTask) or an assignment (sendCustomMessage) that
// passes the gossip checks is published on its topic.
type othenticAggregator struct {
	checks            *checks
	publishResult     func(context.Context, attestation.Result) error
	publishAssignment func(context.Context, attestation.Assignment) error
}

func (o *othenticAggregator) task(ctx context.Context, t othentic.Task) error {
	r, err := p2p.DecodeResult(t.Data)
	switch {
	case err != nil:
		return fmt.Errorf("data is not a TriggerX result: %w", err)
	case t.ProofOfTask != r.TaskID.Hex():
		return fmt.Errorf("proofOfTask %q does not name the result's task %s", t.ProofOfTask, r.TaskID.Hex())
	case r.Performer != t.Performer || uint16(r.TaskDefinitionID) != t.TaskDefinitionID:
		return errors.New("performer or task definition differ from the result's")
	}
	if err := o.checks.Result(ctx, r); err != nil {
		return fmt.Errorf("result refused: %w", err)
	}
	return o.publishResult(ctx, r)
}

func (o *othenticAggregator) custom(ctx context.Context, data []byte, _ uint16) error {
	a, err := p2p.DecodeAssignment(data)
	if err != nil {
		return fmt.Errorf("data is not a TriggerX assignment: %w", err)
	}
	if err := o.checks.Assignment(ctx, a); err != nil {
		return fmt.Errorf("assignment refused: %w", err)
	}
	return o.publishAssignment(ctx, a)
}

// serveHTTP serves h on addr for the node's lifetime (nothing if addr is
// empty); ready, if set, gets the address listened on.
func serveHTTP(l *lifecycle, name, addr string, h http.Handler, log *zap.Logger, ready func(string)) {
	if addr == "" {
		return
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	l.onStartStop(name, func(context.Context) error {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return fmt.Errorf("listen for %s: %w", name, err)
		}
		log.Info("serving "+name, zap.String("addr", ln.Addr().String()))
		if ready != nil {
			ready(ln.Addr().String())
		}
		go func() {
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Error(name+" server", zap.Error(err))
			}
		}()
		return nil
	}, srv.Shutdown)
}
