package events_test

import (
	"bytes"
	"encoding/json"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/execution/events"
)

// emitterPair is the Emitter's Pair struct.
type emitterPair struct {
	N *big.Int
	S string
}

// onOsaka pins the simulated chain to the fork mainnet runs.
func onOsaka(_ *node.Config, ethConf *ethconfig.Config) {
	cfg := *ethConf.Genesis.Config
	cfg.BogotaTime = nil
	ethConf.Genesis.Config = &cfg
}

// TestMatchSolidityLogs checks Match against logs solc-compiled contracts
// really emit: Counter's Incremented, and testdata/Emitter.sol's events with
// every kind of parameter, including the in-place encodings Solidity hashes
// for indexed strings, bytes, arrays and structs.
func TestMatchSolidityLogs(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	sender := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{
		sender: {Balance: new(big.Int).Mul(big.NewInt(100), big.NewInt(params.Ether))},
	}, onOsaka)
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
	system, err := addrs.Bind(client)
	require.NoError(t, err)

	raw, err := os.ReadFile("testdata/Emitter.json")
	require.NoError(t, err)
	var artifact struct {
		ABI json.RawMessage `json:"abi"`
		Bin string          `json:"bin"`
	}
	require.NoError(t, json.Unmarshal(raw, &artifact))
	emitterABI, err := abi.JSON(bytes.NewReader(artifact.ABI))
	require.NoError(t, err)
	emitterAddr, tx, emitter, err := bind.DeployContract(auth, emitterABI, common.FromHex(artifact.Bin), client)
	require.NoError(t, err)
	_, err = contracts.WaitMined(ctx, client, tx, commit)
	require.NoError(t, err)

	// emit sends tx and returns its one log.
	emit := func(tx *types.Transaction, err error) types.Log {
		t.Helper()
		require.NoError(t, err)
		r, err := contracts.WaitMined(ctx, client, tx, commit)
		require.NoError(t, err)
		require.Len(t, r.Logs, 1)
		return *r.Logs[0]
	}
	call := func(method string, args ...any) types.Log {
		t.Helper()
		return emit(emitter.Transact(auth, method, args...))
	}

	tag := common.HexToHash("0x7461670000000000000000000000000000000000000000000000000000000001")
	maxU128 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1))
	long := strings.Repeat("x", 40) // crosses a 32-byte boundary when padded
	counterLog := emit(system.Counter.Increment(auth, big.NewInt(5)))
	transferLog := call("transfer", bob, maxU256)
	mixedLog := call("mixed", big.NewInt(-5), tag, true, int64(-7), []byte{1, 2, 0xab})
	hashedLog := call("hashed", "alice", []byte{0xca, 0xfe}, []*big.Int{big.NewInt(1), big.NewInt(2)})
	nestedLog := call("nested", []string{"a", long, ""}, emitterPair{N: big.NewInt(7), S: "x"}, [2][32]byte{tag, {}})
	valuesLog := call("values", []*big.Int{big.NewInt(1), big.NewInt(2), big.NewInt(3)}, emitterPair{N: big.NewInt(8), S: "hello"},
		[]string{"p", long}, maxU128, int8(-3))

	upperSender := "0x" + strings.ToUpper(sender.Hex()[2:])
	tests := []struct {
		name    string
		sig     string
		log     types.Log
		filters []attestation.EventFilter
		want    bool
	}{
		{"counter", counterSig, counterLog, []attestation.EventFilter{
			flt("caller", "eq", upperSender), flt("by", "eq", "5"), flt("newCount", "gte", "5"),
		}, true},
		{"counter by", counterSig, counterLog, []attestation.EventFilter{flt("by", "gt", "5")}, false},
		{"counter bare", "Incremented(address,uint256,uint256)", counterLog, nil, true},
		{"transfer", "Transfer(address indexed from, address indexed to, uint256 value)", transferLog, []attestation.EventFilter{
			flt("from", "eq", strings.ToLower(sender.Hex())), flt("to", "eq", bob.Hex()), flt("value", "eq", maxU256.String()),
		}, true},
		{"mixed", mixedSig, mixedLog, []attestation.EventFilter{
			flt("delta", "lt", "0"), flt("delta", "eq", "-5"), flt("tag", "eq", tag.Hex()), flt("flag", "eq", "true"),
			flt("small", "lte", "-7"), flt("blob", "eq", "0x0102ab"),
		}, true},
		{"mixed delta", mixedSig, mixedLog, []attestation.EventFilter{flt("delta", "gte", "-4")}, false},
		{"hashed", hashedSig, hashedLog, []attestation.EventFilter{
			flt("name", "eq", "alice"), flt("raw", "eq", "0xcafe"), flt("nums", "eq", "[1,2]"),
		}, true},
		{"hashed other nums", hashedSig, hashedLog, []attestation.EventFilter{flt("nums", "eq", "[1]")}, false},
		{"nested", "Nested(string[] indexed names, (uint256 n, string s) indexed pair, bytes32[2] indexed tags)", nestedLog, []attestation.EventFilter{
			flt("names", "eq", `["a","`+long+`",""]`), flt("pair", "eq", `[7,"x"]`), flt("tags", "eq", `["`+tag.Hex()+`","`+common.Hash{}.Hex()+`"]`),
		}, true},
		{"nested other pair", "Nested(string[] indexed names, (uint256,string) indexed pair, bytes32[2] indexed tags)", nestedLog, []attestation.EventFilter{
			flt("pair", "eq", `[7,"y"]`),
		}, false},
		{"values", "Values(uint256[] nums, (uint256,string) pair, string[] names, uint128 big, int8 tiny)", valuesLog, []attestation.EventFilter{
			flt("nums", "eq", `["1","2","0x3"]`), flt("pair", "eq", `[8,"hello"]`), flt("names", "eq", `["p","`+long+`"]`),
			flt("big", "eq", maxU128.String()), flt("big", "gt", "0"), flt("tiny", "lt", "-2"), flt("tiny", "ne", "3"),
		}, true},
		{"values names", "Values(uint256[] nums, (uint256,string) pair, string[] names, uint128 big, int8 tiny)", valuesLog, []attestation.EventFilter{
			flt("names", "ne", `["p","`+long+`"]`),
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := mustEvent(t, tt.sig)
			f, err := events.Compile(ev, tt.filters)
			require.NoError(t, err)
			got, err := f.Match(tt.log)
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}

	// The node pre-filters on Topics: the hashed eq filters select the log.
	for _, tc := range []struct {
		filters []attestation.EventFilter
		want    int
	}{
		{[]attestation.EventFilter{flt("name", "eq", "alice"), flt("nums", "eq", "[1,2]")}, 1},
		{[]attestation.EventFilter{flt("name", "eq", "bob")}, 0},
	} {
		f, err := events.Compile(mustEvent(t, hashedSig), tc.filters)
		require.NoError(t, err)
		logs, err := client.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: big.NewInt(0), Addresses: []common.Address{emitterAddr}, Topics: f.Topics(),
		})
		require.NoError(t, err)
		require.Len(t, logs, tc.want)
	}
}
