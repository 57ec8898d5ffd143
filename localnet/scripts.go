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

// The example script jobs: one computes the arguments of Counter.increment
// (task definition 2), one decides the whole call (7).
const (
	argsScript = `const c = JSON.parse(require('fs').readFileSync(0, 'utf8'));
// Arguments of increment(uint256): 1 on even blocks, 2 on odd ones.
console.log(JSON.stringify({arguments: [String(c.block_number % 2 + 1)]}));
`
	customScriptFmt = `import json, sys
ctx = json.load(sys.stdin)
# Call Counter.increment(3) on every third firing, otherwise decline.
if ctx["timestamp"] %% 3 == 0:
    print(json.dumps({"shouldExecute": True, "target": "%s", "calldata": "0x7cf5dab0" + format(3, "064x")}))
else:
    print(json.dumps({"shouldExecute": False}))
`
	scriptJobInterval = 15
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
	trigger := attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{
		Schedule: attestation.ScheduleInterval, Interval: scriptJobInterval}}
	jobs := []struct {
		tdid   attestation.TaskDefinitionID
		src    string
		lang   string
		action func(cid string) attestation.Action
		title  string
	}{
		{attestation.TimeScript, argsScript, "js", func(cid string) attestation.Action {
			return attestation.Action{ChainID: n.ChainID, Target: n.Contracts.Counter, Function: "increment(uint256)",
				Script: &attestation.Script{CID: cid, Runtime: attestation.RuntimeNode}}
		}, "localnet script arguments"},
		{attestation.CustomScript, fmt.Sprintf(customScriptFmt, n.Contracts.Counter.Hex()), "py", func(cid string) attestation.Action {
			return attestation.Action{ChainID: n.ChainID, Script: &attestation.Script{CID: cid, Runtime: attestation.RuntimePython}}
		}, "localnet custom script"},
	}
	var ids []uint64
	for _, j := range jobs {
		cid, err := api.uploadScript(ctx, j.src)
		if err != nil {
			return nil, err
		}
		action := j.action(cid)
		id, err := createJob(ctx, c, user, n.Contracts, j.tdid, action, trigger)
		if err != nil {
			return nil, err
		}
		req := jobRequest{
			JobID: fmt.Sprint(id), UserAddress: n.Accounts["user"].Address.Hex(), JobTitle: j.title,
			TaskDefinitionID: int(j.tdid), ScheduleType: "interval", TimeInterval: scriptJobInterval, TimeFrame: jobTimeFrame,
			TargetChainID: fmt.Sprint(n.ChainID), TargetFunction: action.Function, Arguments: []string{},
			ScriptCID: cid, ScriptLanguage: j.lang,
		}
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
