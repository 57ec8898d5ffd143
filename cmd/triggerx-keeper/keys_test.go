package main

import (
	"crypto/ecdsa"
	"encoding/hex"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/node/keystore"
)

// keystoresIn returns the ECDSA and BLS keystore written to dir.
func keystoresIn(t *testing.T, dir string) (ecdsaPath, blsPath string) {
	t.Helper()
	e, err := filepath.Glob(filepath.Join(dir, "ecdsa-*.json"))
	require.NoError(t, err)
	b, err := filepath.Glob(filepath.Join(dir, "bls-*.json"))
	require.NoError(t, err)
	require.Len(t, e, 1)
	require.Len(t, b, 1)
	return e[0], b[0]
}

func unsetPasswordEnv(t *testing.T) {
	for _, name := range []string{cliapp.EnvECDSAPassword, cliapp.EnvBLSPassword, cliapp.EnvKeystorePassword, "TRIGGERX_PASSWORD_FILE"} {
		t.Setenv(name, "")
	}
}

func TestKeysGeneratePasswordSources(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "pw")
	require.NoError(t, os.WriteFile(file, []byte("from file\n"), 0o600))
	tests := []struct {
		name    string
		file    bool
		env     string
		want    string
		wantErr string
	}{
		{name: "file", file: true, want: "from file"},
		{name: "environment", env: "from env", want: "from env"},
		{name: "file beats environment", file: true, env: "from env", want: "from file"},
		{name: "no terminal", wantErr: "no keystore password for the new keystores in " + filepath.Join(dir, "no terminal") +
			": give --password-file, set TRIGGERX_KEYSTORE_PASSWORD, or run on a terminal to be prompted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			unsetPasswordEnv(t)
			t.Setenv(cliapp.EnvKeystorePassword, tt.env)
			out := filepath.Join(dir, tt.name)
			args := []string{"keys", "generate", "--light-kdf", "--out-dir", out}
			if tt.file {
				args = append(args, "--password-file", file)
			}
			_, err := runApp(t, app(), args...)
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				require.NoDirExists(t, out)
				return
			}
			require.NoError(t, err)
			e, b := keystoresIn(t, out)
			_, err = keystore.LoadECDSA(e, tt.want)
			require.NoError(t, err)
			_, err = keystore.LoadBLS(b, tt.want)
			require.NoError(t, err)
		})
	}
}

// TestRegisterPasswordsFromEnvironment: the on-chain commands read the
// keystore passwords from the environment when no file is named.
func TestRegisterPasswordsFromEnvironment(t *testing.T) {
	a := newKey(t)
	tc := newTestChain(t, map[*ecdsa.PrivateKey]*big.Int{a: eth(10)})
	k := tc.keys(a, nil)
	args := append([]string{"register"}, tc.chainArgs("--ecdsa-keystore", k.ecdsa, "--bls-keystore", k.bls, "--stake", eth(1).String())...)

	unsetPasswordEnv(t)
	_, err := tc.run(append(args, "--chain-id", "1")...)
	require.ErrorContains(t, err, "serves chain 1337, not --chain-id 1", "the chain is checked before any password is needed")
	_, err = tc.run(append(args[:len(args):len(args)], "--stake", "1")...)
	require.ErrorContains(t, err, "below the registry's minimum stake", "so is the registration")

	_, err = tc.run(args...)
	require.ErrorIs(t, err, cliapp.ErrNoPassword)
	require.ErrorContains(t, err, "give --ecdsa-password-file, set TRIGGERX_ECDSA_PASSWORD or TRIGGERX_KEYSTORE_PASSWORD, or run on a terminal")

	t.Setenv(cliapp.EnvECDSAPassword, testPassword)
	_, err = tc.run(args...)
	require.ErrorContains(t, err, "give --bls-password-file, set TRIGGERX_BLS_PASSWORD or TRIGGERX_KEYSTORE_PASSWORD, or run on a terminal")

	t.Setenv(cliapp.EnvBLSPassword, "wrong")
	t.Setenv(cliapp.EnvKeystorePassword, testPassword)
	_, err = tc.run(args...)
	require.ErrorIs(t, err, keystore.ErrWrongPassword, "the specific variable wins")

	t.Setenv(cliapp.EnvBLSPassword, "")
	out, err := tc.run(args...)
	require.NoError(t, err)
	require.Contains(t, out, "as id 1")
}

// TestNoSecretsInOutput runs the key commands, and the failures around
// them, and checks that no password or private key reaches stdout, stderr or
// an error.
func TestNoSecretsInOutput(t *testing.T) {
	unsetPasswordEnv(t)
	const password = "Tr0ub4dor&3-never-print-me"
	dir := t.TempDir()
	pwFile := filepath.Join(dir, "pw")
	require.NoError(t, os.WriteFile(pwFile, []byte(password+"\n"), 0o600))
	wrongFile := filepath.Join(dir, "wrong")
	require.NoError(t, os.WriteFile(wrongFile, []byte("not-it-either-"+password[:6]+"\n"), 0o600))

	ecdsaKey := newKey(t)
	ecdsaHex := hex.EncodeToString(crypto.FromECDSA(ecdsaKey))
	blsKey, err := attestation.GenerateBLSKey()
	require.NoError(t, err)
	blsHex := hex.EncodeToString(blsKey.Bytes())
	secrets := []string{password, ecdsaHex, blsHex}

	var outputs []string
	run := func(wantErr bool, args ...string) {
		t.Helper()
		out, err := runApp(t, app(), args...)
		if wantErr {
			require.Error(t, err, "%v", args)
			out += "\n" + err.Error()
		} else {
			require.NoError(t, err, "%v", args)
		}
		outputs = append(outputs, out)
	}
	gen, genEnv, imp := filepath.Join(dir, "gen"), filepath.Join(dir, "gen-env"), filepath.Join(dir, "imp")
	run(false, "keys", "generate", "--light-kdf", "--out-dir", gen, "--password-file", pwFile)
	t.Setenv(cliapp.EnvKeystorePassword, password)
	run(false, "keys", "generate", "--light-kdf", "--out-dir", genEnv)
	t.Setenv(cliapp.EnvKeystorePassword, "")
	run(false, "keys", "import", "--light-kdf", "--out-dir", imp, "--password-file", pwFile,
		"--ecdsa-private-key", "0x"+ecdsaHex, "--bls-private-key", blsHex)
	t.Setenv("TRIGGERX_ECDSA_PRIVATE_KEY", ecdsaHex)
	run(true, "keys", "import", "--light-kdf", "--out-dir", imp, "--password-file", pwFile) // exists
	t.Setenv("TRIGGERX_ECDSA_PRIVATE_KEY", "")
	run(true, "keys", "import", "--light-kdf", "--out-dir", filepath.Join(dir, "bad"), "--password-file", pwFile,
		"--ecdsa-private-key", ecdsaHex[:40]+"zz"+ecdsaHex[42:])
	run(true, "keys", "import", "--light-kdf", "--out-dir", filepath.Join(dir, "bad"), "--password-file", pwFile,
		"--bls-private-key", blsHex[:40]+"zz"+blsHex[42:])
	run(true, "keys", "import", "--light-kdf", "--out-dir", filepath.Join(dir, "bad"), "--password-file", pwFile,
		"--ecdsa-private-key", ecdsaHex[:62])
	run(true, "keys", "import", "--light-kdf", "--out-dir", filepath.Join(dir, "bad"), "--password-file", pwFile)

	for _, d := range []string{gen, genEnv, imp} {
		e, b := keystoresIn(t, d)
		run(false, "keys", "show", "--ecdsa-keystore", e, "--bls-keystore", b)
		k, err := keystore.LoadECDSA(e, password)
		require.NoError(t, err)
		sk, err := keystore.LoadBLS(b, password)
		require.NoError(t, err)
		secrets = append(secrets, hex.EncodeToString(crypto.FromECDSA(k)), hex.EncodeToString(sk.Bytes()))
	}

	// A wrong password on an on-chain command.
	tc := newTestChain(t, map[*ecdsa.PrivateKey]*big.Int{ecdsaKey: eth(10)})
	e, b := keystoresIn(t, imp)
	out, err := tc.run(append([]string{"register"}, tc.chainArgs("--ecdsa-keystore", e, "--ecdsa-password-file", wrongFile,
		"--bls-keystore", b, "--bls-password-file", pwFile, "--stake", eth(1).String())...)...)
	require.ErrorIs(t, err, keystore.ErrWrongPassword)
	outputs = append(outputs, out+"\n"+err.Error())

	require.Contains(t, outputs[2], "controller address: "+crypto.PubkeyToAddress(ecdsaKey.PublicKey).Hex(), "the import worked")
	for i, out := range outputs {
		lower := strings.ToLower(out)
		for _, s := range secrets {
			require.NotContains(t, lower, strings.ToLower(s), "output %d:\n%s", i, out)
			require.NotContains(t, lower, strings.ToLower(s[:16]), "output %d holds part of a secret:\n%s", i, out)
		}
	}
}
