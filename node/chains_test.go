package node

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution"
)

func TestChainSet(t *testing.T) {
	home := simulated.NewBackend(nil)
	defer home.Close()
	other := simulated.NewBackend(nil)
	defer other.Close()
	s := newChainSet(1337, home.Client(), map[uint64]string{5: "http://127.0.0.1:1"}, map[uint64]execution.Chain{10: other.Client()})
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
