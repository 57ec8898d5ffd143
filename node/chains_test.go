package node

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/execution"
)

func TestChainSet(t *testing.T) {
	home := simulated.NewBackend(nil)
	defer home.Close()
	other := simulated.NewBackend(nil)
	defer other.Close()
	s := newChainSet(1337, home.Client(), map[uint64]string{5: "http://127.0.0.1:1"}, nil, map[uint64]execution.Chain{10: other.Client()}, nil)
	defer s.Close()
	ctx := context.Background()

	c, err := s.Get(ctx, 1337)
	require.NoError(t, err)
	require.Equal(t, home.Client(), c)
	c, err = s.Get(ctx, 10)
	require.NoError(t, err)
	require.Equal(t, other.Client(), c)
	_, err = s.Get(ctx, 99)
	require.ErrorIs(t, err, ErrUnknownChain)
	_, err = s.Get(ctx, 5)
	require.Error(t, err, "nothing listens there")
}

// A chain's fallback URLs are dialed with it: the set reaches the chain
// through the first endpoint that answers.
func TestChainSetFallbacks(t *testing.T) {
	home := simulated.NewBackend(nil)
	defer home.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	refused := "http://" + ln.Addr().String()
	require.NoError(t, ln.Close())
	answers := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		result := `"0x5"` // eth_chainId
		if req.Method == "eth_getCode" {
			result = `"0x60"`
		}
		fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"result":%s}`, req.ID, result)
	}))
	defer answers.Close()

	s := newChainSet(1337, home.Client(), map[uint64]string{5: refused}, map[uint64][]string{5: {answers.URL}}, nil, zaptest.NewLogger(t))
	defer s.Close()
	c, err := s.Get(context.Background(), 5)
	require.NoError(t, err)
	code, err := c.CodeAt(context.Background(), common.Address{}, nil)
	require.NoError(t, err)
	require.Equal(t, []byte{0x60}, code)

	wrong := newChainSet(1337, home.Client(), map[uint64]string{7: answers.URL}, nil, nil, nil)
	defer wrong.Close()
	_, err = wrong.Get(context.Background(), 7)
	require.ErrorContains(t, err, "serves chain 5, not 7")
}
