package node_test

import (
	"bytes"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/triggerx-network/triggerx/node"
)

// syncBuffer collects log lines from several goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) Sync() error { return nil }

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// No secret ever reaches a log line: while a network runs tasks at debug
// level, the keepers', the aggregator's and the coordinator's logs never hold a private key
// (ECDSA or BLS, in hex with or without 0x) or the API key, whatever the
// case.
func TestLogsHoldNoSecrets(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	logs := &syncBuffer{}
	tee := func(l *zap.Logger) *zap.Logger {
		debug := zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), logs, zapcore.DebugLevel)
		return l.WithOptions(zap.WrapCore(func(c zapcore.Core) zapcore.Core { return zapcore.NewTee(c, debug) }))
	}
	var secrets []string
	var mu sync.Mutex
	n := startNetworkHooks(t, 4,
		func(c *node.KeeperConfig) {
			mu.Lock()
			defer mu.Unlock()
			secrets = append(secrets, hex.EncodeToString(crypto.FromECDSA(c.ControllerKey)), hex.EncodeToString(c.BLSKey.Bytes()))
			c.Logger = tee(c.Logger)
		},
		func(c *node.CoordinatorConfig) {
			mu.Lock()
			defer mu.Unlock()
			secrets = append(secrets, hex.EncodeToString(crypto.FromECDSA(c.Key)))
			secrets = append(secrets, c.APIKeys...)
			c.Logger = tee(c.Logger)
		},
		func(c *node.AggregatorConfig) {
			mu.Lock()
			defer mu.Unlock()
			secrets = append(secrets, hex.EncodeToString(crypto.FromECDSA(c.Key)))
			c.Logger = tee(c.Logger)
		})
	secrets = append(secrets, hex.EncodeToString(crypto.FromECDSA(n.userKey)), n.apiKey)

	jobID := n.createJob("1", 1)
	n.waitCompleted(jobID, 2)
	// Requests with a wrong key and with the right one, which the API logs.
	code, _ := n.api(http.MethodGet, "/api/v1/jobs/"+jobID, nil)
	require.Equal(t, http.StatusOK, code)
	n.apiKey = "wrong-" + n.apiKey
	code, _ = n.api(http.MethodGet, "/api/v1/jobs/"+jobID, nil)
	require.Equal(t, http.StatusForbidden, code)

	out := strings.ToLower(logs.String())
	require.Greater(t, strings.Count(out, "\n"), 100, "the logs were captured")
	for _, s := range secrets {
		require.NotEmpty(t, s)
		require.NotContains(t, out, strings.ToLower(s), "a secret appears in the logs")
	}
}
