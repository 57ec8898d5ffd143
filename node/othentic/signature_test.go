package othentic_test

import (
	"encoding/hex"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/node/othentic"
)

// Test keys: fixed so failures reproduce. They hold nothing.
const (
	performerKeyHex = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
	otherKeyHex     = "8f2a55949038a9610f50fb23b5883af3b4ecb3c3bb792cbcefbd1542c692be63"
)

func mustKey(t testing.TB, h string) *ecdsaKey {
	t.Helper()
	k, err := crypto.HexToECDSA(h)
	require.NoError(t, err)
	return &ecdsaKey{k, crypto.PubkeyToAddress(k.PublicKey)}
}

// taskArgs is the ABI tuple (string, bytes, address, uint16) built with
// go-ethereum's abi package, independently of the package under test.
func taskArgs(t testing.TB) abi.Arguments {
	t.Helper()
	var args abi.Arguments
	for _, name := range []string{"string", "bytes", "address", "uint16"} {
		typ, err := abi.NewType(name, "", nil)
		require.NoError(t, err)
		args = append(args, abi.Argument{Type: typ})
	}
	return args
}

// signByHand signs the task as the Othentic performer does: keccak256 of the
// ABI encoding, crypto.Sign over the raw hash, then v += 27.
func signByHand(t testing.TB, key *ecdsaKey, proofOfTask string, data []byte, performer common.Address, tdid uint16) []byte {
	t.Helper()
	enc, err := taskArgs(t).Pack(proofOfTask, data, performer, tdid)
	require.NoError(t, err)
	sig, err := crypto.Sign(crypto.Keccak256(enc), key.priv)
	require.NoError(t, err)
	sig[64] += 27
	return sig
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	require.NoError(t, err)
	return b
}

// TestTaskHashGolden checks TaskHash against ABI encodings written out word
// by word, against abi.Arguments.Pack, and against wantHash, which was
// computed outside Go (a standalone Python Keccak-256 over the same words).
func TestTaskHashGolden(t *testing.T) {
	cid := "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG" // 46 bytes
	tests := []struct {
		name        string
		proofOfTask string
		data        []byte
		performer   common.Address
		tdid        uint16
		words       []string
		wantHash    string
	}{
		{
			name:        "short fields",
			proofOfTask: "QmProof",
			data:        []byte{0x12, 0x34},
			performer:   common.HexToAddress("0x1111111111111111111111111111111111111111"),
			tdid:        7,
			words: []string{
				"0000000000000000000000000000000000000000000000000000000000000080", // offset of proofOfTask: 4 head words
				"00000000000000000000000000000000000000000000000000000000000000c0", // offset of data: 0x80 + 32 (len) + 32 (7 bytes padded)
				"0000000000000000000000001111111111111111111111111111111111111111", // performer
				"0000000000000000000000000000000000000000000000000000000000000007", // taskDefinitionId
				"0000000000000000000000000000000000000000000000000000000000000007", // len("QmProof")
				"516d50726f6f6600000000000000000000000000000000000000000000000000", // "QmProof", right-padded
				"0000000000000000000000000000000000000000000000000000000000000002", // len(data)
				"1234000000000000000000000000000000000000000000000000000000000000", // data, right-padded
			},
			wantHash: "0x33f0a53c81b4a7f92fddefbd9b6470ede6995beb9203db35ad27c8ac81d74e37",
		},
		{
			name:        "46-byte CID as proof and data, max id",
			proofOfTask: cid,
			data:        []byte(cid),
			performer:   common.HexToAddress("0xAbCdEf0123456789aBcDeF0123456789AbCdEf01"),
			tdid:        65535,
			words: []string{
				"0000000000000000000000000000000000000000000000000000000000000080",            // offset of proofOfTask
				"00000000000000000000000000000000000000000000000000000000000000e0",            // offset of data: 0x80 + 32 + 64
				"000000000000000000000000abcdef0123456789abcdef0123456789abcdef01",            // performer
				"000000000000000000000000000000000000000000000000000000000000ffff",            // taskDefinitionId
				"000000000000000000000000000000000000000000000000000000000000002e",            // len = 46
				hex.EncodeToString([]byte(cid[:32])),                                          // first 32 bytes
				hex.EncodeToString([]byte(cid[32:])) + "000000000000000000000000000000000000", // last 14 bytes + 18 zero bytes
				"000000000000000000000000000000000000000000000000000000000000002e",            // len = 46
				hex.EncodeToString([]byte(cid[:32])),
				hex.EncodeToString([]byte(cid[32:])) + "000000000000000000000000000000000000",
			},
			wantHash: "0xad5875cefc86629eac46142fa81318d3a338a433750b94c18c9bf3a8e6d799dd",
		},
		{
			name:        "empty proof and data",
			proofOfTask: "",
			data:        nil,
			performer:   common.Address{},
			tdid:        0,
			words: []string{
				"0000000000000000000000000000000000000000000000000000000000000080",
				"00000000000000000000000000000000000000000000000000000000000000a0", // 0x80 + 32 (len 0, no body)
				"0000000000000000000000000000000000000000000000000000000000000000",
				"0000000000000000000000000000000000000000000000000000000000000000",
				"0000000000000000000000000000000000000000000000000000000000000000", // len 0
				"0000000000000000000000000000000000000000000000000000000000000000", // len 0
			},
			wantHash: "0xf62d0c252ff28cbe64f660813285f290fce8f2822cf31f34153165c0979c2a82",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i, w := range tt.words {
				require.Len(t, w, 64, "word %d", i)
			}
			manual := unhex(t, strings.Join(tt.words, ""))

			packed, err := taskArgs(t).Pack(tt.proofOfTask, tt.data, tt.performer, tt.tdid)
			require.NoError(t, err)
			require.Equal(t, manual, packed, "manual encoding disagrees with abi.Arguments.Pack")

			got := othentic.TaskHash(tt.proofOfTask, tt.data, tt.performer, tt.tdid)
			require.Equal(t, crypto.Keccak256Hash(manual), got)
			require.Equal(t, tt.wantHash, got.Hex())
		})
	}
}

func TestSignTask(t *testing.T) {
	key := mustKey(t, performerKeyHex)
	data := []byte("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG")
	sig, err := othentic.SignTask(key.priv, "QmProof", data, 7)
	require.NoError(t, err)
	require.Len(t, sig, 65)
	require.Contains(t, []byte{27, 28}, sig[64])
	// ECDSA signing in go-ethereum is deterministic (RFC 6979).
	require.Equal(t, signByHand(t, key, "QmProof", data, key.addr, 7), sig)
	require.NoError(t, othentic.VerifyTaskSignature("QmProof", data, key.addr, 7, sig))

	_, err = othentic.SignTask(nil, "QmProof", data, 7)
	require.ErrorIs(t, err, othentic.ErrNoKey)
}

func TestVerifyTaskSignature(t *testing.T) {
	key := mustKey(t, performerKeyHex)
	other := mustKey(t, otherKeyHex)
	data := []byte{0x12, 0x34}
	good := signByHand(t, key, "QmProof", data, key.addr, 7)

	tests := []struct {
		name    string
		sig     []byte
		wantErr error
	}{
		{name: "valid", sig: good},
		{name: "v=0", sig: withV(good, good[64]-27), wantErr: othentic.ErrSignatureV},
		{name: "v=1", sig: withV(good, 1), wantErr: othentic.ErrSignatureV},
		{name: "v=29", sig: withV(good, 29), wantErr: othentic.ErrSignatureV},
		{name: "64 bytes", sig: good[:64], wantErr: othentic.ErrSignatureLength},
		{name: "66 bytes", sig: append(append([]byte{}, good...), 0), wantErr: othentic.ErrSignatureLength},
		{name: "wrong signer", sig: signByHand(t, other, "QmProof", data, key.addr, 7), wantErr: othentic.ErrSignatureMismatch},
		{name: "other task id", sig: signByHand(t, key, "QmProof", data, key.addr, 8), wantErr: othentic.ErrSignatureMismatch},
		{name: "high s (malleable)", sig: malleate(good), wantErr: othentic.ErrSignatureValues},
		{name: "zero r and s", sig: withV(make([]byte, 65), 27), wantErr: othentic.ErrSignatureValues},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := othentic.VerifyTaskSignature("QmProof", data, key.addr, 7, tt.sig)
			if tt.wantErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.wantErr)
		})
	}
}

func withV(sig []byte, v byte) []byte {
	out := append([]byte{}, sig...)
	out[64] = v
	return out
}

// malleate returns the other valid-on-the-curve signature (r, n-s, v^1),
// which OpenZeppelin's ECDSA.recover rejects.
func malleate(sig []byte) []byte {
	n := crypto.S256().Params().N
	s := new(big.Int).SetBytes(sig[32:64])
	out := append([]byte{}, sig...)
	new(big.Int).Sub(n, s).FillBytes(out[32:64])
	out[64] = 27 + (28 - out[64])
	return out
}

// FuzzTaskHash cross-checks TaskHash against abi.Arguments.Pack.
func FuzzTaskHash(f *testing.F) {
	f.Add("QmProof", []byte{0x12, 0x34}, []byte{0x11}, uint16(7))
	f.Add("", []byte(nil), []byte(nil), uint16(0))
	f.Add(strings.Repeat("x", 64), make([]byte, 33), make([]byte, 20), uint16(65535))
	f.Fuzz(func(t *testing.T, proof string, data, addr []byte, tdid uint16) {
		performer := common.BytesToAddress(addr)
		enc, err := taskArgs(t).Pack(proof, data, performer, tdid)
		require.NoError(t, err)
		require.Equal(t, crypto.Keccak256Hash(enc), othentic.TaskHash(proof, data, performer, tdid))
	})
}
