package node

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/p2p"
)

// checksFixture is a simulated chain with the contracts, a coordinator and
// four registered keepers, and the gossip checks of a node on it.
type checksFixture struct {
	checks   *checks
	coord    *ecdsa.PrivateKey
	keepers  []*ecdsa.PrivateKey
	bls      []*attestation.BLSSecretKey
	set      []attestation.Keeper
	domain   attestation.Domain
	deadline int64

	sim     *simulated.Backend
	client  simulated.Client
	addrs   contracts.Addresses
	c       *contracts.Contracts
	chainID *big.Int
	owner   *ecdsa.PrivateKey
}

func (f *checksFixture) auth(t *testing.T, k *ecdsa.PrivateKey) *bind.TransactOpts {
	a, err := bind.NewKeyedTransactorWithChainID(k, f.chainID)
	require.NoError(t, err)
	return a
}

// miner returns a function that seals a transaction's block and returns its
// receipt, failing t unless the transaction succeeded.
func (f *checksFixture) miner(t *testing.T) func(*types.Transaction, error) *types.Receipt {
	return func(tx *types.Transaction, err error) *types.Receipt {
		t.Helper()
		require.NoError(t, err)
		r, err := contracts.WaitMined(context.Background(), f.client, tx, func() { f.sim.Commit() })
		require.NoError(t, err)
		return r
	}
}

func newChecksFixture(t *testing.T) *checksFixture {
	owner, coord := mustKey(t), mustKey(t)
	f := &checksFixture{coord: coord}
	alloc := types.GenesisAlloc{crypto.PubkeyToAddress(owner.PublicKey): {Balance: new(big.Int).Mul(big.NewInt(1e18), big.NewInt(1000))}}
	for range 4 {
		k := mustKey(t)
		f.keepers = append(f.keepers, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1e18), big.NewInt(1000))}
	}
	sim := simulated.NewBackend(alloc)
	t.Cleanup(func() { sim.Close() })
	client := sim.Client()
	commit := func() { sim.Commit() }
	ctx := context.Background()
	chainID, err := client.ChainID(ctx)
	require.NoError(t, err)
	auth := func(k *ecdsa.PrivateKey) *bind.TransactOpts {
		a, err := bind.NewKeyedTransactorWithChainID(k, chainID)
		require.NoError(t, err)
		return a
	}
	addrs, err := contracts.Deploy(ctx, client, auth(owner), big.NewInt(1e18), commit)
	require.NoError(t, err)
	c, err := addrs.Bind(client)
	require.NoError(t, err)
	tx, err := c.KeeperRegistry.SetCoordinator(auth(owner), crypto.PubkeyToAddress(coord.PublicKey))
	require.NoError(t, err)
	_, err = contracts.WaitMined(ctx, client, tx, commit)
	require.NoError(t, err)
	for _, k := range f.keepers {
		b, err := attestation.GenerateBLSKey()
		require.NoError(t, err)
		f.bls = append(f.bls, b)
		tx, err := contracts.RegisterKeeper(ctx, c.KeeperRegistry, auth(k), chainID.Uint64(), addrs.KeeperRegistry, b, big.NewInt(1e18))
		require.NoError(t, err)
		_, err = contracts.WaitMined(ctx, client, tx, commit)
		require.NoError(t, err)
	}
	f.domain = attestation.Domain{ChainID: chainID.Uint64(), AttestationCenter: addrs.AttestationCenter}
	keepers := newRegistryKeepers(c.KeeperRegistry, time.Minute)
	f.set, err = keepers.Keepers(ctx)
	require.NoError(t, err)
	require.Len(t, f.set, 4)
	f.checks = newChecks(f.domain, keepers, &coordinatorAddress{registry: c.KeeperRegistry, ttl: time.Minute})
	f.sim, f.client, f.addrs, f.c, f.chainID, f.owner = sim, client, addrs, c, chainID, owner
	f.deadline = time.Now().Add(time.Minute).Unix()
	return f
}

// homeSites is the fixture's chain as the only site, with sender (nil for
// attesters).
func (f *checksFixture) homeSites(sender *execution.Sender) *sites {
	return &sites{home: &site{chainID: f.chainID.Uint64(), chain: f.client, hubAddr: f.addrs.TaskExecutionHub,
		hub: f.c.TaskExecutionHub, jobs: f.c.JobRegistry, sender: sender, home: true}}
}

func mustKey(t *testing.T) *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	return k
}

func (f *checksFixture) assignment(t *testing.T, signer *ecdsa.PrivateKey, mutate func(*attestation.Assignment)) attestation.Assignment {
	task := attestation.Task{JobID: 1, TaskDefinitionID: attestation.TimeStatic, TriggerKey: attestation.TimeTriggerKey(100),
		ScheduledAt: 100, Trigger: intervalTrigger,
		Action: attestation.Action{ChainID: f.domain.ChainID, Target: common.HexToAddress("0xc0"), Function: "f()"}}
	task.ID = attestation.TaskID(task.JobID, task.TriggerKey)
	performer, err := attestation.SelectPerformer(task.ID, f.set, 0)
	require.NoError(t, err)
	a := attestation.Assignment{Task: task, Performer: performer.Address, Deadline: f.deadline}
	if mutate != nil {
		mutate(&a)
	}
	a.Signature, err = attestation.SignECDSA(signer, a.Digest(f.domain))
	require.NoError(t, err)
	return a
}

func (f *checksFixture) vote(i int, signer *attestation.BLSSecretKey, task common.Hash) attestation.Vote {
	v := attestation.Vote{TaskID: task, JobID: 1, TaskDefinitionID: 1, ResultHash: common.HexToHash("0x01"), Approve: true,
		Keeper: f.set[i].Address}
	sig := signer.Sign(v.Digest(f.domain))
	v.Signature = sig[:]
	return v
}

func TestGossipChecks(t *testing.T) {
	f := newChecksFixture(t)
	ctx := context.Background()
	other := func(a *attestation.Assignment) {
		for _, k := range f.set {
			if k.Address != a.Performer {
				a.Performer = k.Address
				return
			}
		}
	}
	result := func(signerIdx int, mutate func(*attestation.Result)) attestation.Result {
		r := attestation.Result{TaskID: common.HexToHash("0x7a"), JobID: 1, TaskDefinitionID: 1,
			Performer: crypto.PubkeyToAddress(f.keepers[signerIdx].PublicKey), TxHash: common.HexToHash("0x01")}
		if mutate != nil {
			mutate(&r)
		}
		var err error
		r.Signature, err = attestation.SignECDSA(f.keepers[signerIdx], r.Digest(f.domain))
		require.NoError(t, err)
		return r
	}

	tests := []struct {
		name string
		run  func() error
		want error // nil, p2p.ErrIgnore or p2p.ErrReject
	}{
		{"valid assignment", func() error { return f.checks.Assignment(ctx, f.assignment(t, f.coord, nil)) }, nil},
		{"assignment signed by a keeper", func() error { return f.checks.Assignment(ctx, f.assignment(t, f.keepers[0], nil)) }, p2p.ErrReject},
		{"assignment to the wrong performer", func() error { return f.checks.Assignment(ctx, f.assignment(t, f.coord, other)) }, p2p.ErrReject},
		{"assignment with a forged task id", func() error {
			return f.checks.Assignment(ctx, f.assignment(t, f.coord, func(a *attestation.Assignment) { a.Task.ID = common.HexToHash("0xbad") }))
		}, p2p.ErrReject},
		{"trigger key not derived from the firing", func() error {
			return f.checks.Assignment(ctx, f.assignment(t, f.coord, func(a *attestation.Assignment) {
				a.Task.ScheduledAt = 101
			}))
		}, p2p.ErrReject},
		{"trigger kind not allowed for the task definition", func() error {
			return f.checks.Assignment(ctx, f.assignment(t, f.coord, func(a *attestation.Assignment) {
				a.Task.TaskDefinitionID = attestation.EventStatic
			}))
		}, p2p.ErrReject},
		{"malformed trigger", func() error {
			return f.checks.Assignment(ctx, f.assignment(t, f.coord, func(a *attestation.Assignment) {
				a.Task.Trigger = attestation.Trigger{Kind: attestation.TriggerTime}
			}))
		}, p2p.ErrReject},
		{"stale assignment", func() error {
			return f.checks.Assignment(ctx, f.assignment(t, f.coord, func(a *attestation.Assignment) { a.Deadline = time.Now().Add(-time.Hour).Unix() }))
		}, p2p.ErrIgnore},
		{"valid result", func() error { return f.checks.Result(ctx, result(1, nil)) }, nil},
		{"result claiming another performer", func() error {
			r := result(1, nil)
			r.Performer = crypto.PubkeyToAddress(f.keepers[2].PublicKey)
			return f.checks.Result(ctx, r)
		}, p2p.ErrReject},
		{"result from an unregistered key", func() error {
			outsider := mustKey(t)
			r := attestation.Result{TaskID: common.HexToHash("0x7a"), JobID: 1, TaskDefinitionID: 1, Performer: crypto.PubkeyToAddress(outsider.PublicKey)}
			r.Signature, _ = attestation.SignECDSA(outsider, r.Digest(f.domain))
			return f.checks.Result(ctx, r)
		}, p2p.ErrReject},
		{"valid vote", func() error {
			v := f.vote(0, f.bls[indexOf(t, f, 0)], common.HexToHash("0x7a"))
			require.False(t, f.checks.Verified(v.Keeper, v.Digest(f.domain), v.Signature))
			if err := f.checks.Vote(ctx, v); err != nil {
				return err
			}
			// The aggregator of this node need not pair it again.
			require.True(t, f.checks.Verified(v.Keeper, v.Digest(f.domain), v.Signature))
			return nil
		}, nil},
		{"vote signed with another keeper's key", func() error {
			v := f.vote(0, f.bls[indexOf(t, f, 1)], common.HexToHash("0x7a"))
			err := f.checks.Vote(ctx, v)
			require.False(t, f.checks.Verified(v.Keeper, v.Digest(f.domain), v.Signature), "a refused vote is not remembered")
			return err
		}, p2p.ErrReject},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.want)
		})
	}
}

func TestGossipChecksFinalizedTasksAreStale(t *testing.T) {
	f := newChecksFixture(t)
	ctx := context.Background()
	task := common.HexToHash("0xf1")
	var sigs []attestation.BLSSignature
	var ids []uint64
	for i := range 3 {
		v := f.vote(i, f.bls[indexOf(t, f, i)], task)
		require.NoError(t, f.checks.Vote(ctx, v), "before finalization")
		s, err := attestation.BLSSignatureFromBytes(v.Signature)
		require.NoError(t, err)
		sigs, ids = append(sigs, s), append(ids, f.set[i].ID)
	}
	agg, err := attestation.AggregateBLS(sigs)
	require.NoError(t, err)
	cert := attestation.Certificate{TaskID: task, JobID: 1, TaskDefinitionID: 1, ResultHash: common.HexToHash("0x01"), Approve: true,
		Signers: ids, Signature: agg[:]}
	forged := cert.Clone()
	forged.Approve = false
	require.ErrorIs(t, f.checks.Finalization(ctx, attestation.Finalization{Certificate: forged}), p2p.ErrReject)
	require.NoError(t, f.checks.Vote(ctx, f.vote(3, f.bls[indexOf(t, f, 3)], task)), "a forged certificate finalizes nothing")
	require.NoError(t, f.checks.Finalization(ctx, attestation.Finalization{Certificate: cert}))
	require.ErrorIs(t, f.checks.Vote(ctx, f.vote(3, f.bls[indexOf(t, f, 3)], task)), p2p.ErrIgnore)
}

func TestHeartbeatChecks(t *testing.T) {
	f := newChecksFixture(t)
	ctx := context.Background()
	now := time.Now()
	f.checks.now = func() time.Time { return now }
	keeper := f.keepers[0]
	heartbeat := func(signer *ecdsa.PrivateKey, mutate func(*attestation.Heartbeat)) attestation.Heartbeat {
		h := attestation.Heartbeat{Keeper: crypto.PubkeyToAddress(keeper.PublicKey), PeerID: "12D3KooWpeer",
			Version: Version, Timestamp: now.UnixMilli()}
		if mutate != nil {
			mutate(&h)
		}
		var err error
		h.Signature, err = attestation.SignECDSA(signer, h.Digest(f.domain))
		require.NoError(t, err)
		return h
	}
	at := func(d time.Duration) func(*attestation.Heartbeat) {
		return func(h *attestation.Heartbeat) { h.Timestamp = now.Add(d).UnixMilli() }
	}
	outsider := mustKey(t)

	tests := []struct {
		name string
		h    attestation.Heartbeat
		want error // nil, p2p.ErrIgnore or p2p.ErrReject
	}{
		{"good", heartbeat(keeper, nil), nil},
		{"a little old", heartbeat(keeper, at(-heartbeatSkew+time.Second)), nil},
		{"a little ahead", heartbeat(keeper, at(heartbeatSkew-time.Second)), nil},
		{"wrong signer", heartbeat(f.keepers[1], nil), p2p.ErrReject},
		{"signature of another domain", func() attestation.Heartbeat {
			h := heartbeat(keeper, nil)
			other := f.domain
			other.ChainID++
			h.Signature, _ = attestation.SignECDSA(keeper, h.Digest(other))
			return h
		}(), p2p.ErrReject},
		{"signature altered", func() attestation.Heartbeat {
			h := heartbeat(keeper, nil)
			h.Signature[64] = 99
			return h
		}(), p2p.ErrReject},
		{"unregistered keeper", heartbeat(outsider, func(h *attestation.Heartbeat) {
			h.Keeper = crypto.PubkeyToAddress(outsider.PublicKey)
		}), p2p.ErrReject},
		{"stale", heartbeat(keeper, at(-heartbeatSkew-time.Second)), p2p.ErrIgnore},
		{"future", heartbeat(keeper, at(heartbeatSkew+time.Second)), p2p.ErrIgnore},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := f.checks.Heartbeat(ctx, tt.h)
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.want)
		})
	}
	t.Run("wired into the gossip checks", func(t *testing.T) {
		c := f.checks.p2p().Heartbeat
		require.NotNil(t, c)
		require.NoError(t, c(ctx, heartbeat(keeper, nil)))
		require.ErrorIs(t, c(ctx, heartbeat(f.keepers[1], nil)), p2p.ErrReject)
	})
}

// indexOf maps position i of the registry's keeper set to the fixture's key index.
func indexOf(t *testing.T, f *checksFixture, i int) int {
	for j, k := range f.keepers {
		if crypto.PubkeyToAddress(k.PublicKey) == f.set[i].Address {
			return j
		}
	}
	t.Fatal("keeper not found")
	return -1
}

// intervalTrigger is the trigger of the tasks the internal tests build.
var intervalTrigger = attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{
	Schedule: attestation.ScheduleInterval, Interval: 60}}

// The coordinator and a keeper read the registry at different moments: an
// assignment selected under the set just before a change, or just after
// it, passes; under a set replaced long ago, it does not.
func TestGossipChecksAcrossAKeeperSetChange(t *testing.T) {
	f := newChecksFixture(t)
	ctx := context.Background()
	before, err := f.checks.keepers.Keepers(ctx) // cached for a minute
	require.NoError(t, err)

	// Keeper 3 leaves: the selection changes for many tasks.
	leaver := f.keepers[3]
	auth, err := bind.NewKeyedTransactorWithChainID(leaver, f.chainID)
	require.NoError(t, err)
	tx, err := f.c.KeeperRegistry.Deregister(auth)
	require.NoError(t, err)
	_, err = contracts.WaitMined(ctx, f.client, tx, func() { f.sim.Commit() })
	require.NoError(t, err)
	after, err := newRegistryKeepers(f.c.KeeperRegistry, time.Minute).Keepers(ctx)
	require.NoError(t, err)

	// A task whose performer differs under the two sets, neither the leaver.
	leaverAddr := crypto.PubkeyToAddress(leaver.PublicKey)
	var task attestation.Task
	var old, current attestation.Keeper
	for at := int64(100); ; at++ {
		task = attestation.Task{JobID: 1, TaskDefinitionID: attestation.TimeStatic, TriggerKey: attestation.TimeTriggerKey(at),
			ScheduledAt: at, Trigger: intervalTrigger,
			Action: attestation.Action{ChainID: f.domain.ChainID, Target: common.HexToAddress("0xc0"), Function: "f()"}}
		task.ID = attestation.TaskID(task.JobID, task.TriggerKey)
		old, err = attestation.SelectPerformer(task.ID, before, 0)
		require.NoError(t, err)
		current, err = attestation.SelectPerformer(task.ID, after, 0)
		require.NoError(t, err)
		if old.Address != current.Address && old.Address != leaverAddr {
			break
		}
		require.Less(t, at, int64(10_000), "no task changes performer")
	}
	assign := func(performer common.Address) attestation.Assignment {
		a := attestation.Assignment{Task: task, Performer: performer, Deadline: f.deadline}
		a.Signature, err = attestation.SignECDSA(f.coord, a.Digest(f.domain))
		require.NoError(t, err)
		return a
	}

	require.NoError(t, f.checks.Assignment(ctx, assign(current.Address)), "the coordinator read after the change: this node refreshes")
	require.NoError(t, f.checks.Assignment(ctx, assign(old.Address)), "the coordinator read before the change")
	f.checks.keepers.mu.Lock()
	f.checks.keepers.changed = time.Now().Add(-selectionSkew - time.Second)
	f.checks.keepers.mu.Unlock()
	require.ErrorIs(t, f.checks.Assignment(ctx, assign(old.Address)), errWrongPerformer, "the set before a change long past")
	require.NoError(t, f.checks.Assignment(ctx, assign(current.Address)))
}
