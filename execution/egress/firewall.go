package egress

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/netip"
	"os/exec"
	"strconv"
	"strings"

	"go.uber.org/zap"
)

// names derived from the network name: the bridge interface (≤ 15 bytes,
// IFNAMSIZ) and the iptables chain (≤ 28 bytes).
func bridgeName(network string) string { return "txeg" + shortHash(network) }
func chainName(network string) string  { return "TRIGGERX-" + shortHash(network) }

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

// firewall installs and removes the INPUT rules of one bridge.
type firewall struct {
	bridge, chain string
	ipt, ip6t     string // binary paths; ip6t "" when absent
	log           *zap.Logger
}

// newFirewall finds iptables (required) and ip6tables (optional).
func newFirewall(network string, log *zap.Logger) (*firewall, error) {
	f := &firewall{bridge: bridgeName(network), chain: chainName(network), log: log}
	ipt, err := lookBin("iptables")
	if err != nil {
		return nil, fmt.Errorf("find iptables (egress needs iptables and root or CAP_NET_ADMIN): %w: %w", ErrFirewall, err)
	}
	f.ipt = ipt
	if f.ip6t, err = lookBin("ip6tables"); err != nil {
		log.Warn("ip6tables not found: link-local IPv6 from the egress bridge is not firewalled", zap.String("bridge", f.bridge), zap.Error(err))
		f.ip6t = ""
	}
	return f, nil
}

// lookBin finds a binary in PATH or, since PATH often lacks them, in the
// sbin directories.
func lookBin(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	for _, dir := range []string{"/usr/sbin", "/sbin", "/usr/local/sbin"} {
		if p, err := exec.LookPath(dir + "/" + name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not in PATH nor in /usr/sbin, /sbin, /usr/local/sbin", name)
}

// run execs one iptables command (waiting for the xtables lock).
func run(ctx context.Context, bin string, args ...string) error {
	cmd := exec.CommandContext(ctx, bin, append([]string{"-w", "5"}, args...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w: %s", bin, strings.Join(args, " "), err, strings.TrimSpace(out.String()))
	}
	return nil
}

// install adds the rules: only the proxy's port on the gateway is accepted
// from the bridge.
func (f *firewall) install(ctx context.Context, gw netip.Addr, port int) error {
	steps := [][]string{
		{"-N", f.chain},
		{"-A", f.chain, "-p", "tcp", "-d", gw.String(), "--dport", strconv.Itoa(port), "-j", "ACCEPT"},
		{"-A", f.chain, "-j", "DROP"},
		{"-I", "INPUT", "1", "-i", f.bridge, "-j", f.chain},
	}
	for _, s := range steps {
		if err := run(ctx, f.ipt, s...); err != nil {
			return fmt.Errorf("install firewall (egress needs root or CAP_NET_ADMIN): %w: %w", ErrFirewall, err)
		}
	}
	if f.ip6t != "" {
		if err := run(ctx, f.ip6t, "-I", "INPUT", "1", "-i", f.bridge, "-j", "DROP"); err != nil {
			return fmt.Errorf("install ipv6 firewall: %w: %w", ErrFirewall, err)
		}
	}
	return nil
}

// remove deletes the rules, including leftovers of a crashed process, and
// checks the chain is gone.
func (f *firewall) remove(ctx context.Context) error {
	const maxRules = 64 // duplicates from repeated crashes
	for i := 0; i < maxRules && run(ctx, f.ipt, "-D", "INPUT", "-i", f.bridge, "-j", f.chain) == nil; i++ {
	}
	if f.ip6t != "" {
		for i := 0; i < maxRules && run(ctx, f.ip6t, "-D", "INPUT", "-i", f.bridge, "-j", "DROP") == nil; i++ {
		}
	}
	if run(ctx, f.ipt, "-S", f.chain) != nil {
		return nil // no chain
	}
	var errs []error
	for _, s := range [][]string{{"-F", f.chain}, {"-X", f.chain}} {
		if err := run(ctx, f.ipt, s...); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("remove firewall chain %s: %w: %w", f.chain, ErrFirewall, err)
	}
	return nil
}
