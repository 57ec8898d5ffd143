package execution_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/txmgr"
)

// burner is a target that writes 10 fresh storage slots (~220k gas) on any
// call: much more than the gas the hub keeps back for itself.
var (
	burner     = common.HexToAddress("0x00000000000000000000000000000000000b0a7e")
	burnerCode = common.FromHex("6001" + "5b" + "8080" + "55" + "600101" + "80" + "600b" + "11" + "600257" + "00")
)

func eth(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(params.Ether)) }

// minedChain is the simulated client with a block sealed after every
// accepted transaction, so that a Sender's receipts appear without a
// background miner.
type minedChain struct {
	simulated.Client
	sim   *simulated.Backend
	sends atomic.Int32
}

func (c *minedChain) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := c.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	c.sends.Add(1)
	c.sim.Commit()
	return nil
}

// fixture: a simulated chain with the system deployed, two registered
// keepers, an unregistered account, and a user with a funded Counter job.
type fixture struct {
	t        *testing.T
	sim      *simulated.Backend
	chain    *minedChain
	chainID  uint64
	addrs    contracts.Addresses
	c        *contracts.Contracts
	keepers  []*ecdsa.PrivateKey
	outsider *ecdsa.PrivateKey
	jobID    uint64
	user     *bind.TransactOpts
	senders  map[*ecdsa.PrivateKey]*execution.Sender
}

// onOsaka pins the chain to the fork mainnet runs (the dev genesis also
// enables an unreleased fork that changes gas metering).
func onOsaka(_ *node.Config, ethConf *ethconfig.Config) {
	cfg := *ethConf.Genesis.Config
	cfg.BogotaTime = nil
	ethConf.Genesis.Config = &cfg
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	keys := make([]*ecdsa.PrivateKey, 5) // deployer, user, keeper 1, keeper 2, outsider
	alloc := types.GenesisAlloc{}
	for i := range keys {
		k, err := crypto.GenerateKey()
		require.NoError(t, err)
		keys[i] = k
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: eth(1000)}
	}
	alloc[burner] = types.Account{Code: burnerCode}
	sim := simulated.NewBackend(alloc, onOsaka)
	t.Cleanup(func() { _ = sim.Close() })
	f := &fixture{t: t, sim: sim, chain: &minedChain{Client: sim.Client(), sim: sim}}
	ctx := t.Context()
	id, err := f.chain.ChainID(ctx)
	require.NoError(t, err)
	f.chainID = id.Uint64()
	auth := func(k *ecdsa.PrivateKey) *bind.TransactOpts {
		a, err := bind.NewKeyedTransactorWithChainID(k, id)
		require.NoError(t, err)
		return a
	}
	commit := func() { sim.Commit() }
	client := sim.Client()
	f.addrs, err = contracts.Deploy(ctx, client, auth(keys[0]), eth(32), commit)
	require.NoError(t, err)
	f.c, err = f.addrs.Bind(client)
	require.NoError(t, err)

	f.keepers, f.outsider = keys[2:4], keys[4]
	for _, k := range f.keepers {
		bk, err := attestation.GenerateBLSKey()
		require.NoError(t, err)
		tx, err := contracts.RegisterKeeper(ctx, f.c.KeeperRegistry, auth(k), f.chainID, f.addrs.KeeperRegistry, bk, eth(32))
		require.NoError(t, err)
		_, err = contracts.WaitMined(ctx, client, tx, commit)
		require.NoError(t, err)
	}

	user := auth(keys[1])
	f.user = user
	action := attestation.Action{ChainID: f.chainID, Target: f.addrs.Counter, Function: "increment(uint256)", Arguments: []string{"5"}}
	tx, err := f.c.JobRegistry.CreateJob(user, uint16(attestation.TimeStatic), f.addrs.Counter, action.Hash())
	require.NoError(t, err)
	r, err := contracts.WaitMined(ctx, client, tx, commit)
	require.NoError(t, err)
	ev, err := f.c.JobRegistry.ParseJobCreated(*r.Logs[0])
	require.NoError(t, err)
	f.jobID = ev.JobId.Uint64()
	deposit := *user
	deposit.Value = eth(1)
	tx, err = f.c.TriggerGasRegistry.Deposit(&deposit, user.From)
	require.NoError(t, err)
	_, err = contracts.WaitMined(ctx, client, tx, commit)
	require.NoError(t, err)
	return f
}

// sender is key's Sender, with a transaction manager journaling in badger:
// one per key, as in a node.
func (f *fixture) sender(key *ecdsa.PrivateKey) *execution.Sender {
	if s, ok := f.senders[key]; ok {
		return s
	}
	db, err := badger.Open(badger.DefaultOptions(f.t.TempDir()).WithSyncWrites(true).WithLogger(nil))
	require.NoError(f.t, err)
	mgr, err := txmgr.New(txmgr.Config{Backend: f.chain, Key: key, ChainID: new(big.Int).SetUint64(f.chainID),
		Store: txmgr.NewBadgerStore(db, "tx/"), PollInterval: 10 * time.Millisecond, Logger: zaptest.NewLogger(f.t)})
	require.NoError(f.t, err)
	f.t.Cleanup(func() { mgr.Close(); _ = db.Close() })
	if f.senders == nil {
		f.senders = map[*ecdsa.PrivateKey]*execution.Sender{}
	}
	s := execution.NewSender(f.chain, mgr, zaptest.NewLogger(f.t))
	f.senders[key] = s
	return s
}

func (f *fixture) taskID(at int64) common.Hash {
	return attestation.TaskID(f.jobID, attestation.TimeTriggerKey(at))
}

func (f *fixture) expected(taskID common.Hash, calldata []byte, performer *ecdsa.PrivateKey) execution.ExpectedExecution {
	return execution.ExpectedExecution{
		ChainID:   f.chainID,
		JobID:     f.jobID,
		TaskID:    taskID,
		Target:    f.addrs.Counter,
		Calldata:  calldata,
		Performer: crypto.PubkeyToAddress(performer.PublicKey),
	}
}

// verify runs VerifyExecution with a deadline.
func (f *fixture) verify(exp execution.ExpectedExecution, hub common.Address, tx common.Hash) (execution.Observed, error) {
	ctx, cancel := context.WithTimeout(f.t.Context(), 2*time.Second)
	defer cancel()
	return execution.VerifyExecution(ctx, f.chain, hub, exp, tx)
}

func (f *fixture) count() int64 {
	f.t.Helper()
	n, err := f.c.Counter.Count(nil)
	require.NoError(f.t, err)
	return n.Int64()
}

// signRaw signs a transaction outside any Sender, with fixed gas.
func (f *fixture) signRaw(key *ecdsa.PrivateKey, to common.Address, data []byte) *types.Transaction {
	f.t.Helper()
	ctx := f.t.Context()
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := f.chain.PendingNonceAt(ctx, from)
	require.NoError(f.t, err)
	head, err := f.chain.HeaderByNumber(ctx, nil)
	require.NoError(f.t, err)
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(new(big.Int).SetUint64(f.chainID)), &types.DynamicFeeTx{
		ChainID: new(big.Int).SetUint64(f.chainID), Nonce: nonce, Gas: 500_000,
		GasTipCap: big.NewInt(params.GWei), GasFeeCap: new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), big.NewInt(params.GWei)),
		To: &to, Data: data,
	})
	require.NoError(f.t, err)
	return tx
}

func TestExecuteAndVerify(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	calldata, err := execution.EncodeCall("increment(uint256)", []string{"5"})
	require.NoError(t, err)
	taskID := f.taskID(1_700_000_000)
	performer := f.keepers[0]
	s := f.sender(performer)

	tx, r, success, err := s.ExecuteTask(ctx, f.addrs.TaskExecutionHub, f.jobID, taskID, f.addrs.Counter, calldata)
	require.NoError(t, err)
	require.True(t, success)
	require.Equal(t, types.ReceiptStatusSuccessful, r.Status)
	require.Equal(t, tx.Hash(), r.TxHash)
	require.EqualValues(t, 5, f.count())
	t.Logf("gas limit %d, used %d", tx.Gas(), r.GasUsed)

	obs, err := f.verify(f.expected(taskID, calldata, performer), f.addrs.TaskExecutionHub, tx.Hash())
	require.NoError(t, err)
	require.True(t, obs.Success)
	require.Equal(t, r.BlockNumber.Uint64(), obs.BlockNumber)
	require.Positive(t, obs.Charged.Sign())

	t.Run("second execution is refused without sending", func(t *testing.T) {
		sends := f.chain.sends.Load()
		// The performer asking again gets its own execution back.
		again, _, success, err := s.ExecuteTask(ctx, f.addrs.TaskExecutionHub, f.jobID, taskID, f.addrs.Counter, calldata)
		require.NoError(t, err)
		require.True(t, success)
		require.Equal(t, tx.Hash(), again.Hash())
		// Another keeper is told the task is done.
		_, _, _, err = f.sender(f.keepers[1]).ExecuteTask(ctx, f.addrs.TaskExecutionHub, f.jobID, taskID, f.addrs.Counter, calldata)
		require.ErrorIs(t, err, execution.ErrTaskAlreadyExecuted)
		require.Equal(t, "task_already_executed", execution.Reason(err))
		require.Equal(t, sends, f.chain.sends.Load())
		require.EqualValues(t, 5, f.count())
	})

	t.Run("tampered expectations", func(t *testing.T) {
		other, err := execution.EncodeCall("increment(uint256)", []string{"6"})
		require.NoError(t, err)
		tests := []struct {
			name   string
			tamper func(*execution.ExpectedExecution, *common.Address)
			want   error
			reason string
		}{
			{"other calldata", func(e *execution.ExpectedExecution, _ *common.Address) { e.Calldata = other },
				execution.ErrCalldataMismatch, "calldata_mismatch"},
			{"no calldata", func(e *execution.ExpectedExecution, _ *common.Address) { e.Calldata = nil },
				execution.ErrCalldataMismatch, "calldata_mismatch"},
			{"other target", func(e *execution.ExpectedExecution, _ *common.Address) { e.Target = f.addrs.JobRegistry },
				execution.ErrWrongTarget, "wrong_target"},
			{"other performer", func(e *execution.ExpectedExecution, _ *common.Address) {
				e.Performer = crypto.PubkeyToAddress(f.keepers[1].PublicKey)
			}, execution.ErrWrongSender, "wrong_sender"},
			{"other task id", func(e *execution.ExpectedExecution, _ *common.Address) { e.TaskID = f.taskID(1_700_000_060) },
				execution.ErrWrongTask, "wrong_task"},
			{"other job id", func(e *execution.ExpectedExecution, _ *common.Address) { e.JobID++ },
				execution.ErrWrongTask, "wrong_task"},
			{"other hub", func(_ *execution.ExpectedExecution, hub *common.Address) { *hub = f.addrs.AttestationCenter },
				execution.ErrWrongHub, "wrong_hub"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				exp, hub := f.expected(taskID, calldata, performer), f.addrs.TaskExecutionHub
				tt.tamper(&exp, &hub)
				_, err := f.verify(exp, hub, tx.Hash())
				require.ErrorIs(t, err, tt.want)
				require.Equal(t, tt.reason, execution.Reason(err))
			})
		}
	})

	t.Run("client on another chain is not a verdict", func(t *testing.T) {
		exp := f.expected(taskID, calldata, performer)
		exp.ChainID = 1
		_, err := f.verify(exp, f.addrs.TaskExecutionHub, tx.Hash())
		require.Error(t, err)
		require.Empty(t, execution.Reason(err))
	})
}

func TestFailingTargetCall(t *testing.T) {
	f := newFixture(t)
	// Counter has no fallback: an unknown selector makes the target call fail.
	calldata, err := execution.EncodeCall("decrement(uint256)", []string{"1"})
	require.NoError(t, err)
	taskID := f.taskID(1_700_000_000)
	performer := f.keepers[1]

	tx, r, success, err := f.sender(performer).ExecuteTask(t.Context(), f.addrs.TaskExecutionHub, f.jobID, taskID, f.addrs.Counter, calldata)
	require.NoError(t, err)
	require.False(t, success)
	require.Equal(t, types.ReceiptStatusSuccessful, r.Status)

	obs, err := f.verify(f.expected(taskID, calldata, performer), f.addrs.TaskExecutionHub, tx.Hash())
	require.NoError(t, err)
	require.False(t, obs.Success)
	require.Positive(t, obs.Charged.Sign())
}

func TestExecuteRejectedInSimulation(t *testing.T) {
	f := newFixture(t)
	calldata, err := execution.EncodeCall("increment(uint256)", []string{"1"})
	require.NoError(t, err)
	_, _, _, err = f.sender(f.outsider).ExecuteTask(t.Context(), f.addrs.TaskExecutionHub, f.jobID, f.taskID(1), f.addrs.Counter, calldata)
	require.ErrorIs(t, err, execution.ErrExecutionReverted)
	require.Equal(t, "execution_reverted", execution.Reason(err))
	require.Zero(t, f.chain.sends.Load())
}

// A job whose owner cannot pay for the execution is refused in simulation:
// the hub reverts InsufficientBalance at the real fee price, nothing is sent.
func TestExecuteOwnerCannotPay(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	commit := func() { f.sim.Commit() }
	poor, err := bind.NewKeyedTransactorWithChainID(f.outsider, new(big.Int).SetUint64(f.chainID))
	require.NoError(t, err)
	action := attestation.Action{ChainID: f.chainID, Target: f.addrs.Counter, Function: "increment(uint256)", Arguments: []string{"1"}}
	tx, err := f.c.JobRegistry.CreateJob(poor, uint16(attestation.TimeStatic), f.addrs.Counter, action.Hash())
	require.NoError(t, err)
	r, err := contracts.WaitMined(ctx, f.sim.Client(), tx, commit)
	require.NoError(t, err)
	ev, err := f.c.JobRegistry.ParseJobCreated(*r.Logs[0])
	require.NoError(t, err)
	jobID := ev.JobId.Uint64()
	calldata, err := execution.EncodeCall("increment(uint256)", []string{"1"})
	require.NoError(t, err)
	s := f.sender(f.keepers[0])

	for _, deposit := range []int64{0, 1_000} { // none, then far too little
		t.Run(fmt.Sprint("deposit ", deposit), func(t *testing.T) {
			if deposit > 0 {
				opts := *poor
				opts.Value = big.NewInt(deposit)
				tx, err := f.c.TriggerGasRegistry.Deposit(&opts, poor.From)
				require.NoError(t, err)
				_, err = contracts.WaitMined(ctx, f.sim.Client(), tx, commit)
				require.NoError(t, err)
			}
			sends := f.chain.sends.Load()
			taskID := attestation.TaskID(jobID, attestation.TimeTriggerKey(deposit))
			tx, r, _, err := s.ExecuteTask(ctx, f.addrs.TaskExecutionHub, jobID, taskID, f.addrs.Counter, calldata)
			require.ErrorIs(t, err, execution.ErrOwnerCannotPay)
			require.Equal(t, "owner_cannot_pay", execution.Reason(err))
			require.Nil(t, tx)
			require.Nil(t, r)
			require.Equal(t, sends, f.chain.sends.Load(), "nothing sent")
			done, err := f.c.TaskExecutionHub.Executed(nil, taskID)
			require.NoError(t, err)
			require.False(t, done)
			require.Zero(t, f.count())
		})
	}

	// A deposit that covers a few executions, far less than the block's gas
	// limit at the current price: the execution goes through.
	head, err := f.sim.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	opts := *poor
	opts.Value = new(big.Int).Mul(big.NewInt(3*300_000), new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), big.NewInt(params.GWei)))
	tx, err = f.c.TriggerGasRegistry.Deposit(&opts, poor.From)
	require.NoError(t, err)
	_, err = contracts.WaitMined(ctx, f.sim.Client(), tx, commit)
	require.NoError(t, err)
	_, _, success, err := s.ExecuteTask(ctx, f.addrs.TaskExecutionHub, jobID, attestation.TaskID(jobID, attestation.TimeTriggerKey(7)), f.addrs.Counter, calldata)
	require.NoError(t, err)
	require.True(t, success)
	require.EqualValues(t, 1, f.count())
}

// Another keeper's execution of the task is mined first in the same block:
// the performer's transaction fails and ExecuteTask says why.
func TestExecuteLosesRace(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	calldata, err := execution.EncodeCall("increment(uint256)", []string{"2"})
	require.NoError(t, err)
	taskID := f.taskID(1_700_000_000)

	// Keeper 1's transaction is pending (nothing seals it) with a higher tip.
	auth, err := bind.NewKeyedTransactorWithChainID(f.keepers[1], new(big.Int).SetUint64(f.chainID))
	require.NoError(t, err)
	auth.GasTipCap = big.NewInt(10 * params.GWei)
	auth.GasLimit = 500_000
	_, err = f.c.TaskExecutionHub.ExecuteFunction(auth, new(big.Int).SetUint64(f.jobID), taskID, f.addrs.Counter, calldata)
	require.NoError(t, err)

	// Keeper 0 simulates on the latest block, sends, and both are mined.
	tx, r, _, err := f.sender(f.keepers[0]).ExecuteTask(ctx, f.addrs.TaskExecutionHub, f.jobID, taskID, f.addrs.Counter, calldata)
	require.ErrorIs(t, err, execution.ErrTaskAlreadyExecuted)
	require.NotNil(t, tx)
	require.Equal(t, types.ReceiptStatusFailed, r.Status)
	require.EqualValues(t, 2, f.count())

	// An attester sees a failed transaction.
	_, err = f.verify(f.expected(taskID, calldata, f.keepers[0]), f.addrs.TaskExecutionHub, tx.Hash())
	require.ErrorIs(t, err, execution.ErrTxFailed)
	require.Equal(t, "tx_failed", execution.Reason(err))
}

func TestVerifyNoExecutionLog(t *testing.T) {
	f := newFixture(t)
	calldata, err := execution.EncodeCall("increment(uint256)", []string{"5"})
	require.NoError(t, err)
	taskID := f.taskID(1)
	hubABI, err := bindings.TaskExecutionHubMetaData.GetAbi()
	require.NoError(t, err)
	input, err := hubABI.Pack("executeFunction", new(big.Int).SetUint64(f.jobID), taskID, f.addrs.Counter, calldata)
	require.NoError(t, err)
	// A "hub" without code accepts the call and emits nothing.
	fakeHub := common.HexToAddress("0x000000000000000000000000000000000000beef")
	tx := f.signRaw(f.keepers[0], fakeHub, input)
	require.NoError(t, f.chain.SendTransaction(t.Context(), tx))

	_, err = f.verify(f.expected(taskID, calldata, f.keepers[0]), fakeHub, tx.Hash())
	require.ErrorIs(t, err, execution.ErrNoExecutionLog)
	require.Equal(t, "no_execution_log", execution.Reason(err))

	// Not an executeFunction call at all.
	tx = f.signRaw(f.keepers[0], fakeHub, calldata)
	require.NoError(t, f.chain.SendTransaction(t.Context(), tx))
	_, err = f.verify(f.expected(taskID, calldata, f.keepers[0]), fakeHub, tx.Hash())
	require.ErrorIs(t, err, execution.ErrWrongFunction)

	// Padding after the canonical encoding decodes the same but is not it.
	tx = f.signRaw(f.keepers[0], fakeHub, append(input, make([]byte, 32)...))
	require.NoError(t, f.chain.SendTransaction(t.Context(), tx))
	_, err = f.verify(f.expected(taskID, calldata, f.keepers[0]), fakeHub, tx.Hash())
	require.ErrorIs(t, err, execution.ErrCalldataMismatch)
}

func TestVerifyTxNotFound(t *testing.T) {
	f := newFixture(t)
	// Long enough for a first answer under a loaded race-detector run (a
	// first call cut by the deadline says nothing about the transaction).
	const wait = 2 * time.Second
	ctx, cancel := context.WithTimeout(t.Context(), wait)
	defer cancel()
	_, err := execution.VerifyExecution(ctx, f.chain, f.addrs.TaskExecutionHub,
		f.expected(f.taskID(1), nil, f.keepers[0]), common.HexToHash("0x1234"))
	require.ErrorIs(t, err, execution.ErrTxNotFound)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.Equal(t, "tx_not_found", execution.Reason(err))

	// A sent but never mined transaction: found, but no receipt.
	tx := f.signRaw(f.keepers[0], f.addrs.Counter, nil)
	require.NoError(t, f.chain.Client.SendTransaction(t.Context(), tx)) // not sealed
	ctx, cancel = context.WithTimeout(t.Context(), wait)
	defer cancel()
	_, err = f.sender(f.keepers[0]).WaitReceipt(ctx, tx.Hash())
	require.ErrorIs(t, err, execution.ErrTxNotFound)
}

func TestSenderSharesItsKey(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	key := f.keepers[0]
	s := f.sender(key)
	to := common.HexToAddress("0x000000000000000000000000000000000000cafe")

	tx1, _, err := s.Send(ctx, "first", to, nil)
	require.NoError(t, err)
	// The same key sends a transaction behind the Sender's back.
	require.NoError(t, f.chain.SendTransaction(ctx, f.signRaw(key, to, nil)))
	tx2, r, err := s.Send(ctx, "second", to, []byte{1})
	require.NoError(t, err)
	require.Equal(t, tx1.Nonce()+2, tx2.Nonce())
	require.Equal(t, types.ReceiptStatusSuccessful, r.Status)
	again, _, err := s.Send(ctx, "second", to, []byte{1})
	require.NoError(t, err)
	require.Equal(t, tx2.Hash(), again.Hash(), "a key is sent once")

	// EIP-1559 fields.
	require.Equal(t, uint8(types.DynamicFeeTxType), tx2.Type())
	head, err := f.chain.HeaderByNumber(ctx, new(big.Int).Sub(r.BlockNumber, common.Big1))
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Add(new(big.Int).Mul(head.BaseFee, common.Big2), tx2.GasTipCap()), tx2.GasFeeCap())
	from, err := types.Sender(types.LatestSignerForChainID(new(big.Int).SetUint64(f.chainID)), tx2)
	require.NoError(t, err)
	require.Equal(t, s.Address(), from)
}

func TestExecuteGasHungryTarget(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	tx, err := f.c.JobRegistry.CreateJob(f.user, uint16(attestation.TimeStatic), burner, common.Hash{})
	require.NoError(t, err)
	r, err := contracts.WaitMined(ctx, f.sim.Client(), tx, func() { f.sim.Commit() })
	require.NoError(t, err)
	ev, err := f.c.JobRegistry.ParseJobCreated(*r.Logs[0])
	require.NoError(t, err)
	jobID := ev.JobId.Uint64()

	taskID := attestation.TaskID(jobID, attestation.TimeTriggerKey(1))
	tx, r, success, err := f.sender(f.keepers[0]).ExecuteTask(ctx, f.addrs.TaskExecutionHub, jobID, taskID, burner, []byte{1})
	require.NoError(t, err)
	t.Logf("gas limit %d, used %d", tx.Gas(), r.GasUsed)
	require.True(t, success)
	slot, err := f.chain.StorageAt(ctx, burner, common.BigToHash(big.NewInt(10)), nil)
	require.NoError(t, err)
	require.Equal(t, common.BigToHash(big.NewInt(10)).Bytes(), slot)
}

func TestSenderConcurrent(t *testing.T) {
	f := newFixture(t)
	s := f.sender(f.keepers[1])
	to := common.HexToAddress("0x000000000000000000000000000000000000cafe")
	first, err := f.chain.PendingNonceAt(t.Context(), s.Address())
	require.NoError(t, err)
	const n = 8
	nonces := make(chan uint64, n)
	errs := make(chan error, n)
	for i := range n {
		go func() {
			tx, _, err := s.Send(t.Context(), fmt.Sprint("tx", i), to, nil)
			if err != nil {
				errs <- err
				return
			}
			nonces <- tx.Nonce()
		}()
	}
	seen := map[uint64]bool{}
	for range n {
		select {
		case err := <-errs:
			require.NoError(t, err)
		case nonce := <-nonces:
			require.False(t, seen[nonce], "nonce %d used twice", nonce)
			seen[nonce] = true
		}
	}
	for i := first; i < first+n; i++ {
		require.True(t, seen[i], "nonce %d unused", i)
	}
}
