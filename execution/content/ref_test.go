package content_test

import (
	"testing"

	"github.com/ipfs/go-cid"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution/content"
)

const (
	rawV1  = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4"
	pbV1   = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"
	pbV0   = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"
	cborV1 = "bafyreigbtj4x7ip5legnfznufuopl4sg4knzc2cof6duas4b3q2fy6swua"
)

func TestParseCID(t *testing.T) {
	for _, tc := range []struct {
		ref  string
		want string // canonical CID; empty means an error
		err  error
	}{
		{ref: rawV1, want: rawV1},
		{ref: pbV1, want: pbV1},
		{ref: pbV0, want: pbV0},
		{ref: "/ipfs/" + pbV1, want: pbV1},
		{ref: "ipfs://" + rawV1, want: rawV1},
		{ref: "", err: content.ErrInvalidCID},
		{ref: "/ipfs/", err: content.ErrInvalidCID},
		{ref: "ipfs://", err: content.ErrInvalidCID},
		{ref: "not-a-cid", err: content.ErrInvalidCID},
		{ref: " " + pbV1, err: content.ErrInvalidCID},
		{ref: pbV1 + "\n", err: content.ErrInvalidCID},
		{ref: "/ipfs/" + pbV1 + "/script.js", err: content.ErrInvalidCID},
		{ref: "ipfs://" + pbV1 + "?filename=x", err: content.ErrInvalidCID},
		{ref: "/ipns/" + pbV1, err: content.ErrInvalidCID},
		{ref: "/ipfs//ipfs/" + pbV1, err: content.ErrInvalidCID},
		{ref: pbV1[:len(pbV1)-1], err: content.ErrInvalidCID},
		{ref: "bafkqaaa", err: content.ErrUnsupportedCID}, // identity hash
		{ref: cborV1, err: content.ErrUnsupportedCID},     // dag-cbor
		{ref: "/ipfs/" + string(make([]byte, 300)), err: content.ErrInvalidCID},
	} {
		t.Run(tc.ref, func(t *testing.T) {
			c, err := content.ParseCID(tc.ref)
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				require.False(t, c.Defined())
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, c.String())
		})
	}
}

// FuzzParseCID: ParseCID never panics, and whatever it accepts is a
// supported CID that round-trips through its string form.
func FuzzParseCID(f *testing.F) {
	for _, s := range []string{rawV1, pbV1, pbV0, cborV1, "/ipfs/" + pbV1, "ipfs://" + rawV1,
		"bafkqaaa", "", "/ipfs/", "Qm", "zb2rhe5P4gXftAwvA4eXQ5HJwsER2owDyS9sKaQRRVQPn93bA",
		"f01551220b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ref string) {
		c, err := content.ParseCID(ref)
		if err != nil {
			if c.Defined() {
				t.Fatalf("error %v with a defined CID", err)
			}
			return
		}
		if err := content.CheckCID(c); err != nil {
			t.Fatalf("accepted %q but CheckCID: %v", ref, err)
		}
		c2, err := content.ParseCID(c.String())
		if err != nil || !c2.Equals(c) {
			t.Fatalf("round trip of %q: %v, %v != %v", ref, err, c2, c)
		}
		c3, err := cid.Cast(c.Bytes())
		if err != nil || !c3.Equals(c) {
			t.Fatalf("binary round trip of %q: %v", ref, err)
		}
	})
}
