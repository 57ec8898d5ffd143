// Package sdk is the Go client of the TriggerX coordinator's REST API
// (/api/v1, described by the coordinator's openapi.json): jobs, tasks,
// keepers, API keys, scripts, the live task event stream, and CreateJob,
// which commits a job on-chain in the JobRegistry and registers it.
//
// The package defines its own request and response types, with the JSON
// field names of the API, rather than importing the coordinator's: an
// application that talks to a coordinator then builds neither the server
// (gin, badger, Redis, CQL) nor the BLS libraries. Its only dependencies are
// the standard library and go-ethereum (addresses, hashes, and the
// JobRegistry binding CreateJob uses). Fields that are nested documents on
// the server (a job's trigger and script, a task's firing and script run)
// are kept as raw JSON.
//
// Every error answer of the API is returned as an *Error carrying the RFC
// 9457 problem: branch on it with errors.As.
//
// A Client is safe for concurrent use. WatchTasks and the Jobs iterator run
// on the goroutine that ranges over them.
//
// Example: create a job on-chain, register it and follow its tasks.
//
//	c := sdk.NewClient("http://127.0.0.1:9002", os.Getenv("TRIGGERX_API_KEY"))
//	eth, _ := ethclient.DialContext(ctx, rpcURL)
//	job, err := c.CreateJob(ctx, sdk.JobRequest{
//		UserAddress:           owner.Hex(),
//		JobTitle:              "Increment the counter",
//		TaskDefinitionID:      1,
//		TargetChainID:         8453,
//		TargetContractAddress: counter.Hex(),
//		TargetFunction:        "increment(uint256)",
//		Arguments:             []string{"1"},
//		Fields:                map[string]any{"schedule_type": "interval", "time_interval": 60},
//	}, sdk.ChainOpts{Backend: eth, Key: ownerKey})
//	var pe *sdk.Error
//	if errors.As(err, &pe) && pe.Field != "" {
//		log.Fatalf("field %s: %s", pe.Field, pe.Detail)
//	}
//	for ev, err := range c.WatchTasks(ctx, sdk.WatchOptions{JobID: job.JobID}) {
//		if err != nil {
//			log.Print(err) // reconnecting; a permanent error ends the loop
//			continue
//		}
//		fmt.Println(ev.Task.TaskID, ev.Task.TaskStatus)
//	}
package sdk
