package attestation

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func BenchmarkBLSSign(b *testing.B) {
	k, _ := GenerateBLSKey()
	msg := [32]byte{1}
	for b.Loop() {
		k.Sign(msg)
	}
}

func BenchmarkBLSVerify(b *testing.B) {
	k, _ := GenerateBLSKey()
	msg := [32]byte{1}
	sig := k.Sign(msg)
	pk := k.PublicKey()
	for b.Loop() {
		if !VerifyBLS(pk, msg, sig) {
			b.Fatal("verify failed")
		}
	}
}

func BenchmarkBLSAggregateAndVerify(b *testing.B) {
	for _, n := range []int{4, 16, 64} {
		msg := [32]byte{2}
		pks := make([]BLSPublicKey, n)
		sigs := make([]BLSSignature, n)
		for i := range n {
			k, _ := GenerateBLSKey()
			pks[i], sigs[i] = k.PublicKey(), k.Sign(msg)
		}
		b.Run(fmt.Sprintf("signers=%d", n), func(b *testing.B) {
			for b.Loop() {
				agg, err := AggregateBLS(sigs)
				if err != nil || !FastAggregateVerifyBLS(pks, msg, agg) {
					b.Fatal("aggregate verify failed")
				}
			}
		})
	}
}

func BenchmarkSelectPerformer(b *testing.B) {
	for _, n := range []int{4, 64, 512} {
		ks := make([]Keeper, n)
		for i := range ks {
			ks[i] = Keeper{ID: uint64(i + 1), Address: common.BigToAddress(big.NewInt(int64(i + 1))), Stake: big.NewInt(int64(1 + i%7)), Active: true}
		}
		b.Run(fmt.Sprintf("keepers=%d", n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				if _, err := SelectPerformer(TaskID(uint64(i), TimeTriggerKey(int64(i))), ks, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
