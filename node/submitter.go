package node

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/execution"
)

// submitter records certificates in the AttestationCenter
// (attestation.Submitter). Each certificate is submitted in its own
// goroutine and retried with backoff until it is on-chain, by this
// aggregator or another one.
type submitter struct {
	self     common.Address
	center   *bindings.AttestationCenter
	centerAt common.Address
	abi      *abi.ABI
	sender   *execution.Sender
	log      *zap.Logger
	metrics  *metrics
	subs     []func(context.Context, attestation.Finalization) error

	base context.Context
	wg   sync.WaitGroup
}

func newSubmitter(self common.Address, center *bindings.AttestationCenter, at common.Address, sender *execution.Sender, log *zap.Logger) (*submitter, error) {
	parsed, err := bindings.AttestationCenterMetaData.GetAbi()
	if err != nil {
		return nil, fmt.Errorf("parse AttestationCenter ABI: %w", err)
	}
	return &submitter{self: self, center: center, centerAt: at, abi: parsed, sender: sender, log: log}, nil
}

func (s *submitter) Subscribe(fn func(context.Context, attestation.Finalization) error) {
	s.subs = append(s.subs, fn)
}

func (s *submitter) Submit(_ context.Context, c attestation.Certificate) error {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		log := s.log.With(zap.Stringer("task_id", c.TaskID))
		ctx, cancel := context.WithTimeout(s.base, 10*time.Minute)
		defer cancel()
		backoff := 500 * time.Millisecond
		for {
			f, done, err := s.submit(ctx, c)
			if err == nil {
				if !done {
					s.metrics.submission("already_submitted")
				}
				if done {
					s.metrics.submission("submitted")
					log.Info("task finalized on-chain", zap.Bool("approve", c.Approve),
						zap.Stringer("submission_tx", f.SubmissionTx), zap.Uint64s("signers", c.Signers))
					for _, fn := range s.subs {
						if err := fn(ctx, f.Clone()); err != nil {
							log.Warn("publish finalization", zap.Error(err))
						}
					}
				}
				return
			}
			if s.base.Err() != nil {
				// Shutting down: the certificate is kept and resumed at the next start.
				log.Info("submission interrupted by shutdown")
				return
			}
			log.Warn("submit certificate, will retry", zap.Error(err), zap.Duration("backoff", backoff))
			select {
			case <-ctx.Done():
				if s.base.Err() != nil {
					log.Info("submission interrupted by shutdown")
					return
				}
				s.metrics.submission("failed")
				s.metrics.failure("submission_timeout")
				log.Error("certificate not submitted", zap.Error(ctx.Err()))
				return
			case <-time.After(backoff):
			}
			backoff = min(backoff*2, 15*time.Second)
		}
	}()
	return nil
}

// submit sends one certificate. done is false when another aggregator
// already recorded the task.
func (s *submitter) submit(ctx context.Context, c attestation.Certificate) (attestation.Finalization, bool, error) {
	already, err := s.center.Submitted(&bind.CallOpts{Context: ctx}, c.TaskID)
	if err != nil {
		return attestation.Finalization{}, false, fmt.Errorf("read submission state: %w", err)
	}
	if already {
		return attestation.Finalization{}, false, nil
	}
	sig, err := attestation.BLSSignatureFromBytes(c.Signature)
	if err != nil {
		return attestation.Finalization{}, false, err
	}
	sigEnc, err := sig.EIP2537()
	if err != nil {
		return attestation.Finalization{}, false, err
	}
	ids := make([]*big.Int, len(c.Signers))
	for i, id := range c.Signers {
		ids[i] = new(big.Int).SetUint64(id)
	}
	data, err := s.abi.Pack("submitTask", c.TaskID, new(big.Int).SetUint64(c.JobID), uint16(c.TaskDefinitionID),
		c.ResultHash, c.Approve, ids, sigEnc)
	if err != nil {
		return attestation.Finalization{}, false, fmt.Errorf("pack submitTask: %w", err)
	}
	tx, receipt, err := s.sender.Send(ctx, "submit/"+c.TaskID.Hex(), s.centerAt, data)
	if err != nil {
		return attestation.Finalization{}, false, fmt.Errorf("send submitTask: %w", err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return attestation.Finalization{}, false, errors.New("submitTask transaction failed: " + tx.Hash().Hex())
	}
	return attestation.Finalization{Certificate: c, SubmissionTx: tx.Hash(), Aggregator: s.self}, true, nil
}

func (s *submitter) wait() { s.wg.Wait() }
