package sandbox

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// On the Docker host the cgroup counters are read from the host's cgroup
// filesystem, without an exec, and say what the in-container probe says.
// Elsewhere (no engine) the test skips; CI (TRIGGERX_REQUIRE_DOCKER=1, root
// on the host) requires the host read to work.
func TestHostCgroupMatchesProbe(t *testing.T) {
	ctx := context.Background()
	s, err := New(ctx, Config{Runtimes: []Runtime{Python}, PoolSize: map[Runtime]int{Python: 0}})
	if err != nil {
		if os.Getenv("TRIGGERX_REQUIRE_DOCKER") == "1" {
			t.Fatal(err)
		}
		t.Skipf("no sandbox: %v", err)
	}
	defer s.Close()
	id, err := s.startContainer(ctx, Python, nil)
	require.NoError(t, err)
	defer s.remove(id)
	// Some memory and CPU to count.
	_, err = s.execSimple(ctx, id, []string{"/usr/bin/python3", "-c", "b = bytearray(8 << 20); sum(range(10**6))"}, io.Discard, io.Discard)
	require.NoError(t, err)

	host, ok := s.hostCgroup(ctx, id, 0)
	if !ok {
		if os.Getenv("TRIGGERX_REQUIRE_DOCKER") == "1" && os.Geteuid() == 0 {
			t.Fatal("the container's cgroup is not readable from the host")
		}
		t.Skip("this process does not share the engine's cgroup filesystem")
	}
	var out bytes.Buffer
	_, err = s.execSimple(ctx, id, probeCmd, &out, io.Discard)
	require.NoError(t, err)
	fromHost, inside := parseProbe(host), parseProbe(out.Bytes())
	require.GreaterOrEqual(t, fromHost.peakMemory, int64(8<<20), "the 8 MiB buffer:\n%s", host)
	require.Positive(t, fromHost.cpu)
	require.Equal(t, inside.oomKills, fromHost.oomKills)
	require.Equal(t, inside.pidsMax, fromHost.pidsMax)
	// The probe ran after the host read, in the same cgroup: it can only
	// add to the counters.
	require.GreaterOrEqual(t, inside.peakMemory, fromHost.peakMemory)
	require.GreaterOrEqual(t, inside.cpu, fromHost.cpu)
}
