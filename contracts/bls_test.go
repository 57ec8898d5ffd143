package contracts_test

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"
	"testing"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/internal/testbindings"
)

// deployHarness deploys the test-only contract exposing the BLS12381 library.
func deployHarness(t *testing.T) (*chain, *testbindings.BLS12381Harness) {
	t.Helper()
	c := newChain(t, 0)
	_, tx, h, err := testbindings.DeployBLS12381Harness(c.deployer.auth, c.client)
	c.mine(tx, err)
	return c, h
}

// fp encodes a 48-byte hex field element as a 64-byte EIP-2537 word.
func fp(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	require.Len(t, b, 48)
	return common.LeftPadBytes(b, 64)
}

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

// RFC 9380, appendix K.1: expand_message_xmd with SHA-256.
func TestExpandMessageXmdRFC9380(t *testing.T) {
	_, h := deployHarness(t)
	dst := []byte("QUUX-V01-CS02-with-expander-SHA256-128")
	tests := []struct {
		msg     string
		length  int64
		uniform string
	}{
		{"", 0x20, "68a985b87eb6b46952128911f2a4412bbc302a9d759667f87f7a21d803f07235"},
		{"abc", 0x20, "d8ccab23b5985ccea865c6c97b6e5b8350e794e603b4b97902f53a8a0d605615"},
		{"abcdef0123456789", 0x20, "eff31487c770a893cfb36f912fbfcbff40d5661771ca4b2cb4eafe524333f5c1"},
		{"q128_" + strings.Repeat("q", 128), 0x20, "b23a1d2b4d97b2ef7785562a7e8bac7eed54ed6e97e29aa51bfe3f12ddad1ff9"},
		{"a512_" + strings.Repeat("a", 512), 0x20, "4623227bcc01293b8c130bf771da8c298dede7383243dc0993d2d94823958c4c"},
		{"", 0x80, "af84c27ccfd45d41914fdff5df25293e221afc53d8ad2ac06d5e3e29485dadbee0d121587713a3e0dd4d5e69e93eb7cd4f5df4cd103e188cf60cb02edc3edf18eda8576c412b18ffb658e3dd6ec849469b979d444cf7b26911a08e63cf31f9dcc541708d3491184472c2c29bb749d4286b004ceb5ee6b9a7fa5b646c993f0ced"},
		{"abc", 0x80, "abba86a6129e366fc877aab32fc4ffc70120d8996c88aee2fe4b32d6c7b6437a647e6c3163d40b76a73cf6a5674ef1d890f95b664ee0afa5359a5c4e07985635bbecbac65d747d3d2da7ec2b8221b17b0ca9dc8a1ac1c07ea6a1e60583e2cb00058e77b7b72a298425cd1b941ad4ec65e8afc50303a22c0f99b0509b4c895f40"},
		{"a512_" + strings.Repeat("a", 512), 0x80, "546aff5444b5b79aa6148bd81728704c32decb73a3ba76e9e75885cad9def1d06d6792f8a7d12794e90efed817d96920d728896a4510864370c207f99bd4a608ea121700ef01ed879745ee3e4ceef777eda6d9e5e38b90c86ea6fb0b36504ba4a45d22e86f6db5dd43d98a294bebb9125d5b794e9d2a81181066eb954966a487"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/len%d", label(tt.msg), tt.length), func(t *testing.T) {
			got, err := h.ExpandMessageXmd(nil, []byte(tt.msg), dst, big.NewInt(tt.length))
			require.NoError(t, err)
			require.Equal(t, tt.uniform, hex.EncodeToString(got))
		})
	}
}

// RFC 9380, appendix J.10.1: BLS12381G2_XMD:SHA-256_SSWU_RO_.
func TestHashToG2RFC9380(t *testing.T) {
	_, h := deployHarness(t)
	dst := []byte("QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_")
	tests := []struct {
		msg            string
		u0, u1, px, py [2]string
	}{
		{
			msg: "",
			u0:  [2]string{"03dbc2cce174e91ba93cbb08f26b917f98194a2ea08d1cce75b2b9cc9f21689d80bd79b594a613d0a68eb807dfdc1cf8", "05a2acec64114845711a54199ea339abd125ba38253b70a92c876df10598bd1986b739cad67961eb94f7076511b3b39a"},
			u1:  [2]string{"02f99798e8a5acdeed60d7e18e9120521ba1f47ec090984662846bc825de191b5b7641148c0dbc237726a334473eee94", "145a81e418d4010cc027a68f14391b30074e89e60ee7a22f87217b2f6eb0c4b94c9115b436e6fa4607e95a98de30a435"},
			px:  [2]string{"0141ebfbdca40eb85b87142e130ab689c673cf60f1a3e98d69335266f30d9b8d4ac44c1038e9dcdd5393faf5c41fb78a", "05cb8437535e20ecffaef7752baddf98034139c38452458baeefab379ba13dff5bf5dd71b72418717047f5b0f37da03d"},
			py:  [2]string{"0503921d7f6a12805e72940b963c0cf3471c7b2a524950ca195d11062ee75ec076daf2d4bc358c4b190c0c98064fdd92", "12424ac32561493f3fe3c260708a12b7c620e7be00099a974e259ddc7d1f6395c3c811cdd19f1e8dbf3e9ecfdcbab8d6"},
		},
		{
			msg: "abc",
			u0:  [2]string{"15f7c0aa8f6b296ab5ff9c2c7581ade64f4ee6f1bf18f55179ff44a2cf355fa53dd2a2158c5ecb17d7c52f63e7195771", "01c8067bf4c0ba709aa8b9abc3d1cef589a4758e09ef53732d670fd8739a7274e111ba2fcaa71b3d33df2a3a0c8529dd"},
			u1:  [2]string{"187111d5e088b6b9acfdfad078c4dacf72dcd17ca17c82be35e79f8c372a693f60a033b461d81b025864a0ad051a06e4", "08b852331c96ed983e497ebc6dee9b75e373d923b729194af8e72a051ea586f3538a6ebb1e80881a082fa2b24df9f566"},
			px:  [2]string{"02c2d18e033b960562aae3cab37a27ce00d80ccd5ba4b7fe0e7a210245129dbec7780ccc7954725f4168aff2787776e6", "139cddbccdc5e91b9623efd38c49f81a6f83f175e80b06fc374de9eb4b41dfe4ca3a230ed250fbe3a2acf73a41177fd8"},
			py:  [2]string{"1787327b68159716a37440985269cf584bcb1e621d3a7202be6ea05c4cfe244aeb197642555a0645fb87bf7466b2ba48", "00aa65dae3c8d732d10ecd2c50f8a1baf3001578f71c694e03866e9f3d49ac1e1ce70dd94a733534f106d4cec0eddd16"},
		},
		{
			msg: "abcdef0123456789",
			u0:  [2]string{"0313d9325081b415bfd4e5364efaef392ecf69b087496973b229303e1816d2080971470f7da112c4eb43053130b785e1", "062f84cb21ed89406890c051a0e8b9cf6c575cf6e8e18ecf63ba86826b0ae02548d83b483b79e48512b82a6c0686df8f"},
			u1:  [2]string{"1739123845406baa7be5c5dc74492051b6d42504de008c635f3535bb831d478a341420e67dcc7b46b2e8cba5379cca97", "01897665d9cb5db16a27657760bbea7951f67ad68f8d55f7113f24ba6ddd82caef240a9bfa627972279974894701d975"},
			px:  [2]string{"121982811d2491fde9ba7ed31ef9ca474f0e1501297f68c298e9f4c0028add35aea8bb83d53c08cfc007c1e005723cd0", "190d119345b94fbd15497bcba94ecf7db2cbfd1e1fe7da034d26cbba169fb3968288b3fafb265f9ebd380512a71c3f2c"},
			py:  [2]string{"05571a0f8d3c08d094576981f4a3b8eda0a8e771fcdcc8ecceaf1356a6acf17574518acb506e435b639353c2e14827c8", "0bb5e7572275c567462d91807de765611490205a941a5a6af3b1691bfe596c31225d3aabdf15faff860cb4ef17c7c3be"},
		},
		{
			msg: "q128_" + strings.Repeat("q", 128),
			u0:  [2]string{"025820cefc7d06fd38de7d8e370e0da8a52498be9b53cba9927b2ef5c6de1e12e12f188bbc7bc923864883c57e49e253", "034147b77ce337a52e5948f66db0bab47a8d038e712123bb381899b6ab5ad20f02805601e6104c29df18c254b8618c7b"},
			u1:  [2]string{"0930315cae1f9a6017c3f0c8f2314baa130e1cf13f6532bff0a8a1790cd70af918088c3db94bda214e896e1543629795", "10c4df2cacf67ea3cb3108b00d4cbd0b3968031ebc8eac4b1ebcefe84d6b715fde66bef0219951ece29d1facc8a520ef"},
			px:  [2]string{"19a84dd7248a1066f737cc34502ee5555bd3c19f2ecdb3c7d9e24dc65d4e25e50d83f0f77105e955d78f4762d33c17da", "0934aba516a52d8ae479939a91998299c76d39cc0c035cd18813bec433f587e2d7a4fef038260eef0cef4d02aae3eb91"},
			py:  [2]string{"14f81cd421617428bc3b9fe25afbb751d934a00493524bc4e065635b0555084dd54679df1536101b2c979c0152d09192", "09bcccfa036b4847c9950780733633f13619994394c23ff0b32fa6b795844f4a0673e20282d07bc69641cee04f5e5662"},
		},
		{
			msg: "a512_" + strings.Repeat("a", 512),
			u0:  [2]string{"190b513da3e66fc9a3587b78c76d1d132b1152174d0b83e3c1114066392579a45824c5fa17649ab89299ddd4bda54935", "12ab625b0fe0ebd1367fe9fac57bb1168891846039b4216b9d94007b674de2d79126870e88aeef54b2ec717a887dcf39"},
			u1:  [2]string{"0e6a42010cf435fb5bacc156a585e1ea3294cc81d0ceb81924d95040298380b164f702275892cedd81b62de3aba3f6b5", "117d9a0defc57a33ed208428cb84e54c85a6840e7648480ae428838989d25d97a0af8e3255be62b25c2a85630d2dddd8"},
			px:  [2]string{"01a6ba2f9a11fa5598b2d8ace0fbe0a0eacb65deceb476fbbcb64fd24557c2f4b18ecfc5663e54ae16a84f5ab7f62534", "11fca2ff525572795a801eed17eb12785887c7b63fb77a42be46ce4a34131d71f7a73e95fee3f812aea3de78b4d01569"},
			py:  [2]string{"0b6798718c8aed24bc19cb27f866f1c9effcdbf92397ad6448b5c9db90d2b9da6cbabf48adc1adf59a1a28344e79d57e", "03a47f8e6d1763ba0cad63d6114c0accbef65707825a511b251a660a9b3994249ae4e63fac38b23da0c398689ee2ab52"},
		}}
	for _, tt := range tests {
		t.Run(label(tt.msg), func(t *testing.T) {
			u, err := h.HashToFieldFp2(nil, []byte(tt.msg), dst)
			require.NoError(t, err)
			require.Equal(t, concat(fp(t, tt.u0[0]), fp(t, tt.u0[1])), u.U0, "u0")
			require.Equal(t, concat(fp(t, tt.u1[0]), fp(t, tt.u1[1])), u.U1, "u1")

			p, err := h.HashToG2(nil, []byte(tt.msg), dst)
			require.NoError(t, err)
			want := concat(fp(t, tt.px[0]), fp(t, tt.px[1]), fp(t, tt.py[0]), fp(t, tt.py[1]))
			require.Equal(t, hex.EncodeToString(want), hex.EncodeToString(p))
		})
	}

	_, err := h.HashToG2(nil, []byte("abc"), nil)
	requireRevert(t, err, "InvalidDstLength")
	_, err = h.HashToG2(nil, []byte("abc"), bytes.Repeat([]byte{'d'}, 256))
	requireRevert(t, err, "InvalidDstLength")
}

// Signatures made by herumi in Ethereum mode (attestation.BLSSecretKey.Sign)
// verify on-chain, alone and aggregated, and nothing else does.
func TestVerifyHerumiSignatures(t *testing.T) {
	_, h := deployHarness(t)
	var (
		keys []*attestation.BLSSecretKey
		pks  [][]byte
		sigs []attestation.BLSSignature
	)
	msg := common.HexToHash("0x5ca1ab1e")
	other := common.HexToHash("0xdeadbeef")
	for range 3 {
		k, err := attestation.GenerateBLSKey()
		require.NoError(t, err)
		pk, err := k.PublicKey().EIP2537()
		require.NoError(t, err)
		keys, pks, sigs = append(keys, k), append(pks, pk), append(sigs, k.Sign(msg))
	}
	enc := func(s attestation.BLSSignature) []byte {
		b, err := s.EIP2537()
		require.NoError(t, err)
		return b
	}
	sig0 := enc(sigs[0])
	agg, err := attestation.AggregateBLS(sigs)
	require.NoError(t, err)
	aggPk := pks[0]
	for _, pk := range pks[1:] {
		aggPk, err = h.AddG1(nil, aggPk, pk)
		require.NoError(t, err)
	}
	require.Equal(t, gnarkSumG1(t, keys), aggPk, "G1ADD agrees with gnark-crypto")

	flipped := bytes.Clone(sig0)
	flipped[255] ^= 1 // no longer on the curve

	tests := []struct {
		name string
		pk   []byte
		msg  [32]byte
		sig  []byte
		want bool
	}{
		{"valid", pks[0], msg, sig0, true},
		{"valid aggregate", aggPk, msg, enc(agg), true},
		{"other message", pks[0], other, sig0, false},
		{"other key", pks[1], msg, sig0, false},
		{"signature of other message", pks[0], msg, enc(keys[0].Sign(other)), false},
		{"aggregate missing a key", pks[0], msg, enc(agg), false},
		{"signature off the curve", pks[0], msg, flipped, false},
		{"short signature", pks[0], msg, sig0[:255], false},
		{"short key", pks[0][:127], msg, sig0, false},
		{"identity key", make([]byte, 128), msg, make([]byte, 256), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := h.Verify(nil, tt.pk, tt.msg, tt.sig)
			require.NoError(t, err)
			require.Equal(t, tt.want, ok)
		})
	}

	res, err := h.VerifyGas(nil, pks[0], msg, sig0)
	require.NoError(t, err)
	require.True(t, res.Ok)
	t.Logf("gas: BLS12381.verify (one pairing check of 2 pairs, hash to G2) = %d", res.GasUsed)
}

// gnarkSumG1 adds the keys' public keys with gnark-crypto, EIP-2537 encoded.
func gnarkSumG1(t *testing.T, keys []*attestation.BLSSecretKey) []byte {
	t.Helper()
	var sum bls12381.G1Jac
	for _, k := range keys {
		pk := k.PublicKey()
		var p bls12381.G1Affine
		_, err := p.SetBytes(pk[:])
		require.NoError(t, err)
		sum.AddMixed(&p)
	}
	var a bls12381.G1Affine
	a.FromJacobian(&sum)
	x, y := a.X.Bytes(), a.Y.Bytes()
	return concat(common.LeftPadBytes(x[:], 64), common.LeftPadBytes(y[:], 64))
}

// label names a test message: its first bytes, or "empty".
func label(msg string) string {
	if msg == "" {
		return "empty"
	}
	return msg[:min(len(msg), 16)]
}

func concat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// verifyBatch accepts exactly the batches whose every signature verifies.
func TestVerifyBatch(t *testing.T) {
	_, h := deployHarness(t)
	const n = 3
	var (
		pks, sigs [][]byte
		msgs      [][32]byte
	)
	for i := range n {
		key, err := attestation.GenerateBLSKey()
		require.NoError(t, err)
		msg := common.BigToHash(big.NewInt(int64(i + 1)))
		pk, sig := eip2537(t, key.PublicKey(), key.Sign(msg))
		pks, msgs, sigs = append(pks, pk), append(msgs, msg), append(sigs, sig)
	}
	swapped := [][]byte{sigs[1], sigs[0], sigs[2]}
	tampered := [][]byte{sigs[0], bytes.Clone(sigs[1]), sigs[2]}
	tampered[1][255] ^= 1
	other := [][32]byte{msgs[0], msgs[1], common.HexToHash("0xbad")}
	tests := []struct {
		name string
		pks  [][]byte
		msgs [][32]byte
		sigs [][]byte
		want bool
	}{
		{"valid", pks, msgs, sigs, true},
		{"one", pks[:1], msgs[:1], sigs[:1], true},
		{"empty", nil, nil, nil, false},
		{"signatures swapped", pks, msgs, swapped, false},
		{"signature off the curve", pks, msgs, tampered, false},
		{"other message", pks, other, sigs, false},
		{"identity signature", pks, msgs, [][]byte{sigs[0], make([]byte, 256), sigs[2]}, false},
		{"lengths differ", pks, msgs[:2], sigs, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := h.VerifyBatch(nil, tt.pks, tt.msgs, tt.sigs)
			require.NoError(t, err)
			require.Equal(t, tt.want, ok)
		})
	}
}
