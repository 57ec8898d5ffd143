package node

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator"
	"github.com/triggerx-network/triggerx/coordinator/chainwatch"
	"github.com/triggerx-network/triggerx/coordinator/conditions"
	"github.com/triggerx-network/triggerx/coordinator/schedule"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/condition"
	"github.com/triggerx-network/triggerx/execution/events"
)

// conditionWorkers bounds the condition evaluations running at once.
const conditionWorkers = 32

// watchTriggers assembles the coordinator's trigger watching: a chain
// watcher per chain, the condition scheduler and the router that feeds
// their firings to firings. It adds their loops to p's lifecycle and loads
// the active jobs of store when the coordinator starts.
func watchTriggers(ctx context.Context, p *process, store coordinator.Store, firings *coordinator.Firings, poll time.Duration,
	reg prometheus.Registerer,
) (*coordinator.TriggerRouter, error) {
	watchers := map[uint64]*chainwatch.Watcher{}
	for _, id := range p.chains.IDs() {
		client, err := p.chains.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		w, err := chainwatch.New(chainwatch.Config{
			ChainID: id, Client: client, Checkpoints: coordinator.StoreCheckpoints{Store: store},
			PollInterval: poll, Logger: p.log, Registerer: reg,
		})
		if err != nil {
			return nil, fmt.Errorf("watch chain %d: %w", id, err)
		}
		watchers[id] = w
		p.l.background(fmt.Sprintf("chain %d watcher", id), w.Run)
	}
	conds, err := conditions.New(conditions.Config{
		Workers: conditionWorkers,
		Sources: func(src attestation.ValueSource) (condition.Source, error) {
			return condition.NewSource(src, condition.Deps{
				Chains: func(id uint64) (execution.Chain, error) { return p.chains.Get(context.Background(), id) },
				HTTP:   &http.Client{Timeout: 10 * time.Second}, Logger: p.log,
			})
		},
		Fire:   firings.Fire,
		States: coordinator.StoreConditionStates{Store: store},
		Logger: p.log, Registerer: reg,
	})
	if err != nil {
		return nil, err
	}
	p.l.background("condition scheduler", conds.Run)
	router := coordinator.NewTriggerRouter(func(id uint64) (*chainwatch.Watcher, error) {
		w, ok := watchers[id]
		if !ok {
			return nil, fmt.Errorf("%w %d", ErrUnknownChain, id)
		}
		return w, nil
	}, conds, firings, p.log)
	p.l.onStartStop("trigger router", func(ctx context.Context) error { return router.Load(ctx, store) }, nil)
	return router, nil
}

// triggerChecker validates a job's trigger in depth for the REST API: the
// schedule parses, the event signature and filters compile, the condition's
// operator and limits agree, the value source is well formed, and every
// chain it names is one this coordinator watches.
func triggerChecker(chains *chainSet) func(attestation.Trigger) error {
	known := func(id uint64) error {
		if !slices.Contains(chains.IDs(), id) {
			return fmt.Errorf("chain %d is not watched by this coordinator (configure --chain-rpc %d=URL)", id, id)
		}
		return nil
	}
	return func(t attestation.Trigger) error {
		switch t.Kind {
		case attestation.TriggerTime:
			_, err := schedule.Parse(*t.Time)
			return err
		case attestation.TriggerBlock:
			return known(t.Block.ChainID)
		case attestation.TriggerEvent:
			if err := known(t.Event.ChainID); err != nil {
				return err
			}
			ev, err := events.ParseEvent(t.Event.Event)
			if err != nil {
				return err
			}
			_, err = events.Compile(ev, t.Event.Filters)
			return err
		case attestation.TriggerCondition:
			c := t.Condition
			if _, err := condition.NewCondition(c.Operator, c.Lower, c.Upper); err != nil {
				return err
			}
			switch src := c.Source; src.Kind {
			case attestation.SourceStatic:
				_, err := condition.NewStaticSource(src.Value)
				return err
			case attestation.SourceContract:
				if err := known(src.ChainID); err != nil {
					return err
				}
				chain, err := chains.Get(context.Background(), src.ChainID)
				if err != nil {
					return err
				}
				_, err = condition.NewContractSource(src, chain)
				return err
			case attestation.SourceHTTP, attestation.SourceWebsocket:
				u, err := url.Parse(src.URL)
				schemes := []string{"http", "https"}
				if src.Kind == attestation.SourceWebsocket {
					schemes = []string{"ws", "wss"}
				}
				if err != nil || !slices.Contains(schemes, u.Scheme) || u.Host == "" {
					return fmt.Errorf("value source URL must be an absolute %s URL", schemes[0])
				}
			}
		}
		return nil
	}
}
