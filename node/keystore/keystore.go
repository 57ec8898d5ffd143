// Package keystore stores a keeper's keys encrypted at rest: the ECDSA
// controller key in a go-ethereum keystore v3 file and the BLS voting key in
// an EIP-2335 keystore, so both can be moved to and from standard tooling.
//
// Every constructor takes a light flag: light keystores use cheap KDF
// parameters (tests, the local network); the default uses the standard ones
// (scrypt n=2^18), which cost about a second and 256 MiB to open.
//
// Decoders validate every field, and bound the KDF cost, before deriving a
// key, so a corrupted or hostile file yields ErrInvalidKeystore, never a
// panic or an unbounded allocation. Files are written 0600 in directories
// created 0700 and are never overwritten.
//
// Concurrency: the package holds no state; all functions are safe for
// concurrent use.
package keystore

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/crypto/pbkdf2"
	"golang.org/x/crypto/scrypt"
)

// Errors callers branch on.
var (
	// ErrWrongPassword is returned when the password does not open the
	// keystore. A keystore whose checksum (MAC) was altered reads the same:
	// the two cannot be told apart.
	ErrWrongPassword = errors.New("wrong keystore password")
	// ErrInvalidKeystore is returned for a file that is not a well-formed
	// keystore of the expected kind, uses an unsupported algorithm, has KDF
	// parameters outside our bounds, or whose contents are inconsistent.
	ErrInvalidKeystore = errors.New("invalid keystore")
)

// KDF bounds. The standard parameters (scrypt n=2^18, r=8, p=1; pbkdf2
// c=2^18) sit inside them.
const (
	maxScryptMemory = 1 << 28 // 128·r·n bytes: 256 MiB
	maxScryptP      = 16
	maxPBKDF2Rounds = 1 << 22
	minDKLen        = 32
	maxDKLen        = 64
	maxSaltLen      = 1024
)

const (
	kdfScrypt = "scrypt"
	kdfPBKDF2 = "pbkdf2"
	prfSHA256 = "hmac-sha256"
)

// kdfParams holds the parameters of either KDF; the JSON names are the
// same in keystore v3 ("kdfparams") and EIP-2335 ("kdf.params").
type kdfParams struct {
	DKLen int    `json:"dklen"`
	N     int    `json:"n,omitempty"`
	R     int    `json:"r,omitempty"`
	P     int    `json:"p,omitempty"`
	C     int    `json:"c,omitempty"`
	PRF   string `json:"prf,omitempty"`
	Salt  string `json:"salt"`
}

// check validates the parameters of function f against our bounds.
func (p kdfParams) check(f string) error {
	if p.DKLen < minDKLen || p.DKLen > maxDKLen {
		return fmt.Errorf("%w: kdf dklen %d outside [%d, %d]", ErrInvalidKeystore, p.DKLen, minDKLen, maxDKLen)
	}
	salt, err := hex.DecodeString(p.Salt)
	if err != nil || len(salt) == 0 || len(salt) > maxSaltLen {
		return fmt.Errorf("%w: kdf salt is not 1 to %d bytes of hex", ErrInvalidKeystore, maxSaltLen)
	}
	switch f {
	case kdfScrypt:
		if p.N <= 1 || p.N&(p.N-1) != 0 {
			return fmt.Errorf("%w: scrypt n %d is not a power of two above 1", ErrInvalidKeystore, p.N)
		}
		if p.R < 1 || p.P < 1 || p.P > maxScryptP {
			return fmt.Errorf("%w: scrypt r %d, p %d out of range", ErrInvalidKeystore, p.R, p.P)
		}
		if int64(p.R) > maxScryptMemory/128/int64(p.N) {
			return fmt.Errorf("%w: scrypt n %d, r %d need more than %d MiB", ErrInvalidKeystore, p.N, p.R, maxScryptMemory>>20)
		}
	case kdfPBKDF2:
		if p.PRF != prfSHA256 {
			return fmt.Errorf("%w: pbkdf2 prf %q, want %q", ErrInvalidKeystore, p.PRF, prfSHA256)
		}
		if p.C < 1 || p.C > maxPBKDF2Rounds {
			return fmt.Errorf("%w: pbkdf2 c %d outside [1, %d]", ErrInvalidKeystore, p.C, maxPBKDF2Rounds)
		}
	default:
		return fmt.Errorf("%w: unsupported kdf %q", ErrInvalidKeystore, f)
	}
	return nil
}

// cost is a rough measure of the work deriving a key takes (scrypt n·r·p,
// pbkdf2 c); fuzz tests skip the derivation when it is high.
func (p kdfParams) cost(f string) int64 {
	if f == kdfScrypt {
		return int64(p.N) * int64(p.R) * int64(p.P)
	}
	return int64(p.C)
}

// derive runs the KDF. p must have passed check(f).
func (p kdfParams) derive(f string, password []byte) ([]byte, error) {
	salt, err := hex.DecodeString(p.Salt)
	if err != nil {
		return nil, fmt.Errorf("%w: kdf salt: %v", ErrInvalidKeystore, err)
	}
	if f == kdfPBKDF2 {
		return pbkdf2.Key(password, salt, p.C, p.DKLen, sha256.New), nil
	}
	dk, err := scrypt.Key(password, salt, p.N, p.R, p.P, p.DKLen)
	if err != nil {
		return nil, fmt.Errorf("%w: scrypt: %v", ErrInvalidKeystore, err)
	}
	return dk, nil
}

// decodeHex decodes a hex field, with or without 0x, of exactly n bytes
// (any length when n < 0).
func decodeHex(field, s string, n int) ([]byte, error) {
	b, err := hex.DecodeString(trim0x(s))
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not hex", ErrInvalidKeystore, field)
	}
	if n >= 0 && len(b) != n {
		return nil, fmt.Errorf("%w: %s is %d bytes, want %d", ErrInvalidKeystore, field, len(b), n)
	}
	return b, nil
}

// ReadPasswordFile returns the contents of a password file without its one
// trailing newline ("\n" or "\r\n"), as written by `echo pw > file`.
func ReadPasswordFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read password file: %w", err)
	}
	b, ok := bytes.CutSuffix(b, []byte("\n"))
	if ok {
		b, _ = bytes.CutSuffix(b, []byte("\r"))
	}
	return string(b), nil
}

// writeNew writes data to dir/name, creating dir 0700 if needed and the file
// 0600. It never overwrites an existing file.
func writeNew(dir, name string, data []byte) (path string, err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create keystore directory: %w", err)
	}
	path = filepath.Join(dir, name)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("create keystore file: %w", err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close keystore file: %w", cerr)
		}
		if err != nil {
			_ = os.Remove(path)
			path = ""
		}
	}()
	if _, err := f.Write(data); err != nil {
		return "", fmt.Errorf("write keystore file: %w", err)
	}
	if err := f.Sync(); err != nil {
		return "", fmt.Errorf("sync keystore file: %w", err)
	}
	return path, nil
}

// readFile reads a keystore file, refusing anything implausibly large.
func readFile(path string) ([]byte, error) {
	const maxSize = 1 << 20
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open keystore: %w", err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(f, maxSize+1)); err != nil {
		return nil, fmt.Errorf("read keystore: %w", err)
	}
	if buf.Len() > maxSize {
		return nil, fmt.Errorf("%w: %s is larger than %d bytes", ErrInvalidKeystore, path, maxSize)
	}
	return buf.Bytes(), nil
}
