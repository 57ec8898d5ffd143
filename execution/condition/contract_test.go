package condition_test

import (
	"context"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/condition"
)

func TestContractSourceSimulated(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	from := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{from: {Balance: new(big.Int).Mul(big.NewInt(100), big.NewInt(params.Ether))}},
		simulated.WithBlockGasLimit(60_000_000))
	t.Cleanup(func() { _ = sim.Close() })
	client := sim.Client()
	ctx := t.Context()
	chainID, err := client.ChainID(ctx)
	require.NoError(t, err)
	auth, err := bind.NewKeyedTransactorWithChainID(key, chainID)
	require.NoError(t, err)
	commit := func() { sim.Commit() }
	addrs, err := contracts.Deploy(ctx, client, auth, big.NewInt(1), commit)
	require.NoError(t, err)
	c, err := addrs.Bind(client)
	require.NoError(t, err)

	increment := func(by int64) *types.Header {
		tx, err := c.Counter.Increment(auth, big.NewInt(by))
		require.NoError(t, err)
		r, err := contracts.WaitMined(ctx, client, tx, commit)
		require.NoError(t, err)
		h, err := client.HeaderByNumber(ctx, r.BlockNumber)
		require.NoError(t, err)
		return h
	}
	b1 := increment(5)
	b2 := increment(7)

	src := attestation.ValueSource{
		Kind: attestation.SourceContract, ChainID: chainID.Uint64(), Contract: addrs.Counter,
		Function: "count()(uint256)",
	}
	s, err := condition.NewSource(src, condition.Deps{Chains: func(id uint64) (execution.Chain, error) {
		if id != chainID.Uint64() {
			return nil, errors.New("unknown chain")
		}
		return client, nil
	}})
	require.NoError(t, err)
	cs := s.(*condition.ContractSource)

	latest, err := cs.Read(ctx)
	require.NoError(t, err)
	require.Equal(t, "12", latest.Value.String())
	require.Equal(t, b2.Number.Uint64(), latest.BlockNumber)
	require.Equal(t, b2.Hash(), latest.BlockHash)

	at1, err := cs.ReadAt(ctx, b1.Number.Uint64())
	require.NoError(t, err)
	require.Equal(t, "5", at1.Value.String())
	require.Equal(t, b1.Hash(), at1.BlockHash)
	at0, err := cs.ReadAt(ctx, b1.Number.Uint64()-1)
	require.NoError(t, err)
	require.Equal(t, "0", at0.Value.String())

	// An input argument: callsBy(address).
	src.Function, src.Arguments = "callsBy(address)(uint256)", []string{from.Hex()}
	calls, err := condition.NewContractSource(src, client)
	require.NoError(t, err)
	r, err := calls.ReadAt(ctx, b2.Number.Uint64())
	require.NoError(t, err)
	require.Equal(t, "2", r.Value.String())

	// No contract at the address.
	src.Contract, src.Function, src.Arguments = common.HexToAddress("0x1234"), "count()(uint256)", nil
	none, err := condition.NewContractSource(src, client)
	require.NoError(t, err)
	_, err = none.Read(ctx)
	require.ErrorContains(t, err, "no return data")
}

// fakeChain answers calls with fixed return data and serves headers; the
// embedded nil interface panics on anything else.
type fakeChain struct {
	execution.Chain
	ret     []byte
	headers map[uint64]*types.Header
	latest  uint64
	// swap replaces the header of the called block after the call, as a
	// reorganization would.
	swap bool
}

func (f *fakeChain) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	if n == nil {
		return f.headers[f.latest], nil
	}
	h, ok := f.headers[n.Uint64()]
	if !ok {
		return nil, ethereum.NotFound
	}
	return h, nil
}

func (f *fakeChain) CallContract(_ context.Context, _ ethereum.CallMsg, n *big.Int) ([]byte, error) {
	if f.swap {
		h := *f.headers[n.Uint64()]
		h.Extra = []byte("reorg")
		f.headers[n.Uint64()] = &h
	}
	return f.ret, nil
}

func packed(t *testing.T, types []string, vals ...any) []byte {
	t.Helper()
	var args abi.Arguments
	for _, ty := range types {
		at, err := abi.NewType(ty, "", nil)
		require.NoError(t, err)
		args = append(args, abi.Argument{Type: at})
	}
	b, err := args.Pack(vals...)
	require.NoError(t, err)
	return b
}

func TestContractSourceOutputs(t *testing.T) {
	minInt256, _ := new(big.Int).SetString(int256Min, 10)
	maxUint256, _ := new(big.Int).SetString(uint256Max, 10)
	roundData := packed(t, []string{"uint80", "int256", "uint256", "uint256", "uint80"},
		big.NewInt(7), big.NewInt(-250000000000), big.NewInt(1), big.NewInt(2), big.NewInt(7))
	tests := []struct {
		function string
		output   uint32
		ret      []byte
		want     string
		err      string
	}{
		{"f()(uint256)", 0, packed(t, []string{"uint256"}, maxUint256), uint256Max, ""},
		{"f()(int256)", 0, packed(t, []string{"int256"}, minInt256), int256Min, ""},
		{"f()(uint8)", 0, packed(t, []string{"uint8"}, uint8(255)), "255", ""},
		{"f()(int8)", 0, packed(t, []string{"int8"}, int8(-128)), "-128", ""},
		{"f()(int64)", 0, packed(t, []string{"int64"}, int64(-1)), "-1", ""},
		{"f()(uint64)", 0, packed(t, []string{"uint64"}, uint64(1<<63)), "9223372036854775808", ""},
		{"f()(bool)", 0, packed(t, []string{"bool"}, true), "1", ""},
		{"f()(bool)", 0, packed(t, []string{"bool"}, false), "0", ""},
		{"latestRoundData()(uint80,int256,uint256,uint256,uint80)", 1, roundData, "-250000000000", ""},
		{"f(uint256,address)(string,uint256)", 1, packed(t, []string{"string", "uint256"}, "hello", big.NewInt(9)), "9", ""},
		{"f()((uint256,address)[],int16)", 1, packed(t, []string{"uint256[]", "int16"}, []*big.Int{}, int16(-3)), "-3", ""},
		{"f()(uint256)", 0, []byte{1, 2}, "", "decode return data"},
	}
	for _, tt := range tests {
		t.Run(tt.function, func(t *testing.T) {
			h := &types.Header{Number: big.NewInt(10), Difficulty: big.NewInt(0)}
			chain := &fakeChain{ret: tt.ret, headers: map[uint64]*types.Header{10: h}, latest: 10}
			args := make([]string, 0)
			if tt.function == "f(uint256,address)(string,uint256)" {
				args = []string{"1", "0x0000000000000000000000000000000000000001"}
			}
			s, err := condition.NewContractSource(attestation.ValueSource{Kind: attestation.SourceContract, ChainID: 1,
				Contract: common.HexToAddress("0x1"), Function: tt.function, Arguments: args, Output: tt.output}, chain)
			require.NoError(t, err)
			r, err := s.Read(t.Context())
			if tt.err != "" {
				require.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, r.Value.String())
			require.Equal(t, uint64(10), r.BlockNumber)
			require.Equal(t, h.Hash(), r.BlockHash)
		})
	}

	t.Run("block replaced during the read", func(t *testing.T) {
		h := &types.Header{Number: big.NewInt(10), Difficulty: big.NewInt(0)}
		chain := &fakeChain{ret: packed(t, []string{"uint256"}, big.NewInt(1)), headers: map[uint64]*types.Header{10: h}, latest: 10, swap: true}
		s, err := condition.NewContractSource(attestation.ValueSource{Kind: attestation.SourceContract, ChainID: 1,
			Contract: common.HexToAddress("0x1"), Function: "f()(uint256)"}, chain)
		require.NoError(t, err)
		_, err = s.ReadAt(t.Context(), 10)
		require.ErrorIs(t, err, condition.ErrBlockChanged)
	})
}

func TestContractSourceConfigErrors(t *testing.T) {
	chain := &fakeChain{}
	tests := []struct {
		function string
		args     []string
		output   uint32
		err      string
	}{
		{"count()", nil, 0, "missing the outputs"},
		{"count", nil, 0, "want name(inputs)(outputs)"},
		{"count()()", nil, 0, "returns nothing"},
		{"count()(uint256", nil, 0, "one parenthesized list"},
		{"count()(uint256)x", nil, 0, "one parenthesized list"},
		{"count()uint256", nil, 0, "want '('"},
		{"count()(uint256)", nil, 1, "out of range"},
		{"owner()(address)", nil, 0, "want an integer or a bool"},
		{"f()(uint256,string)", nil, 1, "want an integer or a bool"},
		{"f()((uint256,uint256))", nil, 0, "want an integer or a bool"},
		{"f()(uint7)", nil, 0, "output 0"},
		{"f()(uint256[99999999999])", nil, 0, "array length"},
		{"f()(uint256[1024][1024])", nil, 0, "more than"},
		{"f()(((uint256)[1024])[1024])", nil, 0, "more than"},
		{"f()(())", nil, 0, "empty tuple"},
		{"balanceOf(address)(uint256)", nil, 0, "count"},
		{"balanceOf(address)(uint256)", []string{"0x12"}, 0, "address"},
		{"balance Of(address)(uint256)", []string{"0x12"}, 0, "invalid function"},
	}
	for _, tt := range tests {
		t.Run(tt.function, func(t *testing.T) {
			_, err := condition.NewContractSource(attestation.ValueSource{Kind: attestation.SourceContract, ChainID: 1,
				Contract: common.HexToAddress("0x1"), Function: tt.function, Arguments: tt.args, Output: tt.output}, chain)
			require.ErrorIs(t, err, condition.ErrInvalidSource)
			require.ErrorContains(t, err, tt.err)
		})
	}
}

func FuzzContractFunction(f *testing.F) {
	for _, s := range []string{"count()(uint256)", "f(uint256)((uint8,int16)[2][],bool)", "f()(((uint256)))", "f()(uint256[3])"} {
		f.Add(s, uint32(0))
	}
	f.Fuzz(func(t *testing.T, function string, output uint32) {
		// Only the parsing runs: the chain is never called.
		_, _ = condition.NewContractSource(attestation.ValueSource{Kind: attestation.SourceContract, ChainID: 1,
			Contract: common.HexToAddress("0x1"), Function: function, Output: output}, &fakeChain{})
	})
}
