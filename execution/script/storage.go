package script

import (
	"fmt"
	"maps"
	"unicode/utf8"
)

// Storage limits. A job's storage is a small key-value map that a script
// reads in its Context and updates through its Output; the limits hold for
// the storage after every update, and for each update map.
const (
	MaxStorageKeys   = 64        // keys in a job's storage (and in one update)
	MaxStorageKeyLen = 64        // bytes of a key
	MaxStorageValLen = 1024      // bytes of a value
	MaxStorageBytes  = 16 * 1024 // sum of the lengths of all keys and values
)

// ValidateStorage checks a job's storage, or one storage update, against the
// rules: at most MaxStorageKeys keys; keys of 1 to MaxStorageKeyLen bytes of
// [A-Za-z0-9_.-]; values valid UTF-8 of at most MaxStorageValLen bytes; in
// all at most MaxStorageBytes. Errors wrap ErrStorageInvalid.
func ValidateStorage(s map[string]string) error {
	if len(s) > MaxStorageKeys {
		return fmt.Errorf("%w: %d keys, at most %d", ErrStorageInvalid, len(s), MaxStorageKeys)
	}
	total := 0
	for k, v := range s {
		if err := checkKey(k); err != nil {
			return err
		}
		if len(v) > MaxStorageValLen {
			return fmt.Errorf("%w: value of %q is %d bytes, at most %d", ErrStorageInvalid, k, len(v), MaxStorageValLen)
		}
		if !utf8.ValidString(v) {
			return fmt.Errorf("%w: value of %q is not valid UTF-8", ErrStorageInvalid, k)
		}
		total += len(k) + len(v)
	}
	if total > MaxStorageBytes {
		return fmt.Errorf("%w: %d bytes, at most %d", ErrStorageInvalid, total, MaxStorageBytes)
	}
	return nil
}

func checkKey(k string) error {
	if k == "" || len(k) > MaxStorageKeyLen {
		return fmt.Errorf("%w: key %q must be 1 to %d bytes", ErrStorageInvalid, clip(k), MaxStorageKeyLen)
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') {
			return fmt.Errorf("%w: key %q: want only [A-Za-z0-9_.-]", ErrStorageInvalid, clip(k))
		}
	}
	return nil
}

// ApplyStorage returns the storage that results from applying updates to
// storage: a key set to "" is deleted, any other value replaces the old one.
// storage is not modified. The result is validated (ValidateStorage), so a
// script cannot grow the storage past the limits across runs.
func ApplyStorage(storage, updates map[string]string) (map[string]string, error) {
	out := maps.Clone(storage)
	if out == nil {
		out = map[string]string{}
	}
	for k, v := range updates {
		if v == "" {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	if err := ValidateStorage(out); err != nil {
		return nil, fmt.Errorf("apply storage updates: %w", err)
	}
	return out, nil
}

// clip shortens s for an error message.
func clip(s string) string {
	const maxLen = 80
	if len(s) <= maxLen {
		return s
	}
	return s[:maxLen] + "…"
}
