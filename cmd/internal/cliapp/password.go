package cliapp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/moby/term"
	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/node/keystore"
)

// Environment variables that hold a keystore password itself (not a file
// name). They are not flags, so that no flag reference or --help shows a
// default value for them.
const (
	EnvECDSAPassword    = "TRIGGERX_ECDSA_PASSWORD"
	EnvBLSPassword      = "TRIGGERX_BLS_PASSWORD"
	EnvKeystorePassword = "TRIGGERX_KEYSTORE_PASSWORD"
)

// ErrNoPassword is returned when no password source is available: no
// password file, no password variable, and standard input is not a terminal.
var ErrNoPassword = errors.New("no keystore password")

// PasswordSource says where the password of one keystore comes from, in
// order: the file named by FileFlag, else the first non-empty variable of
// EnvVars, else a prompt when standard input is a terminal (without echo;
// asked twice when Confirm, for a keystore about to be written).
type PasswordSource struct {
	What     string   // what the password opens, for the prompt and errors: "ECDSA keystore keys/ecdsa.json"
	FileFlag string   // flag naming a password file
	EnvVars  []string // variables holding the password itself, first wins
	Confirm  bool     // ask twice and compare
}

// Password reads the password src describes. It never includes the
// password in an error.
func Password(c *cli.Context, src PasswordSource) (string, error) {
	if path := c.String(src.FileFlag); path != "" {
		return keystore.ReadPasswordFile(path)
	}
	for _, name := range src.EnvVars {
		if pw := os.Getenv(name); pw != "" {
			return pw, nil
		}
	}
	t, ok := asTerminal(c.App.Reader)
	if !ok {
		return "", fmt.Errorf("%w for the %s: give --%s, set %s, or run on a terminal to be prompted",
			ErrNoPassword, src.What, src.FileFlag, strings.Join(src.EnvVars, " or "))
	}
	return prompt(c.Context, t, c.App.ErrWriter, src)
}

// terminal is an interactive input whose echo can be turned off.
type terminal interface {
	io.Reader
	disableEcho() (restore func() error, err error)
}

// ttyFile is a terminal device.
type ttyFile struct{ *os.File }

func (f ttyFile) disableEcho() (func() error, error) {
	state, err := term.SaveState(f.Fd())
	if err != nil {
		return nil, err
	}
	if err := term.DisableEcho(f.Fd(), state); err != nil {
		return nil, err
	}
	return func() error { return term.RestoreTerminal(f.Fd(), state) }, nil
}

// asTerminal reports whether r is a terminal we can prompt on.
func asTerminal(r io.Reader) (terminal, bool) {
	switch r := r.(type) {
	case terminal:
		return r, true
	case *os.File:
		if r != nil && term.IsTerminal(r.Fd()) {
			return ttyFile{r}, true
		}
	}
	return nil, false
}

// prompt asks for the password on out and reads it from t without echo,
// twice when src.Confirm. An empty password is refused.
func prompt(ctx context.Context, t terminal, out io.Writer, src PasswordSource) (string, error) {
	if out == nil {
		out = os.Stderr
	}
	pw, err := promptOnce(ctx, t, out, fmt.Sprintf("Password for the %s: ", src.What))
	if err != nil {
		return "", err
	}
	if pw == "" {
		return "", fmt.Errorf("%w for the %s: the password is empty", ErrNoPassword, src.What)
	}
	if !src.Confirm {
		return pw, nil
	}
	again, err := promptOnce(ctx, t, out, "Repeat the password: ")
	if err != nil {
		return "", err
	}
	if again != pw {
		return "", fmt.Errorf("password for the %s: the two entries differ", src.What)
	}
	return pw, nil
}

func promptOnce(ctx context.Context, t terminal, out io.Writer, question string) (string, error) {
	fmt.Fprint(out, question)
	restore, err := t.disableEcho()
	if err != nil {
		return "", fmt.Errorf("turn off terminal echo: %w", err)
	}
	type line struct {
		s   string
		err error
	}
	done := make(chan line, 1)
	go func() {
		s, err := readLine(t)
		done <- line{s, err}
	}()
	var l line
	select {
	case l = <-done:
	case <-ctx.Done():
		// The reader stays blocked until the process exits; the
		// terminal gets its echo back now.
		l.err = ctx.Err()
	}
	fmt.Fprintln(out) // the user's newline was not echoed
	if err := restore(); err != nil && l.err == nil {
		l.err = fmt.Errorf("restore terminal echo: %w", err)
	}
	if l.err != nil {
		return "", fmt.Errorf("read password: %w", l.err)
	}
	return l.s, nil
}

// readLine reads up to a newline, a byte at a time so that nothing after the
// line is consumed, and drops the newline and a carriage return before it.
func readLine(r io.Reader) (string, error) {
	var b []byte
	var c [1]byte
	for {
		n, err := r.Read(c[:])
		if n == 1 {
			if c[0] == '\n' {
				break
			}
			b = append(b, c[0])
			continue
		}
		if errors.Is(err, io.EOF) {
			if len(b) == 0 {
				return "", io.ErrUnexpectedEOF
			}
			break
		}
		if err != nil {
			return "", err
		}
	}
	return strings.TrimSuffix(string(b), "\r"), nil
}
