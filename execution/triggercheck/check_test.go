package triggercheck_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"testing"
	"time"

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
	"github.com/triggerx-network/triggerx/execution/triggercheck"
)

// Expectations of a case besides a reason code.
const (
	ok     = ""        // the firing is valid
	notYet = "not_yet" // ErrNotYet: wait and retry
	infra  = "infra"   // an error without a reason that is not ErrNotYet
)

// counterEvent is Counter's Incremented as Counter.sol declares it.
const counterEvent = "Incremented(address caller, uint256 by, uint256 newCount)"

type checkCase struct {
	name string
	task attestation.Task
	exec triggercheck.Execution
	want string // ok, notYet, infra or a reason code
}

func runCases(t *testing.T, c *triggercheck.Checker, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := c.Check(t.Context(), tc.task, tc.exec)
			t.Log(err)
			switch tc.want {
			case ok:
				require.NoError(t, err)
			case notYet:
				require.ErrorIs(t, err, triggercheck.ErrNotYet)
				require.Empty(t, triggercheck.Reason(err))
			case infra:
				require.Error(t, err)
				require.NotErrorIs(t, err, triggercheck.ErrNotYet)
				require.Empty(t, triggercheck.Reason(err), "%v", err)
			default:
				require.Error(t, err)
				require.Equal(t, tc.want, triggercheck.Reason(err), "%v", err)
				require.NotErrorIs(t, err, triggercheck.ErrNotYet)
			}
		})
	}
}

// newTask returns the task of one firing, with the trigger key and task id
// derived as the coordinator derives them.
func newTask(t *testing.T, trig attestation.Trigger, scheduledAt int64, f attestation.Firing) attestation.Task {
	t.Helper()
	key, err := attestation.TriggerKey(trig.Kind, scheduledAt, f)
	require.NoError(t, err)
	return attestation.Task{
		ID: attestation.TaskID(7, key), JobID: 7, TaskDefinitionID: attestation.TimeStatic,
		TriggerKey: key, ScheduledAt: scheduledAt, Trigger: trig, Firing: f,
	}
}

// withKey returns t with its trigger key replaced.
func withKey(t attestation.Task, key common.Hash) attestation.Task {
	t.TriggerKey = key
	return t
}

// onOsaka pins the simulated chain to the fork mainnet runs.
func onOsaka(_ *node.Config, ethConf *ethconfig.Config) {
	cfg := *ethConf.Genesis.Config
	cfg.BogotaTime = nil
	ethConf.Genesis.Config = &cfg
}

// fixture is a simulated chain with the system and a second Counter
// deployed.
type fixture struct {
	t       *testing.T
	sim     *simulated.Backend
	client  simulated.Client
	chainID uint64
	auth    *bind.TransactOpts
	addrs   contracts.Addresses
	counter *bindings.Counter
	other   common.Address
	otherC  *bindings.Counter
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	from := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{
		from: {Balance: new(big.Int).Mul(big.NewInt(100), big.NewInt(params.Ether))},
	}, onOsaka)
	t.Cleanup(func() { _ = sim.Close() })
	f := &fixture{t: t, sim: sim, client: sim.Client()}
	ctx := t.Context()
	id, err := f.client.ChainID(ctx)
	require.NoError(t, err)
	f.chainID = id.Uint64()
	f.auth, err = bind.NewKeyedTransactorWithChainID(key, id)
	require.NoError(t, err)
	f.addrs, err = contracts.Deploy(ctx, f.client, f.auth, big.NewInt(1), f.commit)
	require.NoError(t, err)
	c, err := f.addrs.Bind(f.client)
	require.NoError(t, err)
	f.counter = c.Counter
	var tx *types.Transaction
	f.other, tx, f.otherC, err = bindings.DeployCounter(f.auth, f.client)
	require.NoError(t, err)
	_, err = contracts.WaitMined(ctx, f.client, tx, f.commit)
	require.NoError(t, err)
	return f
}

func (f *fixture) commit() { f.sim.Commit() }

// mine seals tx in a block and returns its receipt.
func (f *fixture) mine(tx *types.Transaction, err error) *types.Receipt {
	f.t.Helper()
	require.NoError(f.t, err)
	r, err := contracts.WaitMined(f.t.Context(), f.client, tx, f.commit)
	require.NoError(f.t, err)
	return r
}

func (f *fixture) header(n uint64) *types.Header {
	f.t.Helper()
	h, err := f.client.HeaderByNumber(f.t.Context(), new(big.Int).SetUint64(n))
	require.NoError(f.t, err)
	return h
}

func (f *fixture) head() *types.Header {
	f.t.Helper()
	h, err := f.client.HeaderByNumber(f.t.Context(), nil)
	require.NoError(f.t, err)
	return h
}

// chains serves the fixture's chain and knows no other.
func (f *fixture) chains(_ context.Context, id uint64) (execution.Chain, error) {
	if id != f.chainID {
		return nil, fmt.Errorf("no RPC endpoint configured for chain %d", id)
	}
	return f.client, nil
}

func (f *fixture) checker(chains func(context.Context, uint64) (execution.Chain, error)) *triggercheck.Checker {
	f.t.Helper()
	if chains == nil {
		chains = f.chains
	}
	c, err := triggercheck.New(triggercheck.Config{Chains: chains, Logger: zaptest.NewLogger(f.t)})
	require.NoError(f.t, err)
	return c
}

// execAfter is an execution on the fixture's chain in the block after head.
func (f *fixture) execAfter() triggercheck.Execution {
	h := f.head()
	return triggercheck.Execution{ChainID: f.chainID, BlockNumber: h.Number.Uint64() + 1, BlockTime: time.Unix(int64(h.Time)+1, 0)}
}

func TestNew(t *testing.T) {
	chains := func(context.Context, uint64) (execution.Chain, error) { return nil, errors.New("none") }
	_, err := triggercheck.New(triggercheck.Config{})
	require.Error(t, err)
	_, err = triggercheck.New(triggercheck.Config{Chains: chains, EarlyTolerance: -time.Second})
	require.Error(t, err)
	c, err := triggercheck.New(triggercheck.Config{Chains: chains})
	require.NoError(t, err)
	require.NotNil(t, c)
}

func TestCheckTime(t *testing.T) {
	c, err := triggercheck.New(triggercheck.Config{
		Chains: func(_ context.Context, id uint64) (execution.Chain, error) {
			return nil, fmt.Errorf("time checks read no chain (asked for %d)", id)
		},
		Logger: zaptest.NewLogger(t),
	})
	require.NoError(t, err)

	utc := func(s string) int64 {
		tm, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err)
		return tm.Unix()
	}
	timeTrigger := func(tt attestation.TimeTrigger) attestation.Trigger {
		return attestation.Trigger{Kind: attestation.TriggerTime, Time: &tt}
	}
	at := func(u int64, d time.Duration) triggercheck.Execution {
		return triggercheck.Execution{ChainID: 1, BlockNumber: 100, BlockTime: time.Unix(u, 0).Add(d)}
	}
	const start = 1_700_000_000
	interval := timeTrigger(attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: 60, Start: start})
	ending := timeTrigger(attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: 60, Start: start, End: start + 60})
	cron := timeTrigger(attestation.TimeTrigger{Schedule: attestation.ScheduleCron, Cron: "*/5 * * * *"})
	once := timeTrigger(attestation.TimeTrigger{Schedule: attestation.ScheduleOnce, Times: []int64{start + 10, start + 3600}})
	// 02:30 Berlin time; on 2026-03-29 the clock jumps from 02:00 CET to
	// 03:00 CEST, and the skipped 02:30 fires at 03:00 CEST (01:00Z).
	berlin := timeTrigger(attestation.TimeTrigger{Schedule: attestation.ScheduleCron, Cron: "30 2 * * *", TimeZone: "Europe/Berlin"})
	slot := int64(start + 120)
	cronSlot := utc("2026-01-15T10:05:00Z")

	cases := []checkCase{
		{"interval slot", newTask(t, interval, slot, attestation.Firing{}), at(slot, 3*time.Second), ok},
		{"interval first slot", newTask(t, interval, start, attestation.Firing{}), at(start, 0), ok},
		{"executed within the tolerance before the slot", newTask(t, interval, slot, attestation.Firing{}), at(slot, -10*time.Second), ok},
		{"executed long before the slot", newTask(t, interval, slot, attestation.Firing{}), at(slot, -time.Hour), "executed_too_early"},
		{"executed just beyond the tolerance", newTask(t, interval, slot, attestation.Firing{}), at(slot, -16*time.Second), "executed_too_early"},
		{"interval between slots", newTask(t, interval, slot+10, attestation.Firing{}), at(slot+10, 0), "slot_not_on_schedule"},
		{"interval before start", newTask(t, interval, start-60, attestation.Firing{}), at(start, 0), "slot_not_on_schedule"},
		{"interval slot after end", newTask(t, ending, start+120, attestation.Firing{}), at(start+120, 0), "trigger_ended"},
		{"interval last slot", newTask(t, ending, start+60, attestation.Firing{}), at(start+60, 0), ok},
		{"negative slot", newTask(t, interval, -60, attestation.Firing{}), at(start, 0), "slot_not_on_schedule"},
		{"cron slot", newTask(t, cron, cronSlot, attestation.Firing{}), at(cronSlot, time.Second), ok},
		{"cron off slot", newTask(t, cron, cronSlot+120, attestation.Firing{}), at(cronSlot+120, 0), "slot_not_on_schedule"},
		{"cron off by a second", newTask(t, cron, cronSlot+1, attestation.Firing{}), at(cronSlot+1, 0), "slot_not_on_schedule"},
		{"once slot", newTask(t, once, start+3600, attestation.Firing{}), at(start+3600, 0), ok},
		{"once off slot", newTask(t, once, start+3601, attestation.Firing{}), at(start+3601, 0), "slot_not_on_schedule"},
		{"berlin winter slot", newTask(t, berlin, utc("2026-03-28T01:30:00Z"), attestation.Firing{}), at(utc("2026-03-28T01:30:00Z"), 0), ok},
		{"berlin skipped time fires after the gap", newTask(t, berlin, utc("2026-03-29T01:00:00Z"), attestation.Firing{}), at(utc("2026-03-29T01:00:00Z"), 0), ok},
		{"berlin 02:30 CET does not exist that day", newTask(t, berlin, utc("2026-03-29T01:30:00Z"), attestation.Firing{}), at(utc("2026-03-29T01:30:00Z"), 0), "slot_not_on_schedule"},
		{"berlin 02:30 as UTC", newTask(t, berlin, utc("2026-03-30T02:30:00Z"), attestation.Firing{}), at(utc("2026-03-30T02:30:00Z"), 0), "slot_not_on_schedule"},
		{"berlin summer slot", newTask(t, berlin, utc("2026-03-30T00:30:00Z"), attestation.Firing{}), at(utc("2026-03-30T00:30:00Z"), 0), ok},
		{"wrong trigger key", withKey(newTask(t, interval, slot, attestation.Firing{}), attestation.TimeTriggerKey(slot+60)), at(slot, 0), "trigger_key_mismatch"},
		{"invalid trigger", newTask(t, timeTrigger(attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Start: start}), slot, attestation.Firing{}), at(slot, 0), "trigger_invalid"},
		{"invalid cron", newTask(t, timeTrigger(attestation.TimeTrigger{Schedule: attestation.ScheduleCron, Cron: "61 * * * *"}), slot, attestation.Firing{}), at(slot, 0), "trigger_invalid"},
		{"kind without settings", newTask(t, attestation.Trigger{Kind: attestation.TriggerTime}, slot, attestation.Firing{}), at(slot, 0), "trigger_invalid"},
		{"no execution time", newTask(t, interval, slot, attestation.Firing{}), triggercheck.Execution{}, infra},
	}
	runCases(t, c, cases)
}

func TestCheckChain(t *testing.T) {
	f := newFixture(t)
	r1 := f.mine(f.counter.Increment(f.auth, big.NewInt(5))) // count 5
	r2 := f.mine(f.otherC.Increment(f.auth, big.NewInt(7)))  // the other counter
	r3 := f.mine(f.counter.Increment(f.auth, big.NewInt(7))) // count 12
	for range 4 {
		f.commit()
	}
	require.Len(t, r1.Logs, 1)
	b1, b3 := r1.BlockNumber.Uint64(), r3.BlockNumber.Uint64()
	h1, h3 := f.header(b1), f.header(b3)
	head := f.head().Number.Uint64()
	exec := f.execAfter()
	c := f.checker(nil)
	junk := common.HexToHash("0x6a756e6b")

	// Event triggers.
	eventTrigger := func(contract common.Address, sig string, conf uint64, filters ...attestation.EventFilter) attestation.Trigger {
		return attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{
			ChainID: f.chainID, Contract: contract, Event: sig, Filters: filters, Confirmations: conf, Recurring: true,
		}}
	}
	flt := func(param, op, value string) attestation.EventFilter {
		return attestation.EventFilter{Param: param, Op: op, Value: value}
	}
	counterTrigger := eventTrigger(f.addrs.Counter, counterEvent, 3)
	logOf := func(r *types.Receipt, i int) attestation.Firing {
		l := r.Logs[i]
		return attestation.Firing{ChainID: f.chainID, BlockNumber: l.BlockNumber, BlockHash: f.header(l.BlockNumber).Hash(),
			TxHash: l.TxHash, LogIndex: uint64(l.Index)}
	}
	fired := logOf(r1, 0)
	event := func(trig attestation.Trigger, mod func(*attestation.Firing)) attestation.Task {
		fr := fired
		if mod != nil {
			mod(&fr)
		}
		return newTask(t, trig, int64(h1.Time), fr)
	}
	ended := eventTrigger(f.addrs.Counter, counterEvent, 3)
	ended.Event.End = int64(h1.Time) - 1
	sameBlock := exec
	sameBlock.BlockNumber = b1
	otherChainEarly := triggercheck.Execution{ChainID: f.chainID + 1, BlockNumber: 1, BlockTime: time.Unix(int64(h1.Time), 0).Add(-time.Hour)}
	otherChainSkew := triggercheck.Execution{ChainID: f.chainID + 1, BlockNumber: 1, BlockTime: time.Unix(int64(h1.Time), 0).Add(-5 * time.Second)}
	unknownChain := eventTrigger(f.addrs.Counter, counterEvent, 0)
	unknownChain.Event.ChainID = 999
	// A firing without a transaction hash has no trigger key at all.
	noTx := event(counterTrigger, nil)
	noTx.Firing.TxHash = common.Hash{}

	cases := []checkCase{
		{"event", event(counterTrigger, nil), exec, ok},
		{"event with filters", event(eventTrigger(f.addrs.Counter, counterEvent, 3,
			flt("caller", "eq", f.auth.From.Hex()), flt("by", "eq", "5"), flt("newCount", "gte", "5")), nil), exec, ok},
		{"event by position", event(eventTrigger(f.addrs.Counter, counterEvent, 0, flt("1", "lt", "6")), nil), exec, ok},
		{"event bare signature", event(eventTrigger(f.addrs.Counter, "Incremented(address,uint256,uint256)", 0), nil), exec, ok},
		{"event executed on another chain within the skew", event(counterTrigger, nil), otherChainSkew, ok},
		{"event wrong tx hash", event(counterTrigger, func(fr *attestation.Firing) { fr.TxHash = junk }), exec, "event_tx_not_found"},
		{"event tx in another block", event(counterTrigger, func(fr *attestation.Firing) { fr.TxHash = r3.TxHash }), exec, "event_tx_other_block"},
		{"event wrong log index", event(counterTrigger, func(fr *attestation.Firing) { fr.LogIndex = 1 }), exec, "event_log_not_found"},
		{"event log from another contract", newTask(t, counterTrigger, 0, logOf(r2, 0)), exec, "event_log_wrong_contract"},
		{"event of another signature", event(eventTrigger(f.addrs.Counter, "Incremented(address caller, uint256 by)", 0), nil), exec, "event_log_wrong_event"},
		{"event filter not matched", event(eventTrigger(f.addrs.Counter, counterEvent, 3, flt("by", "eq", "7")), nil), exec, "event_filter_not_matched"},
		{"event filter on caller not matched", event(eventTrigger(f.addrs.Counter, counterEvent, 3, flt("caller", "ne", f.auth.From.Hex())), nil), exec, "event_filter_not_matched"},
		{"event log does not decode", event(eventTrigger(f.addrs.Counter, "Incremented(address indexed caller, uint256 by, uint256 newCount)", 0), nil), exec, "event_filter_not_matched"},
		{"event block hash not canonical", event(counterTrigger, func(fr *attestation.Firing) { fr.BlockHash = junk }), exec, "block_not_canonical"},
		{"event block hash of another block", event(counterTrigger, func(fr *attestation.Firing) { fr.BlockHash = h3.Hash() }), exec, "block_not_canonical"},
		{"event wrong block number", event(counterTrigger, func(fr *attestation.Firing) { fr.BlockNumber, fr.BlockHash = b3, h3.Hash() }), exec, "event_tx_other_block"},
		{"event after end", event(ended, nil), exec, "trigger_ended"},
		{"event executed in its own block", event(counterTrigger, nil), sameBlock, "executed_too_early"},
		{"event executed long before on another chain", event(counterTrigger, nil), otherChainEarly, "executed_too_early"},
		{"event firing on another chain", event(counterTrigger, func(fr *attestation.Firing) { fr.ChainID = 999 }), exec, "firing_wrong_chain"},
		{"event wrong trigger key", withKey(event(counterTrigger, nil), junk), exec, "trigger_key_mismatch"},
		{"event firing without a transaction", noTx, exec, "trigger_key_mismatch"},
		{"event invalid signature", event(eventTrigger(f.addrs.Counter, "Incremented(uint256", 0), nil), exec, "trigger_invalid"},
		{"event invalid filter", event(eventTrigger(f.addrs.Counter, counterEvent, 0, flt("nope", "eq", "1")), nil), exec, "trigger_invalid"},
		{"event not enough confirmations", event(eventTrigger(f.addrs.Counter, counterEvent, head-b1+1), nil), exec, notYet},
		{"event exactly enough confirmations", event(eventTrigger(f.addrs.Counter, counterEvent, head-b1), nil), exec, ok},
		{"event block not reached", event(counterTrigger, func(fr *attestation.Firing) { fr.BlockNumber = head + 1 }), exec, notYet},
		{"event on an unknown chain", event(unknownChain, func(fr *attestation.Firing) { fr.ChainID = 999 }), exec, infra},
	}
	// Block triggers: every 3rd block from 2.
	blockTrigger := func(start, every uint64, end int64) attestation.Trigger {
		return attestation.Trigger{Kind: attestation.TriggerBlock, Block: &attestation.BlockTrigger{
			ChainID: f.chainID, Every: every, Start: start, End: end,
		}}
	}
	grid := blockTrigger(2, 3, 0)
	n := head - (head-2)%3 // the last grid block
	hn := f.header(n)
	blockFiring := func(n uint64, hash common.Hash) attestation.Firing {
		return attestation.Firing{ChainID: f.chainID, BlockNumber: n, BlockHash: hash}
	}
	blockExec := triggercheck.Execution{ChainID: f.chainID, BlockNumber: head + 1, BlockTime: time.Unix(int64(f.head().Time)+1, 0)}
	unknownBlockChain := blockTrigger(2, 3, 0)
	unknownBlockChain.Block.ChainID = 999
	cases = append(cases, []checkCase{
		{"block", newTask(t, grid, int64(hn.Time), blockFiring(n, hn.Hash())), blockExec, ok},
		{"block at start", newTask(t, grid, 0, blockFiring(2, f.header(2).Hash())), blockExec, ok},
		{"block every block", newTask(t, blockTrigger(0, 1, 0), 0, blockFiring(n-1, f.header(n-1).Hash())), blockExec, ok},
		{"block not on the grid", newTask(t, grid, 0, blockFiring(n-1, f.header(n-1).Hash())), blockExec, "block_not_on_grid"},
		{"block before start", newTask(t, blockTrigger(n+3, 3, 0), 0, blockFiring(n, hn.Hash())), blockExec, "block_not_on_grid"},
		{"block hash not canonical", newTask(t, grid, 0, blockFiring(n, junk)), blockExec, "block_not_canonical"},
		{"block hash of another block", newTask(t, grid, 0, blockFiring(n, f.header(n-3).Hash())), blockExec, "block_not_canonical"},
		{"block after end", newTask(t, blockTrigger(2, 3, int64(hn.Time)-1), 0, blockFiring(n, hn.Hash())), blockExec, "trigger_ended"},
		{"block executed before it", newTask(t, grid, 0, blockFiring(n, hn.Hash())), triggercheck.Execution{ChainID: f.chainID, BlockNumber: n - 1, BlockTime: time.Unix(int64(hn.Time), 0)}, "executed_too_early"},
		{"block firing on another chain", newTask(t, grid, 0, attestation.Firing{ChainID: 999, BlockNumber: n, BlockHash: hn.Hash()}), blockExec, "firing_wrong_chain"},
		{"block wrong trigger key", withKey(newTask(t, grid, 0, blockFiring(n, hn.Hash())), junk), blockExec, "trigger_key_mismatch"},
		{"block not reached", newTask(t, grid, 0, blockFiring(n+3, junk)), blockExec, notYet},
		{"block on an unknown chain", newTask(t, unknownBlockChain, 0, attestation.Firing{ChainID: 999, BlockNumber: n, BlockHash: hn.Hash()}), blockExec, infra},
	}...)

	// Condition triggers.
	condTrigger := func(src attestation.ValueSource, op, lower, upper string, recurring bool, end int64) attestation.Trigger {
		return attestation.Trigger{Kind: attestation.TriggerCondition, Condition: &attestation.ConditionTrigger{
			Source: src, Operator: op, Lower: lower, Upper: upper, PollInterval: 10, Recurring: recurring, End: end,
		}}
	}
	countSrc := attestation.ValueSource{Kind: attestation.SourceContract, ChainID: f.chainID, Contract: f.addrs.Counter, Function: "count()(uint256)"}
	countAbove3 := condTrigger(countSrc, attestation.OpGreaterThan, "3", "", false, 0)
	read := func(n uint64, value string, epoch uint64) attestation.Firing {
		return attestation.Firing{ChainID: f.chainID, BlockNumber: n, BlockHash: f.header(n).Hash(), Epoch: epoch, Value: value}
	}
	cond := func(trig attestation.Trigger, fr attestation.Firing) attestation.Task {
		return newTask(t, trig, int64(f.header(fr.BlockNumber).Time), fr)
	}
	static := condTrigger(attestation.ValueSource{Kind: attestation.SourceStatic, Value: "10"}, attestation.OpGreaterThan, "3", "", false, 0)
	staticFiring := func(v string) attestation.Firing { return attestation.Firing{Epoch: 1, Value: v} }
	httpSrc := attestation.ValueSource{Kind: attestation.SourceHTTP, URL: "https://prices.example/eth", KeyPath: "data.price"}
	below100 := condTrigger(httpSrc, attestation.OpLessThan, "", "100", true, 0)
	wsBetween := condTrigger(attestation.ValueSource{Kind: attestation.SourceWebsocket, URL: "wss://prices.example/stream", KeyPath: "p"},
		attestation.OpBetween, "10", "20", true, 0)
	wsBetween.Condition.PollInterval = 0
	httpEnded := condTrigger(httpSrc, attestation.OpLessThan, "", "100", true, 1_700_000_000)
	unknownSrc := countSrc
	unknownSrc.ChainID = 999
	obs := int64(1_700_000_500)
	cases = append(cases, []checkCase{
		{"contract condition", cond(countAbove3, read(b1, "5", 1)), exec, ok},
		{"contract condition later read", cond(condTrigger(countSrc, attestation.OpBetween, "10", "12", true, 0), read(b3, "12", 4)), exec, ok},
		{"contract condition value in another notation", cond(countAbove3, read(b1, "0x5", 1)), exec, ok},
		{"contract value differs from the chain", cond(countAbove3, read(b1, "6", 1)), exec, "condition_value_mismatch"},
		{"contract value of another block", cond(countAbove3, read(b1, "12", 1)), exec, "condition_value_mismatch"},
		{"contract value before the rise", cond(countAbove3, read(b1-1, "5", 1)), exec, "condition_value_mismatch"},
		{"contract value not satisfying", cond(countAbove3, read(b1, "2", 1)), exec, "condition_not_satisfied"},
		{"contract value not a number", cond(countAbove3, read(b1, "five", 1)), exec, "condition_value_invalid"},
		{"contract block hash not canonical", newTask(t, countAbove3, 0, attestation.Firing{ChainID: f.chainID, BlockNumber: b1, BlockHash: junk, Epoch: 1, Value: "5"}), exec, "block_not_canonical"},
		{"contract read after end", cond(condTrigger(countSrc, attestation.OpGreaterThan, "3", "", false, int64(h1.Time)-1), read(b1, "5", 1)), exec, "trigger_ended"},
		{"contract read after the execution", cond(countAbove3, read(b1, "5", 1)), sameBlock, "executed_too_early"},
		{"contract second epoch of a one-shot trigger", cond(countAbove3, read(b1, "5", 2)), exec, "condition_wrong_epoch"},
		{"contract epoch 0", cond(countAbove3, read(b1, "5", 0)), exec, "condition_wrong_epoch"},
		{"contract firing on another chain", newTask(t, countAbove3, 0, attestation.Firing{ChainID: 999, BlockNumber: b1, BlockHash: h1.Hash(), Epoch: 1, Value: "5"}), exec, "firing_wrong_chain"},
		{"contract bad function", cond(condTrigger(attestation.ValueSource{Kind: attestation.SourceContract, ChainID: f.chainID, Contract: f.addrs.Counter, Function: "count()"}, attestation.OpGreaterThan, "3", "", false, 0), read(b1, "5", 1)), exec, "trigger_invalid"},
		{"contract block not reached", newTask(t, countAbove3, 0, attestation.Firing{ChainID: f.chainID, BlockNumber: head + 1, BlockHash: junk, Epoch: 1, Value: "5"}), exec, notYet},
		{"contract on an unknown chain", newTask(t, condTrigger(unknownSrc, attestation.OpGreaterThan, "3", "", false, 0), 0, attestation.Firing{ChainID: 999, BlockNumber: b1, BlockHash: h1.Hash(), Epoch: 1, Value: "5"}), exec, infra},
		{"condition bad limits", newTask(t, condTrigger(httpSrc, attestation.OpLessThan, "1", "100", true, 0), obs, staticFiring("5")), exec, "trigger_invalid"},
		{"static", newTask(t, static, obs, staticFiring("10")), exec, ok},
		{"static in exponent notation", newTask(t, static, obs, staticFiring("1e1")), exec, ok},
		{"static value differs", newTask(t, static, obs, staticFiring("11")), exec, "condition_value_mismatch"},
		{"static value not satisfying", newTask(t, condTrigger(attestation.ValueSource{Kind: attestation.SourceStatic, Value: "2"}, attestation.OpGreaterThan, "3", "", false, 0), obs, staticFiring("2")), exec, "condition_not_satisfied"},
		{"http", newTask(t, below100, obs, attestation.Firing{Epoch: 3, Value: "99.5"}), exec, ok},
		{"http not satisfying", newTask(t, below100, obs, attestation.Firing{Epoch: 3, Value: "100"}), exec, "condition_not_satisfied"},
		{"http observed after end", newTask(t, httpEnded, obs, attestation.Firing{Epoch: 3, Value: "99"}), exec, "trigger_ended"},
		{"websocket", newTask(t, wsBetween, obs, attestation.Firing{Epoch: 1, Value: "20"}), exec, ok},
		{"websocket not satisfying", newTask(t, wsBetween, obs, attestation.Firing{Epoch: 1, Value: "20.001"}), exec, "condition_not_satisfied"},
		{"condition wrong trigger key", withKey(newTask(t, static, obs, staticFiring("10")), junk), exec, "trigger_key_mismatch"},
	}...)
	runCases(t, c, cases)
}

// TestCheckReorg replaces the block of an event and of a block firing and
// checks both are rejected once the replacement is canonical.
func TestCheckReorg(t *testing.T) {
	f := newFixture(t)
	r := f.mine(f.counter.Increment(f.auth, big.NewInt(5)))
	n := r.BlockNumber.Uint64()
	old := f.header(n)
	eventTrig := attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{
		ChainID: f.chainID, Contract: f.addrs.Counter, Event: counterEvent, Confirmations: 1, Recurring: true,
	}}
	blockTrig := attestation.Trigger{Kind: attestation.TriggerBlock, Block: &attestation.BlockTrigger{ChainID: f.chainID, Every: 1}}
	eventTask := newTask(t, eventTrig, 0, attestation.Firing{ChainID: f.chainID, BlockNumber: n, BlockHash: old.Hash(), TxHash: r.TxHash, LogIndex: 0})
	blockTask := newTask(t, blockTrig, 0, attestation.Firing{ChainID: f.chainID, BlockNumber: n, BlockHash: old.Hash()})
	c := f.checker(nil)
	far := triggercheck.Execution{BlockTime: time.Unix(int64(old.Time), 0).Add(time.Hour)} // chain unknown: times compared

	require.ErrorIs(t, c.Check(t.Context(), eventTask, far), triggercheck.ErrNotYet, "no confirmation yet")
	require.NoError(t, c.Check(t.Context(), blockTask, far))
	f.commit()
	require.NoError(t, c.Check(t.Context(), eventTask, far))

	// Replace block n (and n+1) with a longer chain from its parent.
	require.NoError(t, f.sim.Fork(old.ParentHash))
	for range 4 {
		f.commit()
	}
	require.NotEqual(t, old.Hash(), f.header(n).Hash())
	for _, task := range []attestation.Task{eventTask, blockTask} {
		err := c.Check(t.Context(), task, far)
		require.Equal(t, "block_not_canonical", triggercheck.Reason(err), "%v", err)
	}
}

// rehashingChain reports receipts with a block hash of its own making, as
// nodes of chains whose headers go-ethereum does not rehash faithfully do,
// and serves headers by such hashes.
type rehashingChain struct {
	execution.Chain
	receiptHash common.Hash                 // the block hash receipts report
	headers     map[common.Hash]common.Hash // node's hash → header hash
}

func (c *rehashingChain) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	r, err := c.Chain.TransactionReceipt(ctx, h)
	if err != nil {
		return nil, err
	}
	cp := *r
	cp.BlockHash = c.receiptHash
	return &cp, nil
}

func (c *rehashingChain) HeaderByHash(ctx context.Context, h common.Hash) (*types.Header, error) {
	if real, ok := c.headers[h]; ok {
		h = real
	}
	return c.Chain.(interface {
		HeaderByHash(context.Context, common.Hash) (*types.Header, error)
	}).HeaderByHash(ctx, h)
}

// TestCheckNodeBlockHashes checks firings on a chain whose node reports
// block hashes that are not the headers' rehash: event firings name blocks
// by the node's hash, as logs and receipts carry it, block firings by the
// header's hash; each has one name for a block.
func TestCheckNodeBlockHashes(t *testing.T) {
	f := newFixture(t)
	r := f.mine(f.counter.Increment(f.auth, big.NewInt(5)))
	f.commit()
	n := r.BlockNumber.Uint64()
	h := f.header(n).Hash()
	prev := f.header(n - 1).Hash()
	eventTrig := attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{
		ChainID: f.chainID, Contract: f.addrs.Counter, Event: counterEvent, Recurring: true,
	}}
	blockTrig := attestation.Trigger{Kind: attestation.TriggerBlock, Block: &attestation.BlockTrigger{ChainID: f.chainID, Every: 1}}
	exec := f.execAfter()
	nodeHash := crypto.Keccak256Hash([]byte("l2"), h[:])
	prevNodeHash := crypto.Keccak256Hash([]byte("l2"), prev[:])
	l2 := &rehashingChain{Chain: f.client, receiptHash: nodeHash, headers: map[common.Hash]common.Hash{nodeHash: h, prevNodeHash: prev}}

	tests := []struct {
		name  string
		chain *rehashingChain
		trig  attestation.Trigger
		fired common.Hash // the firing's block hash
		want  string
	}{
		{"event names the node's hash", l2, eventTrig, nodeHash, ok},
		{"event names the header hash", l2, eventTrig, h, "block_not_canonical"},
		{"event names the node's hash of another block", l2, eventTrig, prevNodeHash, "block_not_canonical"},
		{"event names an unknown hash", l2, eventTrig, common.HexToHash("0x0bad"), "block_not_canonical"},
		{"block names the header hash", l2, blockTrig, h, ok},
		{"block names the node's hash", l2, blockTrig, nodeHash, "block_not_canonical"},
		{"receipt names a block the node does not have", &rehashingChain{Chain: f.client, receiptHash: common.HexToHash("0x0bad")}, eventTrig, h, notYet},
		{"receipt names another block", &rehashingChain{Chain: f.client, receiptHash: prev}, eventTrig, h, notYet},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fr := attestation.Firing{ChainID: f.chainID, BlockNumber: n, BlockHash: tc.fired}
			if tc.trig.Kind == attestation.TriggerEvent {
				fr.TxHash = r.TxHash
			}
			c := f.checker(func(context.Context, uint64) (execution.Chain, error) { return tc.chain, nil })
			runCases(t, c, []checkCase{{tc.name, newTask(t, tc.trig, 0, fr), exec, tc.want}})
		})
	}
}

// TestCheckConcurrent runs checks of one Checker from many goroutines.
func TestCheckConcurrent(t *testing.T) {
	f := newFixture(t)
	r := f.mine(f.counter.Increment(f.auth, big.NewInt(5)))
	f.commit()
	n := r.BlockNumber.Uint64()
	trig := attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{
		ChainID: f.chainID, Contract: f.addrs.Counter, Event: counterEvent, Recurring: true,
		Filters: []attestation.EventFilter{{Param: "by", Op: attestation.FilterEq, Value: "5"}},
	}}
	good := newTask(t, trig, 0, attestation.Firing{ChainID: f.chainID, BlockNumber: n, BlockHash: f.header(n).Hash(), TxHash: r.TxHash})
	bad := newTask(t, trig, 0, attestation.Firing{ChainID: f.chainID, BlockNumber: n, BlockHash: f.header(n).Hash(), TxHash: r.TxHash, LogIndex: 3})
	c := f.checker(nil)
	exec := f.execAfter()
	errs := make(chan error, 16)
	for i := range 16 {
		go func() {
			task := good
			if i%2 == 1 {
				task = bad
			}
			err := c.Check(t.Context(), task, exec)
			if i%2 == 1 {
				if triggercheck.Reason(err) != "event_log_not_found" {
					errs <- fmt.Errorf("want event_log_not_found, got %v", err)
					return
				}
				err = nil
			}
			errs <- err
		}()
	}
	for range 16 {
		require.NoError(t, <-errs)
	}
}
