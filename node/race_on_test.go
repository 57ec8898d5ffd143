//go:build race

package node_test

// raceDetector tells the fault tests that the race detector slows every
// process about tenfold: they run smaller loads (scripts/faults.sh runs the
// full ones without it).
const raceDetector = true
