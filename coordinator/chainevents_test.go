package coordinator_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"maps"
	"math/big"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/coordinator"
)

// TestChainEndToEnd runs a job through the coordinator's components against
// the real contracts on a simulated chain: registration checked against the
// JobRegistry, scheduling, a signed assignment, the performer's execution
// through the TaskExecutionHub, the keepers' certificate on the
// AttestationCenter, and the monitor completing the task from the events.
func TestChainEndToEnd(t *testing.T) {
	ctx := t.Context()
	ether := big.NewInt(params.Ether)
	stake := new(big.Int).Mul(big.NewInt(32), ether)

	keys := make([]*ecdsa.PrivateKey, 5) // deployer, user, 3 keepers
	alloc := types.GenesisAlloc{}
	for i := range keys {
		k, err := crypto.GenerateKey()
		require.NoError(t, err)
		keys[i] = k
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), ether)}
	}
	sim := simulated.NewBackend(alloc)
	t.Cleanup(func() { _ = sim.Close() })
	client := sim.Client()
	id, err := client.ChainID(ctx)
	require.NoError(t, err)
	chainID := id.Uint64()
	auths := make([]*bind.TransactOpts, len(keys))
	for i, k := range keys {
		auths[i], err = bind.NewKeyedTransactorWithChainID(k, id)
		require.NoError(t, err)
	}
	commit := func() { sim.Commit() }
	mine := func(tx *types.Transaction, err error) *types.Receipt {
		t.Helper()
		require.NoError(t, err)
		r, err := contracts.WaitMined(ctx, client, tx, commit)
		require.NoError(t, err)
		return r
	}
	addrs, err := contracts.Deploy(ctx, client, auths[0], stake, commit)
	require.NoError(t, err)
	c, err := addrs.Bind(client)
	require.NoError(t, err)

	// Keepers.
	type keeper struct {
		auth *bind.TransactOpts
		bls  *attestation.BLSSecretKey
		id   uint64
	}
	var (
		keepers []keeper
		set     []attestation.Keeper
	)
	for _, auth := range auths[2:] {
		bk, err := attestation.GenerateBLSKey()
		require.NoError(t, err)
		mine(contracts.RegisterKeeper(ctx, c.KeeperRegistry, auth, chainID, addrs.KeeperRegistry, bk, stake))
		kid, err := c.KeeperRegistry.KeeperId(nil, auth.From)
		require.NoError(t, err)
		keepers = append(keepers, keeper{auth: auth, bls: bk, id: kid.Uint64()})
		set = append(set, attestation.Keeper{ID: kid.Uint64(), Address: auth.From, Stake: stake, Active: true, PublicKey: bk.PublicKey()})
	}

	// The user funds its gas balance and creates the job on-chain.
	user := auths[1]
	deposit := *user
	deposit.Value = ether
	mine(c.TriggerGasRegistry.Deposit(&deposit, user.From))
	action := attestation.Action{ChainID: chainID, Target: addrs.Counter, Function: "increment(uint256)", Arguments: []string{"5"}}
	r := mine(c.JobRegistry.CreateJob(user, uint16(attestation.TimeStatic), addrs.Counter, commitment(action, 60)))
	created, err := c.JobRegistry.ParseJobCreated(*r.Logs[0])
	require.NoError(t, err)
	jobID := created.JobId.Uint64()

	// Registration through the API, checked against the JobRegistry.
	store, err := coordinator.OpenBadgerStore("", zaptest.NewLogger(t))
	require.NoError(t, err)
	t.Cleanup(func() { _ = store.Close() })
	require.NoError(t, coordinator.SeedAPIKey(ctx, store, testKey, "ops"))
	lookup, err := coordinator.NewJobLookup(client, addrs.JobRegistry)
	require.NoError(t, err)
	now := t0
	clock := func() time.Time { return now }
	api := coordinator.NewAPI(store, coordinator.APIConfig{JobLookup: lookup.Job, Clock: clock, Logger: zaptest.NewLogger(t)})
	post := func(req map[string]any) *httptest.ResponseRecorder {
		body, err := json.Marshal(req)
		require.NoError(t, err)
		hr := httptest.NewRequest(http.MethodPost, "/api/jobs", bytes.NewReader(body))
		hr.Header.Set("X-Api-Key", testKey)
		w := httptest.NewRecorder()
		api.ServeHTTP(w, hr)
		return w
	}
	req := map[string]any{
		"job_id": created.JobId.String(), "user_address": user.From.Hex(), "job_title": "Count by five",
		"task_definition_id": 1, "schedule_type": "interval", "time_interval": 60, "time_frame": 0,
		"target_chain_id": chainID, "target_contract_address": addrs.Counter.Hex(),
		"target_function": "increment", "abi": bindings.CounterMetaData.ABI, "arguments": []string{"5"},
	}
	bad := maps.Clone(req)
	bad["arguments"] = []string{"6"}
	require.Equal(t, http.StatusConflict, post(bad).Code, "an action the owner did not commit to")
	bad = maps.Clone(req)
	bad["user_address"] = auths[2].From.Hex()
	require.Equal(t, http.StatusConflict, post(bad).Code, "not the owner")
	bad = maps.Clone(req)
	bad["job_id"] = "99"
	require.Equal(t, http.StatusBadRequest, post(bad).Code, "no such job on-chain")
	w := post(req)
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())

	// Scheduling and dispatch.
	coordKey, err := crypto.GenerateKey()
	require.NoError(t, err)
	domain := attestation.Domain{ChainID: chainID, AttestationCenter: addrs.AttestationCenter}
	var assignments []attestation.Assignment
	d, err := coordinator.NewDispatcher(coordinator.DispatcherConfig{
		Keepers: keeperSet{keepers: set}, Key: coordKey, Domain: domain, Store: store, Clock: clock,
		Publish: func(_ context.Context, a attestation.Assignment) error {
			assignments = append(assignments, a)
			return nil
		},
	})
	require.NoError(t, err)
	s := coordinator.NewScheduler(store, d.Dispatch, clock, zaptest.NewLogger(t))
	now = t0.Add(time.Minute)
	require.NoError(t, s.Tick(ctx))
	require.Len(t, assignments, 1)
	a := assignments[0]
	require.NoError(t, attestation.VerifyECDSA(a.Digest(domain), a.Signature, crypto.PubkeyToAddress(coordKey.PublicKey)))
	require.Equal(t, action, a.Task.Action)

	// The performer executes through the hub.
	var performer keeper
	for _, k := range keepers {
		if k.auth.From == a.Performer {
			performer = k
		}
	}
	require.NotNil(t, performer.auth)
	counterABI, err := bindings.CounterMetaData.GetAbi()
	require.NoError(t, err)
	calldata, err := counterABI.Pack("increment", big.NewInt(5))
	require.NoError(t, err)
	execReceipt := mine(c.TaskExecutionHub.ExecuteFunction(performer.auth, created.JobId, a.Task.ID, addrs.Counter, calldata))

	// The keepers certify the result.
	resultHash := crypto.Keccak256Hash([]byte("result"))
	digest := attestation.VoteDigest(domain, a.Task.ID, jobID, attestation.TimeStatic, resultHash, true)
	var (
		sigs []attestation.BLSSignature
		ids  []*big.Int
	)
	slices.SortFunc(keepers, func(x, y keeper) int { return int(x.id) - int(y.id) })
	for _, k := range keepers {
		sigs = append(sigs, k.bls.Sign(digest))
		ids = append(ids, new(big.Int).SetUint64(k.id))
	}
	agg, err := attestation.AggregateBLS(sigs)
	require.NoError(t, err)
	sig, err := agg.EIP2537()
	require.NoError(t, err)
	submitReceipt := mine(c.AttestationCenter.SubmitTask(keepers[0].auth, a.Task.ID, created.JobId,
		uint16(attestation.TimeStatic), resultHash, true, ids, sig))

	// The monitor reads both events and completes the task.
	events, err := coordinator.NewChainEvents(client, addrs.TaskExecutionHub, addrs.AttestationCenter)
	require.NoError(t, err)
	head, err := events.Head(ctx)
	require.NoError(t, err)
	require.Equal(t, submitReceipt.BlockNumber.Uint64(), head)
	m, err := coordinator.NewMonitor(coordinator.MonitorConfig{Events: events, Store: store, BlockRange: 4, Clock: clock})
	require.NoError(t, err)
	require.NoError(t, m.PollOnce(ctx))

	task, err := store.Task(ctx, a.Task.ID)
	require.NoError(t, err)
	header, err := client.HeaderByNumber(ctx, execReceipt.BlockNumber)
	require.NoError(t, err)
	require.Equal(t, coordinator.TaskCompleted, task.TaskStatus)
	require.Equal(t, performer.auth.From, task.TaskPerformer)
	require.Equal(t, execReceipt.TxHash, task.ExecutionTxHash)
	require.Equal(t, time.Unix(int64(header.Time), 0).UTC(), task.ExecutionTimestamp)
	require.True(t, task.IsSuccessful)
	require.Equal(t, submitReceipt.TxHash, task.TaskSubmissionTxHash)
	require.Equal(t, uint64(1), task.TaskNumber)
	require.Len(t, task.TaskAttesterIDs, 3)
	require.True(t, task.IsAccepted)
	next, err := store.Cursor(ctx, "monitor")
	require.NoError(t, err)
	require.Equal(t, head+1, next)

	// Unknown jobs read as not found.
	_, err = lookup.Job(ctx, 99)
	require.ErrorIs(t, err, coordinator.ErrNotFound)
}
