package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func testLayout(t *testing.T) layout {
	dir := t.TempDir()
	return layout{root: dir, dir: filepath.Join(dir, ".localnet")}
}

func TestStartAndStop(t *testing.T) {
	sh, err := exec.LookPath("sh")
	require.NoError(t, err)
	l := testLayout(t)
	stopGrace = 500 * time.Millisecond
	t.Cleanup(func() { stopGrace = 10 * time.Second })

	polite := &process{name: "polite", bin: sh, args: []string{"-c", "echo hello; sleep 60"}}
	stubborn := &process{name: "stubborn", bin: sh, args: []string{"-c", "trap '' TERM; echo ready; while :; do sleep 1; done"}}
	require.NoError(t, start(l, polite))
	require.NoError(t, start(l, stubborn))

	live, err := running(l)
	require.NoError(t, err)
	require.Len(t, live, 2)
	for name, want := range map[string]string{"stubborn": "ready\n", "polite": "hello\n"} {
		require.Eventually(t, func() bool {
			b, _ := os.ReadFile(l.logFile(name))
			return string(b) == want
		}, 5*time.Second, 20*time.Millisecond, "%s started", name)
	}

	require.NoError(t, stopAll(l, true))
	for _, p := range []*process{polite, stubborn} {
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s still runs", p.name)
		}
	}
	live, err = running(l)
	require.NoError(t, err)
	require.Empty(t, live)
	b, err := os.ReadFile(l.logFile("polite"))
	require.NoError(t, err)
	require.Equal(t, "hello\n", string(b))
}

// A pid file whose pid now belongs to another program is not ours to kill.
func TestAliveChecksBinary(t *testing.T) {
	if !procExists() {
		t.Skip("no /proc")
	}
	self := pidEntry{name: "self", pid: os.Getpid(), bin: os.Args[0]}
	require.True(t, self.alive())
	self.bin = "/not/the/binary"
	require.False(t, self.alive())
	require.False(t, pidEntry{pid: 1 << 22}.alive())
}

func TestCheckPortsFree(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	err = checkPortsFree(map[string]int{"taken": port})
	require.ErrorContains(t, err, fmt.Sprintf("%d (taken)", port))
	ln.Close()
	require.NoError(t, checkPortsFree(map[string]int{"free": port}))
}
