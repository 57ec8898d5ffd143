package main

import (
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/node/keystore"
)

// account is one key holder of the network.
type account struct {
	Name          string         `json:"-"`
	Address       common.Address `json:"address"`
	ECDSAKeystore string         `json:"ecdsa_keystore"`
	BLSKeystore   string         `json:"bls_keystore,omitempty"`
	BLSPublicKey  string         `json:"bls_public_key,omitempty"`
	PasswordFile  string         `json:"password_file"`
}

// newAccount creates keys/<name>/ with a random password file, an ECDSA
// keystore and, when withBLS, a BLS keystore, all with the light KDF.
func newAccount(l layout, name string, withBLS bool) (*account, error) {
	dir := l.keyDir(name)
	pw := make([]byte, 16)
	if _, err := rand.Read(pw); err != nil {
		return nil, fmt.Errorf("generate password of %s: %w", name, err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create key directory of %s: %w", name, err)
	}
	a := &account{Name: name, PasswordFile: filepath.Join(dir, "password.txt")}
	password := hex.EncodeToString(pw)
	if err := os.WriteFile(a.PasswordFile, []byte(password+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("write password file of %s: %w", name, err)
	}
	var err error
	if a.ECDSAKeystore, a.Address, err = keystore.GenerateECDSA(dir, password, true); err != nil {
		return nil, fmt.Errorf("generate ECDSA key of %s: %w", name, err)
	}
	if withBLS {
		path, pk, err := keystore.GenerateBLS(dir, password, true)
		if err != nil {
			return nil, fmt.Errorf("generate BLS key of %s: %w", name, err)
		}
		a.BLSKeystore, a.BLSPublicKey = path, "0x"+hex.EncodeToString(pk[:])
	}
	return a, nil
}

// key decrypts the account's ECDSA key.
func (a *account) key() (*ecdsa.PrivateKey, error) {
	pw, err := keystore.ReadPasswordFile(a.PasswordFile)
	if err != nil {
		return nil, fmt.Errorf("read password of %s: %w", a.Name, err)
	}
	k, err := keystore.LoadECDSA(a.ECDSAKeystore, pw)
	if err != nil {
		return nil, fmt.Errorf("load key of %s: %w", a.Name, err)
	}
	return k, nil
}
