package node_test

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution/netproxy"
	"github.com/triggerx-network/triggerx/node"
)

// requireEgress skips a test that needs a keeper egress network (Docker,
// root and iptables), unless TRIGGERX_REQUIRE_DOCKER=1 (CI), when it fails
// instead.
func requireEgress(t *testing.T) {
	t.Helper()
	requireDocker(t)
	_, err := exec.LookPath("iptables")
	if os.Geteuid() != 0 || err != nil {
		if os.Getenv("TRIGGERX_REQUIRE_DOCKER") == "1" {
			t.Fatalf("script networks need root and iptables (uid %d, iptables: %v)", os.Geteuid(), err)
		}
		t.Skip("script networks need root and iptables")
	}
}

// priceAPI is an upstream the scripts may reach: /price answers a price
// that moves by 0.1% per request.
func priceAPI(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var calls atomic.Int64
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/price" {
			http.NotFound(w, r)
			return
		}
		n := calls.Add(1)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"symbol":"ETH","price":%d}`, 2000_000+n*2000) // moves by ~0.1% per call
	}))
	s.Listener = ln
	s.Start()
	t.Cleanup(s.Close)
	return s, &calls
}

// startNetNetwork starts 4 keepers that each own a script network.
func startNetNetwork(t *testing.T, adjust func(*node.KeeperConfig)) *network {
	var i atomic.Int32
	return startNetworkWith(t, 4, func(c *node.KeeperConfig) {
		c.ScriptNetwork = fmt.Sprintf("triggerx-test-%d-%d", os.Getpid()%100000, i.Add(1))
		c.ScriptSpotSample = 1 // every attester re-fetches every response
		if adjust != nil {
			adjust(c)
		}
	})
}

// netScriptJob registers a time job whose Python script reads a price from
// api through the keeper's proxy and increments the counter by price/1000.
func (n *network) netScriptJob(api *httptest.Server) string {
	n.t.Helper()
	host := strings.TrimPrefix(api.URL, "http://")
	cid := n.uploadScript(fmt.Sprintf(`import json, urllib.request
with urllib.request.urlopen("http://%s/price", timeout=5) as r:
    price = json.load(r)["price"]
print(json.dumps({"arguments": [str(price // 1000)]}))
`, host))
	script := &attestation.Script{CID: cid, Runtime: attestation.RuntimePython, AllowedHosts: []string{host},
		TolerancePaths: []string{"price"}, RelativeTolerance: "0.05"}
	action := attestation.Action{ChainID: n.chainID.Uint64(), Target: n.addrs.Counter, Function: "increment(uint256)", Script: script}
	trigger := attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: 3}}
	return n.registerJob(attestation.TimeScript, action, trigger, map[string]any{
		"schedule_type": "interval", "time_interval": 3, "script_cid": cid, "script_language": "py", "arguments": []string{},
		"allowed_hosts": []string{host}, "tolerance_paths": []string{"price"}, "relative_tolerance": 0.05,
	})
}

// A script that reads a price over the network: the performer's run goes
// through its recording proxy, attesters replay the transcript and re-fetch
// the price live, which has moved, but within the job's 5% tolerance.
func TestNetworkScriptJobEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	requireEgress(t)
	api, calls := priceAPI(t)
	n := startNetNetwork(t, nil)
	jobID := n.netScriptJob(api)
	done := n.waitCompleted(jobID, 2)
	n.checkFinalized(done)
	for _, tk := range done {
		run := tk.ScriptRun
		require.NotNil(t, run)
		require.NotEmpty(t, run.Transcript, "task %s names its transcript", tk.TaskID)
		require.NotZero(t, run.TranscriptHash)
		require.EqualValues(t, 1, run.Resources.NetRequests)
		require.NotZero(t, run.Resources.NetBytes)

		// The coordinator keeps the transcript and serves it.
		var body []byte
		require.Eventually(t, func() bool {
			var code int
			code, body = n.api(http.MethodGet, "/api/tasks/"+tk.TaskID+"/transcript", nil)
			return code == http.StatusOK
		}, 10*time.Second, 200*time.Millisecond, "transcript of task %s", tk.TaskID)
		require.Equal(t, run.TranscriptHash, crypto.Keccak256Hash(body))
		tr, err := netproxy.DecodeTranscript(body)
		require.NoError(t, err)
		require.Len(t, tr.Exchanges, 1)
		require.Equal(t, api.URL+"/price", tr.Exchanges[0].URL)
		require.EqualValues(t, len(tr.Exchanges[0].Body), run.Resources.NetBytes)
	}
	code, _ := n.api(http.MethodGet, "/api/tasks/0x"+strings.Repeat("ab", 32)+"/transcript", nil)
	require.Equal(t, http.StatusNotFound, code)
	// Each task: the performer's fetch and at least the quorum's spot
	// checks; replays never reach the API.
	require.GreaterOrEqual(t, calls.Load(), int64(2*3))
	count, err := n.c.Counter.Count(&bind.CallOpts{})
	require.NoError(t, err)
	require.GreaterOrEqual(t, count.Int64(), int64(2*2000))
}

// A performer that invents the price its script sees (its proxy fetches from
// a fake upstream) produces a consistent transcript and output, but the
// attesters' live spot checks find the real price 100 times lower and
// reject its tasks.
func TestNetworkScriptInventedResponseIsRejected(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	requireEgress(t)
	api, _ := priceAPI(t)
	fake := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
			Body: io.NopCloser(bytes.NewReader([]byte(`{"symbol":"ETH","price":200000000}`))), Request: r}, nil
	})}
	n := startNetNetwork(t, func(c *node.KeeperConfig) { c.Test.ScriptUpstream = fake })
	n.waitRejected(n.netScriptJob(api))
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
