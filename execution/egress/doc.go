// Package egress owns the Docker network through which network-enabled job
// scripts reach the outside world, and the single host listener of the
// keeper's per-run HTTP proxies on it.
//
// Open creates an internal bridge network, firewalls its bridge on the host
// and starts one HTTP listener on the bridge's gateway address. Attach hands
// the sandbox a NetworkAccess for one run: the container joins the network,
// its proxy variables point at the listener, and once the container has
// started its IPv4 address is bound to the run's own proxy (an
// http.Handler, e.g. a *netproxy.Proxy). The listener routes every request
// by the source address of its connection to the handler bound to that
// address; a request from any other address gets 403 "unknown_source".
//
// # Threat model
//
// The script is hostile. The sandbox (execution/sandbox) already gives the
// container no capabilities, no route off the host (Internal=true) and a
// DNS resolver with no working upstream (CVE-2024-29018, see the sandbox
// package doc). What remains, and what this package closes:
//
//   - host services: an internal network only blocks forwarding; the host
//     itself accepts packets from the bridge on every local address (the
//     gateway, docker0's 172.17.0.1, the host's own addresses), so any
//     service bound to 0.0.0.0 (the keeper's RPC and metrics ports, redis,
//     ...) would be reachable. The firewall below drops them;
//   - other runs: the network is created with inter-container
//     communication disabled (com.docker.network.bridge.enable_icc=false),
//     so concurrent runs cannot talk to each other, and one run cannot use
//     another run's proxy because the listener routes by source address.
//     Containers run with every capability dropped (no CAP_NET_RAW, no
//     CAP_NET_ADMIN): they can neither change their address nor send
//     crafted packets, so a TCP connection to the listener always comes
//     from the address bound to its run (a SYN with a forged source bound
//     through IP_FREEBIND gets its answer delivered to the real owner of
//     that address and never completes the handshake). A connection keeps
//     the binding it was accepted under: once a run is released its
//     connections get 403 even if a later container reuses the address.
//
// # Firewall rules
//
// With N the network name, the bridge interface is named
// "txeg"+hex(sha256(N))[:8] and the rules live in a chain of their own,
// "TRIGGERX-"+hex(sha256(N))[:8]:
//
//	iptables  -N TRIGGERX-xxxxxxxx
//	iptables  -A TRIGGERX-xxxxxxxx -p tcp -d <gateway> --dport <port> -j ACCEPT
//	iptables  -A TRIGGERX-xxxxxxxx -j DROP
//	iptables  -I INPUT 1 -i txegxxxxxxxx -j TRIGGERX-xxxxxxxx
//	ip6tables -I INPUT 1 -i txegxxxxxxxx -j DROP   (link-local IPv6; skipped with a warning without ip6tables)
//
// Only the INPUT chain is touched: traffic between containers (FORWARD) is
// dropped by Docker's own enable_icc=false rules, and nothing is forwarded
// off an internal network. The rules are installed with exec of iptables
// (no shell), which needs root or CAP_NET_ADMIN; Open fails with ErrFirewall
// and undoes what it did when they cannot be installed.
//
// # Lifecycle and cleanup
//
// Use one Egress per keeper process, with a network name unique to it. Open
// removes what a crashed predecessor of the same name left behind: the
// firewall chain and its jump rules, and the network if it carries this
// package's label and has no container attached (otherwise Open fails with
// ErrNetwork). Close stops the listener, then removes the network and, once
// the network is gone, the firewall rules.
//
// # Concurrency contract
//
// Attach, the returned Bind and release functions, and the listener are
// safe for concurrent use. Close must be called once, after the runs using
// the network have finished; Bind after Close fails with ErrClosed.
package egress
