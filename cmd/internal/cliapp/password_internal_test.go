package cliapp

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/urfave/cli/v2"
)

// fakeTerminal is a terminal whose input is scripted; it records whether
// echo was off while each line was read.
type fakeTerminal struct {
	in       io.Reader
	echoOff  bool
	disabled int
	restored int
}

func (f *fakeTerminal) Read(p []byte) (int, error) {
	if !f.echoOff {
		return 0, errors.New("read with echo on")
	}
	return f.in.Read(p)
}

func (f *fakeTerminal) disableEcho() (func() error, error) {
	f.echoOff = true
	f.disabled++
	return func() error { f.echoOff = false; f.restored++; return nil }, nil
}

func TestPassword(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "pw")
	require.NoError(t, os.WriteFile(file, []byte("from-file\n"), 0o600))
	src := PasswordSource{What: "ECDSA keystore k.json", FileFlag: FlagECDSAPassword, EnvVars: []string{EnvECDSAPassword, EnvKeystorePassword}}
	confirm := src
	confirm.Confirm = true

	tests := []struct {
		name    string
		src     PasswordSource
		args    []string
		env     map[string]string
		stdin   io.Reader // a *fakeTerminal is a terminal
		want    string
		wantErr string
	}{
		{name: "file", src: src, args: []string{"--" + FlagECDSAPassword, file}, want: "from-file"},
		{name: "file beats environment", src: src, args: []string{"--" + FlagECDSAPassword, file},
			env: map[string]string{EnvECDSAPassword: "from-env"}, want: "from-file"},
		{name: "file beats prompt", src: src, args: []string{"--" + FlagECDSAPassword, file},
			stdin: &fakeTerminal{in: strings.NewReader("typed\n")}, want: "from-file"},
		{name: "missing file", src: src, args: []string{"--" + FlagECDSAPassword, filepath.Join(dir, "missing")}, wantErr: "read password file"},
		{name: "environment", src: src, env: map[string]string{EnvECDSAPassword: "from-env"}, want: "from-env"},
		{name: "specific variable beats shared", src: src,
			env: map[string]string{EnvECDSAPassword: "specific", EnvKeystorePassword: "shared"}, want: "specific"},
		{name: "shared variable", src: src, env: map[string]string{EnvKeystorePassword: "shared"}, want: "shared"},
		{name: "environment beats prompt", src: src, env: map[string]string{EnvKeystorePassword: "shared"},
			stdin: &fakeTerminal{in: strings.NewReader("typed\n")}, want: "shared"},
		{name: "empty variable is unset", src: src, env: map[string]string{EnvECDSAPassword: ""}, stdin: strings.NewReader("piped\n"),
			wantErr: "no keystore password for the ECDSA keystore k.json: give --ecdsa-password-file, set TRIGGERX_ECDSA_PASSWORD or TRIGGERX_KEYSTORE_PASSWORD, or run on a terminal to be prompted"},
		{name: "not a terminal", src: src, stdin: strings.NewReader("piped\n"), wantErr: "or run on a terminal to be prompted"},
		{name: "prompt", src: src, stdin: &fakeTerminal{in: strings.NewReader("typed\r\nrest")}, want: "typed"},
		{name: "prompt at end of input", src: src, stdin: &fakeTerminal{in: strings.NewReader("typed")}, want: "typed"},
		{name: "prompt closed", src: src, stdin: &fakeTerminal{in: strings.NewReader("")}, wantErr: "read password"},
		{name: "prompt empty", src: src, stdin: &fakeTerminal{in: strings.NewReader("\n")}, wantErr: "the password is empty"},
		{name: "confirmed", src: confirm, stdin: &fakeTerminal{in: strings.NewReader("new pw\nnew pw\n")}, want: "new pw"},
		{name: "confirmation differs", src: confirm, stdin: &fakeTerminal{in: strings.NewReader("new pw\nnew pq\n")}, wantErr: "the two entries differ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, name := range []string{EnvECDSAPassword, EnvBLSPassword, EnvKeystorePassword} {
				t.Setenv(name, tt.env[name])
			}
			var got string
			var stderr bytes.Buffer
			cmd := &cli.Command{Name: "x", Flags: ECDSAFlags(), Action: func(c *cli.Context) (err error) {
				got, err = Password(c, tt.src)
				return err
			}}
			app := &cli.App{Name: "t", Commands: []*cli.Command{cmd}, Reader: tt.stdin, Writer: io.Discard, ErrWriter: &stderr}
			if app.Reader == nil {
				app.Reader = strings.NewReader("")
			}
			err := app.Run(append([]string{"t", "x"}, tt.args...))
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				require.NotContains(t, err.Error(), "typed")
				require.NotContains(t, err.Error(), "new p")
			} else {
				require.NoError(t, err)
				require.Equal(t, tt.want, got)
			}
			if ft, ok := tt.stdin.(*fakeTerminal); ok {
				require.Equal(t, ft.disabled, ft.restored, "echo restored after each prompt")
				require.False(t, ft.echoOff)
				if ft.disabled > 0 {
					require.Contains(t, stderr.String(), "Password for the ECDSA keystore k.json: ")
				}
			}
			require.NotContains(t, stderr.String(), "typed")
			require.NotContains(t, stderr.String(), "new p")
		})
	}
}

func TestPasswordFileNotTerminal(t *testing.T) {
	// A regular file on standard input is not a terminal.
	f, err := os.CreateTemp(t.TempDir(), "stdin")
	require.NoError(t, err)
	defer f.Close()
	_, ok := asTerminal(f)
	require.False(t, ok)
	_, ok = asTerminal((*os.File)(nil))
	require.False(t, ok)
	_, ok = asTerminal(&fakeTerminal{})
	require.True(t, ok)
}
