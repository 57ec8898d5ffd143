package attestation

import (
	"bytes"
	"maps"
	"slices"

	"github.com/ethereum/go-ethereum/common"
)

// Runtimes of job scripts.
const (
	RuntimeNode       = "node"
	RuntimeTypeScript = "typescript"
	RuntimePython     = "python"
	RuntimeGo         = "go"
)

// Script is the user script of a job with task definition 2, 4, 6 or 7: it
// computes the arguments of the job's function (2, 4, 6), or decides
// whether and what to call (7).
type Script struct {
	CID     string `json:"cid"`     // CIDv1 of the script as a UnixFS file
	Runtime string `json:"runtime"` // RuntimeNode, RuntimeTypeScript, RuntimePython or RuntimeGo
	// AllowedHosts are the hosts the script may reach through the keeper's
	// proxy (host or host:port, "*.example.com"); none: no network at all.
	AllowedHosts []string `json:"allowed_hosts,omitzero"`
	// TolerancePaths and RelativeTolerance let attesters accept a
	// re-fetched response whose numbers at these JSON key paths moved by at
	// most this relative amount (a decimal, e.g. "0.005").
	TolerancePaths    []string `json:"tolerance_paths,omitzero"`
	RelativeTolerance string   `json:"relative_tolerance,omitzero"`
}

// Clone returns a deep copy of s.
func (s *Script) Clone() *Script {
	if s == nil {
		return nil
	}
	c := *s
	c.AllowedHosts = slices.Clone(s.AllowedHosts)
	c.TolerancePaths = slices.Clone(s.TolerancePaths)
	return &c
}

// hashInto appends the script's commitment words.
func (s *Script) hashInto(b *bytes.Buffer) {
	str := func(v string) { h := keccak([]byte(v)); b.Write(h[:]) }
	b.Write(scriptDomain[:])
	str(s.CID)
	str(s.Runtime)
	b.Write(uintWord(uint64(len(s.AllowedHosts))))
	for _, h := range s.AllowedHosts {
		str(h)
	}
	b.Write(uintWord(uint64(len(s.TolerancePaths))))
	for _, p := range s.TolerancePaths {
		str(p)
	}
	str(s.RelativeTolerance)
}

// ScriptRun is the performer's account of running a job's script: the
// inputs it chose (the block and time the script's context named), what
// went in and came out (hashes of the canonical context and output), the
// network transcript attesters replay, and the resources it used.
type ScriptRun struct {
	Block       uint64      `json:"block"`
	Timestamp   int64       `json:"timestamp"`
	ContextHash common.Hash `json:"context_hash"`
	OutputHash  common.Hash `json:"output_hash"`
	// Transcript is the CID of the recorded network transcript and
	// TranscriptHash its hash; both empty when the script used no network.
	Transcript     string      `json:"transcript,omitzero"`
	TranscriptHash common.Hash `json:"transcript_hash,omitzero"`
	Resources      Resources   `json:"resources"`
	// StorageUpdates are the script's changes to the job's key-value
	// storage ("" deletes a key), applied once the task is accepted.
	StorageUpdates map[string]string `json:"storage_updates,omitzero"`
}

// Resources is what one script run used.
type Resources struct {
	DurationMs      uint64 `json:"duration_ms"`
	PeakMemoryBytes uint64 `json:"peak_memory_bytes"`
	CPUTimeMs       uint64 `json:"cpu_time_ms"`
	NetRequests     uint64 `json:"net_requests"`
	NetBytes        uint64 `json:"net_bytes"`
}

// Clone returns a copy of r.
func (r *ScriptRun) Clone() *ScriptRun {
	if r == nil {
		return nil
	}
	c := *r
	c.StorageUpdates = maps.Clone(r.StorageUpdates)
	return &c
}

// StorageHash commits to a key-value storage (or a set of updates):
// keccak256 over the pairs in key order.
func StorageHash(m map[string]string) common.Hash {
	keys := slices.Sorted(maps.Keys(m))
	parts := [][]byte{storageDomain[:], uintWord(uint64(len(keys)))}
	for _, k := range keys {
		kh, vh := keccak([]byte(k)), keccak([]byte(m[k]))
		parts = append(parts, kh[:], vh[:])
	}
	return keccak(parts...)
}

// hash commits to every field of the run.
func (r *ScriptRun) hash() common.Hash {
	t := keccak([]byte(r.Transcript))
	res := r.Resources
	st := StorageHash(r.StorageUpdates)
	return keccak(scriptRunDomain[:], uintWord(r.Block), intWord(r.Timestamp), r.ContextHash[:], r.OutputHash[:],
		t[:], r.TranscriptHash[:], uintWord(res.DurationMs), uintWord(res.PeakMemoryBytes), uintWord(res.CPUTimeMs),
		uintWord(res.NetRequests), uintWord(res.NetBytes), st[:])
}

// HasScript reports whether jobs of task definition id run a script.
func (id TaskDefinitionID) HasScript() bool {
	switch id {
	case TimeScript, EventScript, ConditionScript, CustomScript:
		return true
	}
	return false
}

var (
	scriptDomain    = keccak([]byte("TriggerX.Script.v1"))
	scriptRunDomain = keccak([]byte("TriggerX.ScriptRun.v1"))
	storageDomain   = keccak([]byte("TriggerX.Storage.v1"))
)
