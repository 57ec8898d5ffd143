// Package leasetest starts real redis-server processes for tests, with
// Kill and Restart for fault tests.
//
// A Server belongs to one test: its methods are called from that test's
// goroutine, except Addr and Client, which are safe for concurrent use.
package leasetest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"
)

// RequireEnv names the environment variable that, set to 1, makes StartRedis
// fail the test instead of skipping it when redis-server is not on PATH
// (set it in CI).
const RequireEnv = "TRIGGERX_REQUIRE_REDIS"

// startTimeout bounds the wait for a started server to answer PING.
const startTimeout = 10 * time.Second

// Server is a redis-server process on a loopback port, without persistence
// (--save "" --appendonly no): a Restart starts it empty.
type Server struct {
	t    testing.TB
	path string
	dir  string
	addr string

	mu     sync.Mutex
	cmd    *exec.Cmd
	exited chan struct{} // closed when cmd has exited
}

// StartRedis starts redis-server on a free 127.0.0.1 port and stops it when
// the test ends. Without redis-server on PATH it skips the test, or fails it
// when RequireEnv is 1.
func StartRedis(t testing.TB) *Server {
	t.Helper()
	path, err := exec.LookPath("redis-server")
	if err != nil {
		msg := "redis-server not on PATH (apt-get install redis-server, or run scripts/redis-test.sh)"
		if os.Getenv(RequireEnv) == "1" {
			t.Fatalf("%s, and %s=1", msg, RequireEnv)
		}
		t.Skipf("%s; set %s=1 to fail instead of skipping", msg, RequireEnv)
	}
	s := &Server{t: t, path: path, dir: t.TempDir()}
	t.Cleanup(s.Kill)
	var lastErr error
	for range 3 { // another process may take the free port before redis-server binds it
		port, err := freePort()
		if err != nil {
			t.Fatalf("find a free port: %v", err)
		}
		s.addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		if lastErr = s.start(); lastErr == nil {
			return s
		}
		s.Kill()
	}
	t.Fatalf("start redis-server: %v", lastErr)
	return nil
}

// Addr is the server's host:port.
func (s *Server) Addr() string { return s.addr }

// Client returns a new client of the server with short timeouts, closed
// when the test ends (before the server stops).
func (s *Server) Client() *redis.Client {
	c := redis.NewClient(s.Options())
	s.t.Cleanup(func() { _ = c.Close() })
	return c
}

// Options are the options Client uses: short dial, read and write timeouts
// so that tests of an unreachable server run fast, no client identity and
// no maintenance notifications (plain redis-server).
func (s *Server) Options() *redis.Options {
	return &redis.Options{
		Addr:         s.addr,
		DialTimeout:  500 * time.Millisecond,
		ReadTimeout:  500 * time.Millisecond,
		WriteTimeout: 500 * time.Millisecond,
		MaxRetries:   1,
		// A dead server fails calls quickly.
		DialerRetries:      2,
		DialerRetryTimeout: 20 * time.Millisecond,
		DisableIdentity:    true,
		MaintNotificationsConfig: &maintnotifications.Config{
			Mode: maintnotifications.ModeDisabled,
		},
	}
}

// Kill stops the server with SIGKILL, as a crash would, and waits for it to
// exit. Killing a stopped server does nothing.
func (s *Server) Kill() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	<-s.exited
	s.cmd = nil
}

// Restart kills the server if it runs and starts it again, empty, on the
// same address.
func (s *Server) Restart() {
	s.t.Helper()
	s.Kill()
	var err error
	for range 50 { // the port may still be held briefly by the old process
		if err = s.start(); err == nil {
			return
		}
		s.Kill()
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("restart redis-server: %v", err)
}

// start starts redis-server on s.addr and waits until it answers PING.
func (s *Server) start() error {
	_, port, _ := net.SplitHostPort(s.addr)
	out := &syncBuffer{}
	cmd := exec.Command(s.path,
		"--bind", "127.0.0.1", "--port", port,
		"--save", "", "--appendonly", "no",
		"--dir", s.dir, "--daemonize", "no", "--loglevel", "warning")
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("run %s: %w", s.path, err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	s.mu.Lock()
	s.cmd, s.exited = cmd, exited
	s.mu.Unlock()

	c := redis.NewClient(s.Options())
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	for {
		pctx, pcancel := context.WithTimeout(ctx, 200*time.Millisecond)
		err := c.Ping(pctx).Err()
		pcancel()
		if err == nil {
			return nil
		}
		select {
		case <-exited:
			return fmt.Errorf("redis-server exited: %s", out.String())
		case <-ctx.Done():
			return fmt.Errorf("no PING answer at %s within %v: %w; output: %s", s.addr, startTimeout, err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// syncBuffer collects a process's output.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
