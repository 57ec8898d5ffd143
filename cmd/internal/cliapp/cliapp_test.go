package cliapp

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/urfave/cli/v2"
)

func TestEnv(t *testing.T) {
	require.Equal(t, []string{"TRIGGERX_P2P_BOOTSTRAP"}, Env("p2p-bootstrap"))
}

func TestMissingEnv(t *testing.T) {
	app := &cli.App{Commands: []*cli.Command{{
		Name:        "start",
		Flags:       []cli.Flag{String("data-dir", "", ""), &cli.StringFlag{Name: "naked"}},
		Subcommands: []*cli.Command{{Name: "sub", Flags: []cli.Flag{&cli.BoolFlag{Name: "b"}}}},
	}}}
	require.Equal(t, []string{"start --naked", "start sub --b"}, MissingEnv(app))
}
