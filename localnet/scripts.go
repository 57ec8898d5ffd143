package main

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/triggerx-network/triggerx/attestation"
)

// The example script jobs, one of each kind and in every runtime: a time job
// whose JavaScript computes the arguments of Counter.increment (task
// definition 2), an event job whose TypeScript computes them from the event
// (4), a one-time condition job whose Go program computes them from the
// observed value (6), and a time job whose Python decides the whole call (7).
const (
	argsScript = `const c = JSON.parse(require('fs').readFileSync(0, 'utf8'));
// Arguments of increment(uint256): 1 on even blocks, 2 on odd ones.
console.log(JSON.stringify({arguments: [String(c.block_number % 2 + 1)]}));
`
	customScriptFmt = `import json, sys
ctx = json.load(sys.stdin)
# Call Counter.increment(3) when the pinned block's number is a multiple of
# three (about one firing in three), otherwise decline. (The slot time would
# not do: every slot of a 15 s grid has the same remainder.)
if ctx["block_number"] %% 3 == 0:
    print(json.dumps({"shouldExecute": True, "target": "%s", "calldata": "0x7cf5dab0" + format(3, "064x")}))
else:
    print(json.dumps({"shouldExecute": False}))
`
	eventScript = `const c = JSON.parse(require("fs").readFileSync(0, "utf8"));
// Fired by each Incremented(by = 2) event: add 5.
const args: string[] = [c.trigger.kind === "event" ? "5" : "0"];
console.log(JSON.stringify({ arguments: args }));
`
	conditionScript = `package main

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
)

// Fired once when the counter passes conditionLimit: add the observed value mod 7, plus 1.
func main() {
	var c struct {
		Trigger struct {
			ConditionValue string ` + "`json:\"condition_value\"`" + `
		} ` + "`json:\"trigger\"`" + `
	}
	if err := json.NewDecoder(os.Stdin).Decode(&c); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	v, ok := new(big.Int).SetString(c.Trigger.ConditionValue, 10)
	if !ok {
		fmt.Fprintln(os.Stderr, "bad condition value")
		os.Exit(1)
	}
	n := new(big.Int).Mod(v, big.NewInt(7)).Int64() + 1
	out, _ := json.Marshal(map[string]any{"arguments": []string{fmt.Sprint(n)}})
	fmt.Println(string(out))
}
`
	scriptJobInterval = 15
	conditionLimit    = "20" // the condition-script job fires once the counter passes this
	incrementedEvent  = "Incremented(address caller, uint256 by, uint256 newCount)"
)

// prepareScripts builds the script sandbox's runtime images when a Docker
// engine is reachable, so keepers can run job scripts. It reports why not
// otherwise; the network then runs without script jobs.
func prepareScripts(ctx context.Context, l layout) error {
	if err := exec.CommandContext(ctx, "docker", "info").Run(); err != nil {
		return fmt.Errorf("no Docker engine reachable (start dockerd to include script jobs)")
	}
	if err := os.MkdirAll(filepath.Dir(l.logFile("runtime-images")), 0o755); err != nil {
		return err
	}
	log, err := os.Create(l.logFile("runtime-images"))
	if err != nil {
		return err
	}
	defer log.Close()
	cmd := exec.CommandContext(ctx, "bash", "scripts/runtime-images.sh")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build runtime images (see %s): %w", l.rel(l.logFile("runtime-images")), err)
	}
	return nil
}

// createScriptJobs uploads the example scripts and creates their jobs
// on-chain and in the coordinator, returning their ids.
func createScriptJobs(ctx context.Context, c *chain, n *network, api *apiClient, user *ecdsa.PrivateKey) ([]uint64, error) {
	every := attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{
		Schedule: attestation.ScheduleInterval, Interval: scriptJobInterval}}
	timeFields := func(r *jobRequest) {
		r.ScheduleType, r.TimeInterval, r.TimeFrame = "interval", scriptJobInterval, jobTimeFrame
	}
	counter, chainID := n.Contracts.Counter, fmt.Sprint(n.ChainID)
	increment := func(cid, runtime string) attestation.Action {
		return attestation.Action{ChainID: n.ChainID, Target: counter, Function: "increment(uint256)",
			Script: &attestation.Script{CID: cid, Runtime: runtime}}
	}
	// The event job listens to increments by 2 (the JavaScript job's, on
	// odd blocks) and adds 5, so its own executions never trigger it.
	onIncrement := attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{
		ChainID: n.ChainID, Contract: counter, Event: incrementedEvent,
		Filters: []attestation.EventFilter{{Param: "by", Op: attestation.FilterEq, Value: "2"}}, Recurring: true,
	}}
	passes := attestation.Trigger{Kind: attestation.TriggerCondition, Condition: &attestation.ConditionTrigger{
		Source:   attestation.ValueSource{Kind: attestation.SourceContract, ChainID: n.ChainID, Contract: counter, Function: "count()(uint256)"},
		Operator: attestation.OpGreaterThan, Lower: conditionLimit, PollInterval: 2,
	}}
	jobs := []struct {
		tdid    attestation.TaskDefinitionID
		src     string
		lang    string
		action  func(cid string) attestation.Action
		trigger attestation.Trigger
		fields  func(*jobRequest)
		title   string
	}{
		{attestation.TimeScript, argsScript, "js", func(cid string) attestation.Action {
			return increment(cid, attestation.RuntimeNode)
		}, every, timeFields, "localnet script arguments"},
		{attestation.EventScript, eventScript, "ts", func(cid string) attestation.Action {
			return increment(cid, attestation.RuntimeTypeScript)
		}, onIncrement, func(r *jobRequest) {
			r.TriggerChainID, r.TriggerContractAddress, r.TriggerEvent = chainID, counter.Hex(), incrementedEvent
			r.EventFilters, r.Recurring = []map[string]string{{"param": "by", "op": "eq", "value": "2"}}, true
		}, "localnet event script"},
		{attestation.ConditionScript, conditionScript, "go", func(cid string) attestation.Action {
			return increment(cid, attestation.RuntimeGo)
		}, passes, func(r *jobRequest) {
			r.ConditionType, r.LowerLimit, r.ValueSourceType = "greater_than", conditionLimit, "contract"
			r.ValueSourceChainID, r.ValueSourceContract, r.ValueSourceFunction, r.PollInterval = chainID, counter.Hex(), "count()(uint256)", 2
		}, "localnet condition script"},
		{attestation.CustomScript, fmt.Sprintf(customScriptFmt, counter.Hex()), "py", func(cid string) attestation.Action {
			return attestation.Action{ChainID: n.ChainID, Script: &attestation.Script{CID: cid, Runtime: attestation.RuntimePython}}
		}, every, timeFields, "localnet custom script"},
	}
	var ids []uint64
	for _, j := range jobs {
		cid, err := api.uploadScript(ctx, j.src)
		if err != nil {
			return nil, err
		}
		action := j.action(cid)
		id, err := createJob(ctx, c, user, n.Contracts, j.tdid, action, j.trigger)
		if err != nil {
			return nil, err
		}
		req := jobRequest{
			JobID: fmt.Sprint(id), UserAddress: n.Accounts["user"].Address.Hex(), JobTitle: j.title,
			TaskDefinitionID: int(j.tdid), TargetChainID: chainID, TargetFunction: action.Function, Arguments: []string{},
			ScriptCID: cid, ScriptLanguage: j.lang,
		}
		j.fields(&req)
		if action.Target != ([20]byte{}) {
			req.TargetContractAddress = action.Target.Hex()
		}
		if err := api.registerJob(ctx, req); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}
