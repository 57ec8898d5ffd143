package attestation_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
)

var heartbeatDomain = attestation.Domain{ChainID: 1337, AttestationCenter: common.HexToAddress("0xac")}

func fixtureHeartbeat() attestation.Heartbeat {
	return attestation.Heartbeat{
		Keeper:    common.HexToAddress("0x1111111111111111111111111111111111111111"),
		PeerID:    "12D3KooWQYhTNQdmr3ArTeUHRYzFg94BKyTkoWBDWez9kSCVe2Xo",
		Version:   "0.1.0",
		Timestamp: 1_700_000_000_123,
		Signature: []byte{1, 2, 3},
	}
}

// TestHeartbeatDigestGolden pins the digest: changing it breaks every
// keeper's heartbeats at the coordinator, so it needs a new domain version.
func TestHeartbeatDigestGolden(t *testing.T) {
	h := fixtureHeartbeat()
	require.Equal(t, "0x4961a9d5da8bd2d7abf2bc6548ccf07a09960a38fa77e4082e79ef4e783e505e",
		h.Digest(heartbeatDomain).Hex())

	// It is the abi.encode the doc comment states.
	ty := func(s string) abi.Argument {
		typ, err := abi.NewType(s, "", nil)
		require.NoError(t, err)
		return abi.Argument{Type: typ}
	}
	args := abi.Arguments{ty("bytes32"), ty("uint256"), ty("address"), ty("address"), ty("bytes32"), ty("bytes32"), ty("int256")}
	enc, err := args.Pack(crypto.Keccak256Hash([]byte("TriggerX.Heartbeat.v1")), new(big.Int).SetUint64(heartbeatDomain.ChainID),
		heartbeatDomain.AttestationCenter, h.Keeper, crypto.Keccak256Hash([]byte(h.PeerID)),
		crypto.Keccak256Hash([]byte(h.Version)), big.NewInt(h.Timestamp))
	require.NoError(t, err)
	require.Equal(t, crypto.Keccak256Hash(enc), h.Digest(heartbeatDomain))
}

func TestHeartbeatDigestCoversEveryField(t *testing.T) {
	base := fixtureHeartbeat()
	want := base.Digest(heartbeatDomain)
	tests := []struct {
		name   string
		mutate func(*attestation.Heartbeat, *attestation.Domain)
	}{
		{"keeper", func(h *attestation.Heartbeat, _ *attestation.Domain) { h.Keeper[19] ^= 1 }},
		{"peer id", func(h *attestation.Heartbeat, _ *attestation.Domain) { h.PeerID += "x" }},
		{"version", func(h *attestation.Heartbeat, _ *attestation.Domain) { h.Version = "0.1.1" }},
		{"timestamp", func(h *attestation.Heartbeat, _ *attestation.Domain) { h.Timestamp++ }},
		{"negative timestamp", func(h *attestation.Heartbeat, _ *attestation.Domain) { h.Timestamp = -h.Timestamp }},
		{"peer id and version swapped", func(h *attestation.Heartbeat, _ *attestation.Domain) {
			h.PeerID, h.Version = h.Version, h.PeerID
		}},
		{"chain", func(_ *attestation.Heartbeat, d *attestation.Domain) { d.ChainID++ }},
		{"attestation center", func(_ *attestation.Heartbeat, d *attestation.Domain) { d.AttestationCenter[0] ^= 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, d := base.Clone(), heartbeatDomain
			tt.mutate(&h, &d)
			require.NotEqual(t, want, h.Digest(d))
		})
	}
	t.Run("signature is not covered", func(t *testing.T) {
		h := base.Clone()
		h.Signature = make([]byte, 65)
		require.Equal(t, want, h.Digest(heartbeatDomain))
	})
}

func TestHeartbeatSignVerify(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	h := fixtureHeartbeat()
	h.Keeper = crypto.PubkeyToAddress(key.PublicKey)
	h.Signature, err = attestation.SignECDSA(key, h.Digest(heartbeatDomain))
	require.NoError(t, err)
	require.Len(t, h.Signature, 65)
	require.NoError(t, attestation.VerifyECDSA(h.Digest(heartbeatDomain), h.Signature, h.Keeper))

	later := h.Clone()
	later.Timestamp++
	require.ErrorIs(t, attestation.VerifyECDSA(later.Digest(heartbeatDomain), h.Signature, h.Keeper), attestation.ErrBadSignature,
		"a signature does not carry over to a later heartbeat")
	other := heartbeatDomain
	other.ChainID = 1
	require.ErrorIs(t, attestation.VerifyECDSA(h.Digest(other), h.Signature, h.Keeper), attestation.ErrBadSignature)
	require.ErrorIs(t, attestation.VerifyECDSA(h.Digest(heartbeatDomain), h.Signature, common.HexToAddress("0x01")),
		attestation.ErrBadSignature)
}

func TestHeartbeatClone(t *testing.T) {
	h := fixtureHeartbeat()
	c := h.Clone()
	require.Equal(t, h, c)
	c.Signature[0] ^= 0xff
	require.NotEqual(t, h.Signature, c.Signature)
}
