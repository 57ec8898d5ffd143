// Package sdktest runs a real coordinator API for tests of its clients (the
// SDK, the triggerx CLI): coordinator.NewAPI over an in-memory badger store
// that publishes task events, behind an httptest server, checking jobs
// against a JobRegistry deployed on a go-ethereum simulated chain.
//
// An Env is used by one test; its methods are safe for concurrent use.
package sdktest

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/coordinator"
)

// AdminKey is the seeded admin API key of every Env.
const AdminKey = "sdktest-admin-key-0123456789"

// Env is a coordinator API and the chain it checks jobs against.
type Env struct {
	t *testing.T
	// URL is the API's base URL; Server serves it.
	URL    string
	Server *httptest.Server
	// Sim is the simulated home chain; Backend is its client that seals a
	// block after each transaction, as a real chain would mine it.
	Sim     *simulated.Backend
	Backend AutoMine
	ChainID uint64
	// Addrs are the deployed contracts (Addrs.Counter has
	// increment(uint256)).
	Addrs contracts.Addresses
	// User is a funded account that owns jobs.
	User     *ecdsa.PrivateKey
	UserAddr common.Address
	// Store is the API's store: tasks changed through it are published
	// on the event streams.
	Store  coordinator.Store
	Broker *coordinator.MemoryBroker
}

// AutoMine is a simulated chain client that commits a block after each
// transaction it sends.
type AutoMine struct {
	simulated.Client
	Sim *simulated.Backend
}

// SendTransaction sends tx and seals it in a block.
func (a AutoMine) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := a.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	a.Sim.Commit()
	return nil
}

// New starts an Env; the test's cleanup stops it. cfg, when given,
// changes the API's configuration before it starts.
func New(t *testing.T, cfg ...func(*coordinator.APIConfig)) *Env {
	t.Helper()
	ctx := t.Context()
	deployer, err := crypto.GenerateKey()
	require.NoError(t, err)
	user, err := crypto.GenerateKey()
	require.NoError(t, err)
	ether := new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))
	sim := simulated.NewBackend(types.GenesisAlloc{
		crypto.PubkeyToAddress(deployer.PublicKey): {Balance: ether},
		crypto.PubkeyToAddress(user.PublicKey):     {Balance: ether},
	})
	t.Cleanup(func() { _ = sim.Close() })
	id, err := sim.Client().ChainID(ctx)
	require.NoError(t, err)
	auth, err := bind.NewKeyedTransactorWithChainID(deployer, id)
	require.NoError(t, err)
	addrs, err := contracts.Deploy(ctx, sim.Client(), auth, big.NewInt(params.Ether), func() { sim.Commit() })
	require.NoError(t, err)

	log := zaptest.NewLogger(t)
	base, err := coordinator.OpenBadgerStore("", log)
	require.NoError(t, err)
	t.Cleanup(func() { _ = base.Close() })
	require.NoError(t, coordinator.SeedAPIKey(ctx, base, AdminKey, "ops"))
	broker := coordinator.NewMemoryBroker(0)
	store := coordinator.WithEvents(base, broker)
	lookup, err := coordinator.NewJobLookup(sim.Client(), addrs.JobRegistry)
	require.NoError(t, err)
	c := coordinator.APIConfig{
		JobLookup: lookup.Job, JobRegistry: addrs.JobRegistry, HomeChainID: id.Uint64(),
		Events: broker, EventHeartbeat: time.Second, Logger: log, Version: "v0.0.0-sdktest",
	}
	for _, f := range cfg {
		f(&c)
	}
	srv := httptest.NewServer(coordinator.NewAPI(store, c))
	t.Cleanup(srv.Close)
	return &Env{
		t: t, URL: srv.URL, Server: srv, Sim: sim, Backend: AutoMine{Client: sim.Client(), Sim: sim}, ChainID: id.Uint64(), Addrs: addrs,
		User: user, UserAddr: crypto.PubkeyToAddress(user.PublicKey), Store: store, Broker: broker,
	}
}

// JobFields is a valid job of the user calling Counter.increment(by) every
// minute, as a JSON object with the API's field names (no job_id).
func (e *Env) JobFields(by string) map[string]any {
	return map[string]any{
		"user_address":            e.UserAddr.Hex(),
		"job_title":               "Increment the counter",
		"task_definition_id":      1,
		"schedule_type":           "interval",
		"time_interval":           60,
		"target_chain_id":         e.ChainID,
		"target_contract_address": e.Addrs.Counter.Hex(),
		"target_function":         "increment(uint256)",
		"arguments":               []string{by},
	}
}

// FireTask makes job jobID fire a task at slot, through the store as the
// scheduler would, and returns the task's id. The task is published.
func (e *Env) FireTask(jobID uint64, slot time.Time) common.Hash {
	e.t.Helper()
	slot = slot.UTC().Truncate(time.Second)
	key := attestation.TimeTriggerKey(slot.Unix())
	id := attestation.TaskID(jobID, key)
	_, created, err := e.Store.UpdateJob(e.t.Context(), jobID, func(j *coordinator.Job) (*coordinator.Task, error) {
		return &coordinator.Task{
			TaskID: id, JobID: j.JobID, TaskDefinitionID: j.TaskDefinitionID, TriggerKey: key, ScheduledAt: slot,
			TaskStatus: coordinator.TaskProcessing, CreatedAt: slot, UpdatedAt: slot, Action: j.Action(), Trigger: j.Trigger,
		}, nil
	})
	require.NoError(e.t, err)
	require.True(e.t, created, "job %d fired no task", jobID)
	return id
}

// SetTask changes a task through the store; the change is published.
func (e *Env) SetTask(id common.Hash, fn func(*coordinator.Task)) {
	e.t.Helper()
	_, err := e.Store.UpdateTask(e.t.Context(), id, func(t *coordinator.Task) error { fn(t); return nil })
	require.NoError(e.t, err)
}

// WaitSubscribers waits until n event streams are subscribed.
func (e *Env) WaitSubscribers(n int) {
	e.t.Helper()
	require.Eventually(e.t, func() bool { return e.Broker.Subscribers() >= n }, 10*time.Second, 10*time.Millisecond,
		"%d event subscribers", n)
}
