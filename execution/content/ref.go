package content

import (
	"fmt"
	"strings"

	"github.com/ipfs/boxo/verifcid"
	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multihash"
)

// maxRefLen bounds the length of a reference ParseCID accepts. A CIDv1 with
// a 64-byte digest in base32 is about 120 characters.
const maxRefLen = 256

// ParseCID parses a script reference as users and job specs write it: a bare
// CID ("bafy…", "bafk…", or a CIDv0 "Qm…"), an "/ipfs/<cid>" path or an
// "ipfs://<cid>" URL. Paths inside a directory, query strings and
// surrounding white space are refused. The CID must pass CheckCID. Errors
// wrap ErrInvalidCID or ErrUnsupportedCID.
func ParseCID(ref string) (cid.Cid, error) {
	if len(ref) > maxRefLen {
		return cid.Undef, fmt.Errorf("%w: reference longer than %d bytes", ErrInvalidCID, maxRefLen)
	}
	s := ref
	switch {
	case strings.HasPrefix(s, "/ipfs/"):
		s = s[len("/ipfs/"):]
	case strings.HasPrefix(s, "ipfs://"):
		s = s[len("ipfs://"):]
	}
	if s == "" {
		return cid.Undef, fmt.Errorf("%w: empty reference", ErrInvalidCID)
	}
	if i := strings.IndexAny(s, "/?# \t\r\n"); i >= 0 {
		return cid.Undef, fmt.Errorf("%w: %q: unexpected %q (only a bare CID is accepted)", ErrInvalidCID, ref, s[i])
	}
	c, err := cid.Decode(s)
	if err != nil {
		return cid.Undef, fmt.Errorf("%w: %q: %w", ErrInvalidCID, ref, err)
	}
	if err := CheckCID(c); err != nil {
		return cid.Undef, err
	}
	return c, nil
}

// CheckCID reports whether c can name a file this package serves: codec
// dag-pb or raw, and a hash function that is secure (boxo's verifcid default
// allow list) and not the identity hash. Errors wrap ErrInvalidCID or
// ErrUnsupportedCID.
func CheckCID(c cid.Cid) error {
	if !c.Defined() {
		return fmt.Errorf("%w: undefined CID", ErrInvalidCID)
	}
	switch c.Type() {
	case cid.DagProtobuf, cid.Raw:
	default:
		return fmt.Errorf("%w: %s: codec 0x%x is neither dag-pb nor raw", ErrUnsupportedCID, c, c.Type())
	}
	if c.Prefix().MhType == multihash.IDENTITY {
		return fmt.Errorf("%w: %s: identity hash", ErrUnsupportedCID, c)
	}
	if err := verifcid.ValidateCid(verifcid.DefaultAllowlist, c); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrUnsupportedCID, c, err)
	}
	return nil
}
