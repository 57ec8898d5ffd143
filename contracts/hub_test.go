package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/contracts/bindings"
)

// hubFixture: one registered keeper, a user with a Counter job and a funded
// gas balance.
type hubFixture struct {
	*chain
	keeper keeper
	user   account
	jobID  *big.Int
}

func newHubFixture(t *testing.T) *hubFixture {
	t.Helper()
	c := newChain(t, 3)
	f := &hubFixture{chain: c, keeper: c.register(minStake, 0)[0], user: c.accounts[1]}
	f.jobID = f.createJob(attestation.TimeStatic, c.addrs.Counter)
	opts := *f.user.auth
	opts.Value = eth(1)
	c.mine(c.c.TriggerGasRegistry.Deposit(&opts, f.user.addr()))
	return f
}

func (f *hubFixture) createJob(tdid attestation.TaskDefinitionID, target common.Address) *big.Int {
	f.t.Helper()
	action := attestation.Action{ChainID: f.chainID, Target: target, Function: "increment(uint256)", Arguments: []string{"5"}}
	r := f.mine(f.c.JobRegistry.CreateJob(f.user.auth, uint16(tdid), target, action.Hash()))
	ev, err := f.c.JobRegistry.ParseJobCreated(*r.Logs[0])
	require.NoError(f.t, err)
	require.Equal(f.t, f.user.addr(), ev.Owner)
	require.Equal(f.t, uint16(tdid), ev.TaskDefinitionId)
	require.Equal(f.t, target, ev.Target)
	require.Equal(f.t, action.Hash(), common.Hash(ev.SpecHash))
	return ev.JobId
}

func (f *hubFixture) gasBalance(addr common.Address) *big.Int {
	f.t.Helper()
	b, err := f.c.TriggerGasRegistry.BalanceOf(nil, addr)
	require.NoError(f.t, err)
	return b
}

// chargedGas finds the gas g the hub charged for: charged ==
// quote(g, price). It fails when there is none.
func (f *hubFixture) chargedGas(charged, price *big.Int) uint64 {
	f.t.Helper()
	premium, err := f.c.TaskExecutionHub.PremiumBps(nil)
	require.NoError(f.t, err)
	fixed, err := f.c.TaskExecutionHub.FixedFee(nil)
	require.NoError(f.t, err)
	// (charged - fixed) × 10000 / ((10000 + premium) × price), ± rounding.
	g := new(big.Int).Sub(charged, fixed)
	g.Mul(g, big.NewInt(10_000))
	g.Div(g, new(big.Int).Mul(new(big.Int).Add(premium, big.NewInt(10_000)), price))
	for _, try := range []uint64{g.Uint64(), g.Uint64() + 1, g.Uint64() - 1} {
		q, err := f.c.TaskExecutionHub.Quote(nil, new(big.Int).SetUint64(try), price)
		require.NoError(f.t, err)
		if q.Cmp(charged) == 0 {
			return try
		}
	}
	require.FailNow(f.t, "charge is not a quote", "charged %s at price %s", charged, price)
	return 0
}

func incrementCalldata(t *testing.T, by int64) []byte {
	t.Helper()
	a, err := bindings.CounterMetaData.GetAbi()
	require.NoError(t, err)
	data, err := a.Pack("increment", big.NewInt(by))
	require.NoError(t, err)
	return data
}

// executed finds the hub's TaskExecuted event in r.
func (f *hubFixture) executed(r *types.Receipt) *bindings.TaskExecutionHubTaskExecuted {
	f.t.Helper()
	for _, l := range r.Logs {
		if l.Address == f.addrs.TaskExecutionHub {
			ev, err := f.c.TaskExecutionHub.ParseTaskExecuted(*l)
			require.NoError(f.t, err)
			return ev
		}
	}
	require.FailNow(f.t, "no TaskExecuted event")
	return nil
}

func TestHubExecutes(t *testing.T) {
	f := newHubFixture(t)
	hub := f.c.TaskExecutionHub
	taskID := attestation.TaskID(f.jobID.Uint64(), attestation.TimeTriggerKey(1_700_000_000))
	data := incrementCalldata(t, 5)
	before := f.gasBalance(f.user.addr())

	r := f.mine(hub.ExecuteFunction(f.keeper.auth, f.jobID, taskID, f.addrs.Counter, data))

	count, err := f.c.Counter.Count(nil)
	require.NoError(t, err)
	require.EqualValues(t, 5, count.Int64())
	calls, err := f.c.Counter.CallsBy(nil, f.addrs.TaskExecutionHub)
	require.NoError(t, err)
	require.EqualValues(t, 1, calls.Int64())

	ev := f.executed(r)
	require.Equal(t, taskID, common.Hash(ev.TaskId))
	require.Equal(t, f.jobID, ev.JobId)
	require.Equal(t, f.keeper.addr(), ev.Keeper)
	require.Equal(t, f.addrs.Counter, ev.Target)
	require.True(t, ev.Success)
	require.Equal(t, crypto.Keccak256Hash(data), common.Hash(ev.CalldataHash))

	// The charge is quote(gas, price): the gas close to what the keeper
	// paid, plus the default 10% premium.
	require.Positive(t, ev.Charged.Sign())
	chargedGas := f.chargedGas(ev.Charged, r.EffectiveGasPrice)
	t.Logf("charged %d gas (+10%%) for a receipt of %d", chargedGas, r.GasUsed)
	require.InEpsilon(t, float64(r.GasUsed), float64(chargedGas), 0.2)
	require.Equal(t, new(big.Int).Sub(before, ev.Charged), f.gasBalance(f.user.addr()))
	earned, err := f.c.TriggerGasRegistry.Earnings(nil, f.keeper.addr())
	require.NoError(t, err)
	require.Equal(t, ev.Charged, earned)

	done, err := hub.Executed(nil, taskID)
	require.NoError(t, err)
	require.True(t, done)
	by, err := hub.ExecutedBy(nil, taskID)
	require.NoError(t, err)
	require.Equal(t, f.keeper.addr(), by)

	// Again, now that the keeper has earnings and the counter is nonzero: the
	// steady state the overhead is calibrated on.
	taskID2 := attestation.TaskID(f.jobID.Uint64(), attestation.TimeTriggerKey(1_700_000_060))
	r = f.mine(hub.ExecuteFunction(f.keeper.auth, f.jobID, taskID2, f.addrs.Counter, data))
	ev2 := f.executed(r)
	chargedGas = f.chargedGas(ev2.Charged, r.EffectiveGasPrice)
	t.Logf("second execution: charged %d gas for a receipt of %d", chargedGas, r.GasUsed)
	require.InEpsilon(t, float64(r.GasUsed), float64(chargedGas), 0.05)
	earned, err = f.c.TriggerGasRegistry.Earnings(nil, f.keeper.addr())
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Add(ev.Charged, ev2.Charged), earned)

	// The keeper claims its reimbursement.
	wallet := f.balance(f.keeper.addr())
	r = f.mine(f.c.TriggerGasRegistry.ClaimEarnings(f.keeper.auth))
	fee := new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
	want := new(big.Int).Add(wallet, earned)
	require.Equal(t, want.Sub(want, fee), f.balance(f.keeper.addr()))
	_, err = f.c.TriggerGasRegistry.ClaimEarnings(f.keeper.auth)
	requireRevert(t, err, "NothingToClaim")
}

// A failing target call is recorded and charged, not reverted.
func TestHubRecordsFailedCall(t *testing.T) {
	f := newHubFixture(t)
	taskID := common.HexToHash("0x01")
	bad := []byte{0xde, 0xad, 0xbe, 0xef} // no such function on Counter
	r := f.mine(f.c.TaskExecutionHub.ExecuteFunction(f.keeper.auth, f.jobID, taskID, f.addrs.Counter, bad))
	ev := f.executed(r)
	require.False(t, ev.Success)
	require.Positive(t, ev.Charged.Sign())
	done, err := f.c.TaskExecutionHub.Executed(nil, taskID)
	require.NoError(t, err)
	require.True(t, done)
}

func TestHubRejects(t *testing.T) {
	f := newHubFixture(t)
	hub := f.c.TaskExecutionHub
	data := incrementCalldata(t, 1)
	outsider := f.accounts[2]

	done := common.HexToHash("0xd0")
	f.mine(hub.ExecuteFunction(f.keeper.auth, f.jobID, done, f.addrs.Counter, data))

	deleted := f.createJob(attestation.TimeStatic, f.addrs.Counter)
	f.mine(f.c.JobRegistry.DeleteJob(f.user.auth, deleted))
	custom := f.createJob(attestation.CustomScript, common.Address{})

	// A job owner with no gas balance.
	poor := f.accounts[2]
	action := attestation.Action{ChainID: f.chainID, Target: f.addrs.Counter, Function: "increment(uint256)"}
	r := f.mine(f.c.JobRegistry.CreateJob(poor.auth, uint16(attestation.TimeStatic), f.addrs.Counter, action.Hash()))
	ev, err := f.c.JobRegistry.ParseJobCreated(*r.Logs[0])
	require.NoError(t, err)
	poorJob := ev.JobId

	fresh := common.HexToHash("0xf1")
	tests := []struct {
		name   string
		from   account
		jobID  *big.Int
		taskID common.Hash
		target common.Address
		want   string
	}{
		{"task already executed", f.keeper.account, f.jobID, done, f.addrs.Counter, "TaskAlreadyExecuted"},
		{"not a keeper", outsider, f.jobID, fresh, f.addrs.Counter, "NotKeeper"},
		{"wrong target", f.keeper.account, f.jobID, fresh, outsider.addr(), "TargetMismatch"},
		{"unknown job", f.keeper.account, big.NewInt(99), fresh, f.addrs.Counter, "UnknownJob"},
		{"deleted job", f.keeper.account, deleted, fresh, f.addrs.Counter, "JobInactive"},
		{"protocol contract as target", f.keeper.account, custom, fresh, f.addrs.TriggerGasRegistry, "ForbiddenTarget"},
		{"no target for a custom job", f.keeper.account, custom, fresh, common.Address{}, "TargetMismatch"},
		{"insufficient gas balance", f.keeper.account, poorJob, fresh, f.addrs.Counter, "InsufficientBalance"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := hub.ExecuteFunction(tt.from.auth, tt.jobID, tt.taskID, tt.target, data)
			r := requireRevert(t, err, tt.want)
			if tt.want == "TaskAlreadyExecuted" {
				require.Equal(t, [32]byte(done), r.Args[0])
			}
		})
	}

	// A custom-script job without a target may call any other contract.
	f.mine(hub.ExecuteFunction(f.keeper.auth, custom, fresh, f.addrs.Counter, data))
	count, err := f.c.Counter.Count(nil)
	require.NoError(t, err)
	require.EqualValues(t, 2, count.Int64())
}

func TestHubFees(t *testing.T) {
	f := newHubFixture(t)
	hub := f.c.TaskExecutionHub
	gwei := big.NewInt(params.GWei)

	_, err := hub.SetPremiumBps(f.user.auth, big.NewInt(2000))
	requireRevert(t, err, "NotOwner")
	_, err = hub.SetFixedFee(f.user.auth, big.NewInt(1))
	requireRevert(t, err, "NotOwner")
	_, err = hub.SetPremiumBps(f.deployer.auth, big.NewInt(10_001))
	requireRevert(t, err, "PremiumTooHigh")

	// 20% premium and a 0.001 ether fixed fee.
	fixed := big.NewInt(params.Ether / 1000)
	r := f.mine(hub.SetPremiumBps(f.deployer.auth, big.NewInt(2000)))
	ps, err := hub.ParsePremiumBpsSet(*r.Logs[0])
	require.NoError(t, err)
	require.EqualValues(t, 2000, ps.PremiumBps.Int64())
	r = f.mine(hub.SetFixedFee(f.deployer.auth, fixed))
	fs, err := hub.ParseFixedFeeSet(*r.Logs[0])
	require.NoError(t, err)
	require.Equal(t, fixed, fs.FixedFee)

	q, err := hub.Quote(nil, big.NewInt(100_000), new(big.Int).Mul(big.NewInt(3), gwei))
	require.NoError(t, err)
	// 100000 × 3 gwei × 1.2 + 0.001 ether.
	require.Equal(t, new(big.Int).Add(big.NewInt(360_000*params.GWei), fixed), q)

	data := incrementCalldata(t, 5)
	f.mine(hub.ExecuteFunction(f.keeper.auth, f.jobID, common.HexToHash("0x01"), f.addrs.Counter, data)) // warm up
	before := f.gasBalance(f.user.addr())
	r = f.mine(hub.ExecuteFunction(f.keeper.auth, f.jobID, common.HexToHash("0x02"), f.addrs.Counter, data))
	ev := f.executed(r)
	chargedGas := f.chargedGas(ev.Charged, r.EffectiveGasPrice)
	t.Logf("charged %d gas (+20%% + %s wei) for a receipt of %d", chargedGas, fixed, r.GasUsed)
	require.InEpsilon(t, float64(r.GasUsed), float64(chargedGas), 0.05)
	require.Equal(t, new(big.Int).Sub(before, ev.Charged), f.gasBalance(f.user.addr()))
}

// The hub refuses, before calling the target, a task whose owner cannot pay
// for the transaction's whole gas limit.
func TestHubRefusesUnpayable(t *testing.T) {
	f := newHubFixture(t)
	hub := f.c.TaskExecutionHub
	data := incrementCalldata(t, 1)
	price := big.NewInt(10 * params.GWei)
	input, err := bindings.TaskExecutionHubMetaData.GetAbi()
	require.NoError(t, err)

	// A second user with just enough for 250k gas at 10 gwei (+10%).
	poor := f.accounts[2]
	action := attestation.Action{ChainID: f.chainID, Target: f.addrs.Counter, Function: "increment(uint256)", Arguments: []string{"1"}}
	r := f.mine(f.c.JobRegistry.CreateJob(poor.auth, uint16(attestation.TimeStatic), f.addrs.Counter, action.Hash()))
	ev, err := f.c.JobRegistry.ParseJobCreated(*r.Logs[0])
	require.NoError(t, err)
	jobID := ev.JobId
	deposit, err := hub.Quote(nil, big.NewInt(250_000), price)
	require.NoError(t, err)
	opts := *poor.auth
	opts.Value = deposit
	f.mine(f.c.TriggerGasRegistry.Deposit(&opts, poor.addr()))

	execute := func(taskID common.Hash, gasLimit uint64) (*types.Transaction, error) {
		opts := *f.keeper.auth
		opts.GasPrice, opts.GasLimit = price, gasLimit
		return hub.ExecuteFunction(&opts, jobID, taskID, f.addrs.Counter, data)
	}
	count := func() int64 {
		n, err := f.c.Counter.Count(nil)
		require.NoError(t, err)
		return n.Int64()
	}

	// Estimating (at the highest gas limit the chain allows) is refused.
	_, err = execute(common.HexToHash("0x01"), 0)
	rv := requireRevert(t, err, "InsufficientBalance")
	require.Equal(t, poor.addr(), rv.Args[0])
	require.Equal(t, deposit, rv.Args[1])
	require.Positive(t, rv.Args[2].(*big.Int).Cmp(deposit))

	// Sent with a 300k limit anyway: reverted, nothing executed or charged.
	calldata, err := input.Pack("executeFunction", jobID, common.HexToHash("0x01"), f.addrs.Counter, data)
	require.NoError(t, err)
	_, err = f.client.CallContract(t.Context(), ethereum.CallMsg{From: f.keeper.addr(), To: &f.addrs.TaskExecutionHub,
		Gas: 300_000, GasPrice: price, Data: calldata}, nil)
	rv = requireRevert(t, err, "InsufficientBalance")
	require.Equal(t, deposit, rv.Args[1])
	tx, err := execute(common.HexToHash("0x01"), 300_000)
	require.NoError(t, err)
	_, err = contracts.WaitMined(t.Context(), f.client, tx, f.commit)
	require.ErrorIs(t, err, contracts.ErrReverted)
	require.Zero(t, count())
	done, err := hub.Executed(nil, common.HexToHash("0x01"))
	require.NoError(t, err)
	require.False(t, done)
	require.Equal(t, deposit, f.gasBalance(poor.addr()))

	// A 200k limit is within the balance: executed and charged.
	r = f.mine(execute(common.HexToHash("0x02"), 200_000))
	require.True(t, f.executed(r).Success)
	require.EqualValues(t, 1, count())
	require.Equal(t, new(big.Int).Sub(deposit, f.executed(r).Charged), f.gasBalance(poor.addr()))
}

func TestJobRegistry(t *testing.T) {
	c := newChain(t, 2)
	jr := c.c.JobRegistry
	owner, other := c.accounts[0], c.accounts[1]
	target := c.addrs.Counter
	action := common.HexToHash("0xac")

	for _, tt := range []struct {
		name   string
		tdid   uint16
		target common.Address
		want   string
	}{
		{"task definition 0", 0, target, "InvalidTaskDefinition"},
		{"task definition 8", 8, target, "InvalidTaskDefinition"},
		{"no target", uint16(attestation.TimeStatic), common.Address{}, "ZeroTarget"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := jr.CreateJob(owner.auth, tt.tdid, tt.target, action)
			requireRevert(t, err, tt.want)
		})
	}

	for want := int64(1); want <= 2; want++ {
		r := c.mine(jr.CreateJob(owner.auth, uint16(attestation.EventScript), target, action))
		ev, err := jr.ParseJobCreated(*r.Logs[0])
		require.NoError(t, err)
		require.EqualValues(t, want, ev.JobId.Int64())
	}
	job, err := jr.GetJob(nil, big.NewInt(2))
	require.NoError(t, err)
	require.Equal(t, owner.addr(), job.Owner)
	require.Equal(t, uint16(attestation.EventScript), job.TaskDefinitionId)
	require.Equal(t, target, job.Target)
	require.Equal(t, [32]byte(action), job.SpecHash)
	require.True(t, job.Active)

	_, err = jr.DeleteJob(other.auth, big.NewInt(2))
	requireRevert(t, err, "NotJobOwner")
	_, err = jr.DeleteJob(owner.auth, big.NewInt(3))
	requireRevert(t, err, "UnknownJob")
	r := c.mine(jr.DeleteJob(owner.auth, big.NewInt(2)))
	ev, err := jr.ParseJobDeleted(*r.Logs[0])
	require.NoError(t, err)
	require.EqualValues(t, 2, ev.JobId.Int64())
	require.Equal(t, owner.addr(), ev.Owner)
	job, err = jr.GetJob(nil, big.NewInt(2))
	require.NoError(t, err)
	require.False(t, job.Active)
	_, err = jr.DeleteJob(owner.auth, big.NewInt(2))
	requireRevert(t, err, "JobInactive")
}

func TestTriggerGasRegistry(t *testing.T) {
	c := newChain(t, 2)
	gr := c.c.TriggerGasRegistry
	user, payer := c.accounts[0], c.accounts[1]

	opts := *payer.auth
	opts.Value = eth(2)
	r := c.mine(gr.Deposit(&opts, user.addr()))
	dep, err := gr.ParseDeposited(*r.Logs[0])
	require.NoError(t, err)
	require.Equal(t, user.addr(), dep.User)
	require.Equal(t, payer.addr(), dep.From)
	require.Equal(t, eth(2), dep.Amount)

	_, err = gr.Deduct(user.auth, user.addr(), common.Big1, user.addr())
	requireRevert(t, err, "NotHub")
	_, err = gr.Withdraw(user.auth, eth(3))
	requireRevert(t, err, "InsufficientBalance")
	opts.Value = common.Big0
	_, err = gr.Deposit(&opts, user.addr())
	requireRevert(t, err, "ZeroAmount")

	wallet := c.balance(user.addr())
	r = c.mine(gr.Withdraw(user.auth, eth(1)))
	wd, err := gr.ParseWithdrawn(*r.Logs[0])
	require.NoError(t, err)
	require.Equal(t, user.addr(), wd.User)
	require.Equal(t, eth(1), wd.Amount)
	fee := new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
	want := new(big.Int).Add(wallet, eth(1))
	require.Equal(t, want.Sub(want, fee), c.balance(user.addr()))
	bal, err := gr.BalanceOf(nil, user.addr())
	require.NoError(t, err)
	require.Equal(t, eth(1), bal)
}
