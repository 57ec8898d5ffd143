package main

import (
	"testing"

	"github.com/triggerx-network/triggerx/cmd/internal/clitest"
)

func TestFlagsAndReference(t *testing.T) { clitest.Check(t, app()) }
