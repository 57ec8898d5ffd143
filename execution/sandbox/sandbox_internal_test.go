package sandbox

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/network"
	"github.com/stretchr/testify/require"
)

func TestContainerSpecHardening(t *testing.T) {
	for _, rt := range Runtimes {
		for _, na := range []*NetworkAccess{nil, {Network: "egress", ProxyURL: "http://10.9.0.1:3128"}} {
			t.Run(fmt.Sprintf("%s/network=%v", rt, na != nil), func(t *testing.T) {
				l := DefaultLimits
				cfg, hc := containerSpec(rt, "img", l, na)
				require.False(t, hc.Privileged)
				require.True(t, hc.ReadonlyRootfs)
				require.Equal(t, []string{"ALL"}, []string(hc.CapDrop))
				require.Contains(t, hc.SecurityOpt, "no-new-privileges:true")
				require.Empty(t, hc.Binds)
				require.Empty(t, hc.Mounts)
				require.Empty(t, hc.CapAdd)
				require.Empty(t, hc.Devices)
				require.Equal(t, l.Memory, hc.Memory)
				require.Equal(t, hc.Memory, hc.MemorySwap)
				require.Equal(t, l.NanoCPUs, hc.NanoCPUs)
				require.Equal(t, l.Pids, *hc.PidsLimit)
				require.Equal(t, "65534:65534", cfg.User)
				require.Contains(t, hc.Tmpfs["/tmp"], fmt.Sprintf("size=%d", l.TmpfsSize))
				require.Contains(t, hc.Tmpfs["/script"], "noexec")
				if rt != Go {
					require.Contains(t, hc.Tmpfs["/tmp"], "noexec")
				}
				if na == nil {
					require.Equal(t, container.NetworkMode("none"), hc.NetworkMode)
					require.True(t, cfg.NetworkDisabled)
				} else {
					require.Equal(t, container.NetworkMode("egress"), hc.NetworkMode)
					require.Contains(t, cfg.Env, "HTTPS_PROXY=http://10.9.0.1:3128")
					require.Contains(t, cfg.Env, "TRIGGERX_PROXY=http://10.9.0.1:3128")
					// No working upstream for the embedded resolver (CVE-2024-29018).
					require.Equal(t, []string{"192.0.2.1"}, hc.DNS)
					require.NotNil(t, hc.DNSSearch)
					require.Empty(t, hc.DNSSearch)
					require.NotNil(t, hc.DNSOptions)
					require.Empty(t, hc.DNSOptions)
				}
			})
		}
	}
}

func TestNetworkAddr(t *testing.T) {
	const id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	in := container.InspectResponse{NetworkSettings: &container.NetworkSettings{Networks: map[string]*network.EndpointSettings{
		"other":  {NetworkID: "ffff", IPAddress: "10.1.0.2"},
		"egress": {NetworkID: id, IPAddress: "172.30.0.5"},
		"nil":    nil,
		"noip":   {NetworkID: "eeee"},
	}}}
	tests := []struct {
		nw      string
		want    string
		wantErr bool
	}{
		{"egress", "172.30.0.5", false},
		{id, "172.30.0.5", false},
		{id[:12], "172.30.0.5", false},
		{id[:4], "", true}, // too short a prefix
		{"noip", "", true},
		{"nil", "", true},
		{"absent", "", true},
	}
	for _, tt := range tests {
		ip, err := networkAddr(in, tt.nw)
		if tt.wantErr {
			require.Error(t, err, tt.nw)
			continue
		}
		require.NoError(t, err, tt.nw)
		require.Equal(t, tt.want, ip.String())
	}
	_, err := networkAddr(container.InspectResponse{}, "egress")
	require.Error(t, err)
}

func TestReason(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{fmt.Errorf("run: %w", ErrTimeout), "timeout"},
		{fmt.Errorf("run: %w", ErrMemoryLimit), "memory_limit"},
		{fmt.Errorf("run: %w", ErrPidsLimit), "pids_limit"},
		{fmt.Errorf("run: %w", ErrOutputLimit), "output_limit"},
		{fmt.Errorf("run: %w", ErrNonzeroExit), "nonzero_exit"},
		{fmt.Errorf("create: %w: %w", ErrSandboxUnavailable, errors.New("conn refused")), "sandbox_unavailable"},
		{ErrImageMissing, "image_missing"},
		{ErrUnknownRuntime, "unknown_runtime"},
		{ErrScriptTooLarge, "script_too_large"},
		{ErrClosed, "sandbox_closed"},
		{context.Canceled, "canceled"},
		{errors.New("boom"), "unknown"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, Reason(tt.err), "%v", tt.err)
	}
}

// TestReasonsDocumented keeps reasons.md in step with the catalogue.
func TestReasonsDocumented(t *testing.T) {
	doc := readFile(t, "reasons.md")
	for _, r := range reasons {
		require.Contains(t, doc, "`"+r.reason+"`")
	}
}

func TestParseProbe(t *testing.T) {
	v1 := "==> /sys/fs/cgroup/memory/memory.max_usage_in_bytes <==\n3825664\n" +
		"==> /sys/fs/cgroup/memory/memory.oom_control <==\noom_kill_disable 0\nunder_oom 0\noom_kill 2\n" +
		"\n==> /sys/fs/cgroup/pids/pids.events <==\nmax 7\n\n" +
		"==> /sys/fs/cgroup/cpuacct/cpuacct.usage <==\n1500000000\n"
	require.Equal(t, cgroupStats{peakMemory: 3825664, oomKills: 2, pidsMax: 7, cpu: 1500 * time.Millisecond}, parseProbe([]byte(v1)))
	v2 := "==> /sys/fs/cgroup/memory.peak <==\n1048576\n" +
		"==> /sys/fs/cgroup/memory.events <==\nlow 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n" +
		"==> /sys/fs/cgroup/pids.events <==\nmax 0\n" +
		"==> /sys/fs/cgroup/cpu.stat <==\nusage_usec 2500\nuser_usec 2000\n"
	require.Equal(t, cgroupStats{peakMemory: 1048576, oomKills: 1, cpu: 2500 * time.Microsecond}, parseProbe([]byte(v2)))
}

func TestCapWriter(t *testing.T) {
	hits := 0
	w := &capWriter{max: 10, onLimit: func() { hits++ }}
	_, _ = w.Write([]byte("12345"))
	require.Zero(t, hits)
	_, _ = w.Write([]byte("678901234"))
	_, _ = w.Write([]byte("more"))
	require.Equal(t, "1234567890", w.buf.String())
	require.Equal(t, int64(18), w.n)
	require.True(t, w.truncated)
	require.Equal(t, 1, hits)
}

func TestLimitsDefaults(t *testing.T) {
	l := Limits{Memory: 1 << 20}.withDefaults(DefaultLimits)
	require.Equal(t, int64(1<<20), l.Memory)
	require.Equal(t, DefaultLimits.Timeout, l.Timeout)
	require.True(t, strings.HasPrefix(launcher, "/opt/"))
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}
