package p2p_test

import (
	"bytes"
	"encoding/hex"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/p2p"
	"github.com/triggerx-network/triggerx/p2p/pb"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name.golden (hex, one line), or rewrites
// the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(hex.EncodeToString(got)+"\n"), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./p2p -update to create the golden files")
	wantBytes, err := hex.DecodeString(strings.TrimSpace(string(want)))
	require.NoError(t, err)
	require.Equal(t, hex.EncodeToString(wantBytes), hex.EncodeToString(got),
		"wire encoding of %s changed; if intended, bump the topic version and run go test ./p2p -update", name)
}

func TestGoldenEncodings(t *testing.T) {
	t.Run("assignment", func(t *testing.T) {
		v := p2p.FixtureAssignment(0)
		b, err := p2p.EncodeAssignment(v)
		require.NoError(t, err)
		golden(t, "assignment", b)
		got, err := p2p.DecodeAssignment(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
	})
	t.Run("assignment_cross_chain", func(t *testing.T) {
		v := p2p.FixtureAssignment(0)
		v.Task.Action.ChainID, v.Task.Action.TargetJobID = 8453, 77
		b, err := p2p.EncodeAssignment(v)
		require.NoError(t, err)
		golden(t, "assignment_cross_chain", b)
		got, err := p2p.DecodeAssignment(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
	})
	t.Run("assignment_script", func(t *testing.T) {
		v := p2p.FixtureScriptAssignment()
		b, err := p2p.EncodeAssignment(v)
		require.NoError(t, err)
		golden(t, "assignment_script", b)
		got, err := p2p.DecodeAssignment(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
	})
	t.Run("result_script", func(t *testing.T) {
		v := p2p.FixtureScriptResult()
		b, err := p2p.EncodeResult(v)
		require.NoError(t, err)
		golden(t, "result_script", b)
		got, err := p2p.DecodeResult(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
	})
	t.Run("assignment_event", func(t *testing.T) {
		v := p2p.FixtureEventAssignment()
		b, err := p2p.EncodeAssignment(v)
		require.NoError(t, err)
		golden(t, "assignment_event", b)
		got, err := p2p.DecodeAssignment(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
	})
	t.Run("result", func(t *testing.T) {
		v := p2p.FixtureResult(0)
		b, err := p2p.EncodeResult(v)
		require.NoError(t, err)
		golden(t, "result", b)
		got, err := p2p.DecodeResult(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
	})
	t.Run("vote", func(t *testing.T) {
		v := p2p.FixtureVote(0, 0x55)
		b, err := p2p.EncodeVote(v)
		require.NoError(t, err)
		golden(t, "vote", b)
		got, err := p2p.DecodeVote(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
	})
	// A re-publication differs from the first in its resend count only:
	// new bytes (a new gossip message), the same result hash and digest.
	t.Run("result_resent", func(t *testing.T) {
		v := p2p.FixtureResult(0)
		first, err := p2p.EncodeResult(v)
		require.NoError(t, err)
		v.Resend = 3
		b, err := p2p.EncodeResult(v)
		require.NoError(t, err)
		golden(t, "result_resent", b)
		require.NotEqual(t, first, b)
		got, err := p2p.DecodeResult(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
		orig := p2p.FixtureResult(0)
		require.Equal(t, orig.Hash(), got.Hash())
	})
	t.Run("vote_resent", func(t *testing.T) {
		v := p2p.FixtureVote(0, 0x55)
		first, err := p2p.EncodeVote(v)
		require.NoError(t, err)
		v.Resend = 1
		b, err := p2p.EncodeVote(v)
		require.NoError(t, err)
		golden(t, "vote_resent", b)
		require.NotEqual(t, first, b)
		got, err := p2p.DecodeVote(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
		d := attestation.Domain{ChainID: 1}
		require.Equal(t, p2p.FixtureVote(0, 0x55).Digest(d), got.Digest(d))
	})
	t.Run("finalization", func(t *testing.T) {
		v := p2p.FixtureFinalization(0)
		b, err := p2p.EncodeFinalization(v)
		require.NoError(t, err)
		golden(t, "finalization", b)
		got, err := p2p.DecodeFinalization(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
	})
	t.Run("heartbeat", func(t *testing.T) {
		v := p2p.FixtureHeartbeat(0)
		b, err := p2p.EncodeHeartbeat(v)
		require.NoError(t, err)
		golden(t, "heartbeat", b)
		got, err := p2p.DecodeHeartbeat(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
	})
}

func TestRoundTripEdgeValues(t *testing.T) {
	a := p2p.FixtureAssignment(0)
	a.Task.Action.Arguments = nil
	a.Task.Action.Function = ""
	a.Task.ScheduledAt = -1
	a.Round = 0
	a.Task.TaskDefinitionID = attestation.CustomScript
	b, err := p2p.EncodeAssignment(a)
	require.NoError(t, err)
	got, err := p2p.DecodeAssignment(b)
	require.NoError(t, err)
	require.Equal(t, a, got)

	a.Task.Action.Arguments = []string{"", ""} // empty strings survive
	b, err = p2p.EncodeAssignment(a)
	require.NoError(t, err)
	got, err = p2p.DecodeAssignment(b)
	require.NoError(t, err)
	require.Equal(t, a, got)

	r := p2p.FixtureResult(0)
	r.Calldata = nil
	r.Success = false
	b, err = p2p.EncodeResult(r)
	require.NoError(t, err)
	gotR, err := p2p.DecodeResult(b)
	require.NoError(t, err)
	require.Equal(t, r, gotR)
}

func marshal(t *testing.T, m proto.Message) []byte {
	t.Helper()
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(m)
	require.NoError(t, err)
	return b
}

// pbAssignment returns the protobuf form of the fixture assignment, for
// tests that build invalid encodings.
func pbAssignment(t *testing.T) *pb.Assignment {
	t.Helper()
	b, err := p2p.EncodeAssignment(p2p.FixtureAssignment(0))
	require.NoError(t, err)
	var m pb.Assignment
	require.NoError(t, proto.Unmarshal(b, &m))
	return &m
}

func pbFinalization(t *testing.T) *pb.Finalization {
	t.Helper()
	b, err := p2p.EncodeFinalization(p2p.FixtureFinalization(0))
	require.NoError(t, err)
	var m pb.Finalization
	require.NoError(t, proto.Unmarshal(b, &m))
	return &m
}

func TestDecodeAssignmentRejects(t *testing.T) {
	valid, err := p2p.EncodeAssignment(p2p.FixtureAssignment(0))
	require.NoError(t, err)
	mutate := func(f func(*pb.Assignment)) []byte {
		m := pbAssignment(t)
		f(m)
		return marshal(t, m)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "task missing"},
		{"garbage", []byte{0xff, 0xff, 0xff}, "malformed"},
		{"oversize", make([]byte, p2p.MaxMessageSize+1), "max 65536"},
		{"unparsable trailing bytes", append(bytes.Clone(valid), 0xff), "malformed"},
		{"unknown trailing field", protowire.AppendVarint(protowire.AppendTag(bytes.Clone(valid), 15, protowire.VarintType), 1), "non-canonical"},
		{"field repeated", append(bytes.Clone(valid), valid[len(valid)-67:]...), "non-canonical"},
		{"short task id", mutate(func(m *pb.Assignment) { m.Task.Id = m.Task.Id[:31] }), "task id: length 31, want 32"},
		{"long trigger key", mutate(func(m *pb.Assignment) { m.Task.TriggerKey = append(m.Task.TriggerKey, 0) }), "trigger key: length 33"},
		{"short performer", mutate(func(m *pb.Assignment) { m.Performer = m.Performer[:19] }), "performer: length 19, want 20"},
		{"missing target", mutate(func(m *pb.Assignment) { m.Task.Action.Target = nil }), "action target: length 0"},
		{"missing action", mutate(func(m *pb.Assignment) { m.Task.Action = nil }), "action missing"},
		{"short signature", mutate(func(m *pb.Assignment) { m.Signature = m.Signature[:64] }), "signature: length 64, want 65"},
		{"BLS-sized signature", mutate(func(m *pb.Assignment) { m.Signature = make([]byte, 96) }), "signature: length 96, want 65"},
		{"task definition 0", mutate(func(m *pb.Assignment) { m.Task.TaskDefinitionId = 0 }), "unknown task definition id 0"},
		{"task definition 8", mutate(func(m *pb.Assignment) { m.Task.TaskDefinitionId = 8 }), "unknown task definition id 8"},
		{"task definition wraps to 1", mutate(func(m *pb.Assignment) { m.Task.TaskDefinitionId = 1<<16 | 1 }), "unknown task definition id 65537"},
		{"too many arguments", mutate(func(m *pb.Assignment) { m.Task.Action.Arguments = make([]string, p2p.MaxArguments+1) }), "arguments: count 65"},
		{"argument too long", mutate(func(m *pb.Assignment) {
			m.Task.Action.Arguments = []string{strings.Repeat("1", p2p.MaxArgumentLen+1)}
		}), "argument 0: length"},
		{"function too long", mutate(func(m *pb.Assignment) { m.Task.Action.Function = strings.Repeat("f", p2p.MaxFunctionLen+1) }), "function: length"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p2p.DecodeAssignment(tt.data)
			require.ErrorIs(t, err, p2p.ErrMalformed)
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestDecodeRejectsNonCanonicalOrder(t *testing.T) {
	// The same fields as the fixture vote, task id moved to the end.
	valid, err := p2p.EncodeVote(p2p.FixtureVote(0, 1))
	require.NoError(t, err)
	first := 2 + 32 // tag, length, 32-byte task id
	reordered := append(bytes.Clone(valid[first:]), valid[:first]...)
	var m pb.Vote
	require.NoError(t, proto.Unmarshal(reordered, &m), "still valid protobuf")
	_, err = p2p.DecodeVote(reordered)
	require.ErrorIs(t, err, p2p.ErrMalformed)
	require.ErrorContains(t, err, "non-canonical")
}

func TestDecodeFinalizationRejects(t *testing.T) {
	mutate := func(f func(*pb.Finalization)) []byte {
		m := pbFinalization(t)
		f(m)
		return marshal(t, m)
	}
	unpacked := func() []byte {
		// signers as unpacked varints: valid protobuf, not canonical.
		m := pbFinalization(t)
		signers := m.Certificate.Signers
		m.Certificate.Signers = nil
		cert := marshal(t, m.Certificate)
		for _, s := range signers {
			cert = protowire.AppendVarint(protowire.AppendTag(cert, 6, protowire.VarintType), s)
		}
		m.Certificate = nil
		out := protowire.AppendBytes(protowire.AppendTag(nil, 1, protowire.BytesType), cert)
		return append(out, marshal(t, m)...)
	}()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"missing certificate", mutate(func(m *pb.Finalization) { m.Certificate = nil }), "certificate missing"},
		{"no signers", mutate(func(m *pb.Finalization) { m.Certificate.Signers = nil }), "no signers"},
		{"signer zero", mutate(func(m *pb.Finalization) { m.Certificate.Signers = []uint64{0, 1} }), "signers: id 0"},
		{"signers unsorted", mutate(func(m *pb.Finalization) { m.Certificate.Signers = []uint64{1, 3, 2} }), "signers: id 2"},
		{"signers repeated", mutate(func(m *pb.Finalization) { m.Certificate.Signers = []uint64{1, 1} }), "signers: id 1"},
		{"too many signers", mutate(func(m *pb.Finalization) {
			m.Certificate.Signers = make([]uint64, p2p.MaxSigners+1)
			for i := range m.Certificate.Signers {
				m.Certificate.Signers[i] = uint64(i + 1)
			}
		}), "signers: count"},
		{"short BLS signature", mutate(func(m *pb.Finalization) { m.Certificate.Signature = m.Certificate.Signature[:95] }), "signature: length 95, want 96"},
		{"short submission tx", mutate(func(m *pb.Finalization) { m.SubmissionTx = nil }), "submission tx: length 0"},
		{"long aggregator", mutate(func(m *pb.Finalization) { m.Aggregator = make([]byte, 32) }), "aggregator: length 32"},
		{"unpacked signers", unpacked, "non-canonical"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p2p.DecodeFinalization(tt.data)
			require.ErrorIs(t, err, p2p.ErrMalformed)
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestHeartbeatRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*attestation.Heartbeat)
	}{
		{"fixture", func(*attestation.Heartbeat) {}},
		{"no version", func(h *attestation.Heartbeat) { h.Version = "" }},
		{"one-byte peer id", func(h *attestation.Heartbeat) { h.PeerID = "x" }},
		{"longest peer id and version", func(h *attestation.Heartbeat) {
			h.PeerID, h.Version = strings.Repeat("p", p2p.MaxPeerIDLen), strings.Repeat("v", p2p.MaxVersionLen)
		}},
		{"timestamp 1", func(h *attestation.Heartbeat) { h.Timestamp = 1 }},
		{"largest timestamp", func(h *attestation.Heartbeat) { h.Timestamp = math.MaxInt64 }},
		{"zero keeper", func(h *attestation.Heartbeat) { h.Keeper = common.Address{} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := p2p.FixtureHeartbeat(0)
			tt.mutate(&h)
			b, err := p2p.EncodeHeartbeat(h)
			require.NoError(t, err)
			got, err := p2p.DecodeHeartbeat(b)
			require.NoError(t, err)
			require.Equal(t, h, got)
		})
	}
}

func pbHeartbeat(t *testing.T) *pb.Heartbeat {
	t.Helper()
	b, err := p2p.EncodeHeartbeat(p2p.FixtureHeartbeat(0))
	require.NoError(t, err)
	var m pb.Heartbeat
	require.NoError(t, proto.Unmarshal(b, &m))
	return &m
}

func TestDecodeHeartbeatRejects(t *testing.T) {
	valid, err := p2p.EncodeHeartbeat(p2p.FixtureHeartbeat(0))
	require.NoError(t, err)
	mutate := func(f func(*pb.Heartbeat)) []byte {
		m := pbHeartbeat(t)
		f(m)
		return marshal(t, m)
	}
	vote, err := p2p.EncodeVote(p2p.FixtureVote(0, 1))
	require.NoError(t, err)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "keeper: length 0, want 20"},
		{"garbage", []byte{0xff, 0xff, 0xff}, "malformed"},
		{"oversize", make([]byte, p2p.MaxMessageSize+1), "max 65536"},
		{"a vote", vote, "malformed"},
		{"unknown trailing field", protowire.AppendVarint(protowire.AppendTag(bytes.Clone(valid), 15, protowire.VarintType), 1), "non-canonical"},
		{"field repeated", append(bytes.Clone(valid), valid[len(valid)-67:]...), "non-canonical"},
		{"short keeper", mutate(func(m *pb.Heartbeat) { m.Keeper = m.Keeper[:19] }), "keeper: length 19, want 20"},
		{"long keeper", mutate(func(m *pb.Heartbeat) { m.Keeper = make([]byte, 32) }), "keeper: length 32, want 20"},
		{"missing signature", mutate(func(m *pb.Heartbeat) { m.Signature = nil }), "signature: length 0, want 65"},
		{"short signature", mutate(func(m *pb.Heartbeat) { m.Signature = m.Signature[:64] }), "signature: length 64, want 65"},
		{"BLS-sized signature", mutate(func(m *pb.Heartbeat) { m.Signature = make([]byte, 96) }), "signature: length 96, want 65"},
		{"missing peer id", mutate(func(m *pb.Heartbeat) { m.PeerId = "" }), "peer id missing"},
		{"peer id too long", mutate(func(m *pb.Heartbeat) { m.PeerId = strings.Repeat("p", p2p.MaxPeerIDLen+1) }), "peer id: length 129, max 128"},
		{"version too long", mutate(func(m *pb.Heartbeat) { m.Version = strings.Repeat("v", p2p.MaxVersionLen+1) }), "version: length 65, max 64"},
		{"zero timestamp", mutate(func(m *pb.Heartbeat) { m.Timestamp = 0 }), "timestamp 0, want > 0"},
		{"negative timestamp", mutate(func(m *pb.Heartbeat) { m.Timestamp = -1 }), "timestamp -1, want > 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p2p.DecodeHeartbeat(tt.data)
			require.ErrorIs(t, err, p2p.ErrMalformed)
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestDecodeResultAndVoteRejectSizes(t *testing.T) {
	r := p2p.FixtureResult(0)
	b, err := p2p.EncodeResult(r)
	require.NoError(t, err)
	_, err = p2p.DecodeVote(b)
	require.ErrorIs(t, err, p2p.ErrMalformed, "a result is not a vote")

	var m pb.Result
	require.NoError(t, proto.Unmarshal(b, &m))
	m.TxHash = m.TxHash[:20]
	_, err = p2p.DecodeResult(marshal(t, &m))
	require.ErrorContains(t, err, "tx hash: length 20, want 32")

	v := p2p.FixtureVote(0, 1)
	b, err = p2p.EncodeVote(v)
	require.NoError(t, err)
	var mv pb.Vote
	require.NoError(t, proto.Unmarshal(b, &mv))
	mv.Signature = mv.Signature[:65]
	_, err = p2p.DecodeVote(marshal(t, &mv))
	require.ErrorContains(t, err, "signature: length 65, want 96")
	mv.Signature = make([]byte, 96)
	mv.ResultHash = nil
	_, err = p2p.DecodeVote(marshal(t, &mv))
	require.ErrorContains(t, err, "result hash: length 0, want 32")
}

func TestEncodeRejectsInvalidValues(t *testing.T) {
	tests := []struct {
		name string
		fn   func() error
		want string
	}{
		{"assignment signature", func() error {
			a := p2p.FixtureAssignment(0)
			a.Signature = nil
			_, err := p2p.EncodeAssignment(a)
			return err
		}, "signature: length 0, want 65"},
		{"assignment task definition", func() error {
			a := p2p.FixtureAssignment(0)
			a.Task.TaskDefinitionID = 99
			_, err := p2p.EncodeAssignment(a)
			return err
		}, "unknown task definition id 99"},
		{"result too large", func() error {
			r := p2p.FixtureResult(0)
			r.Calldata = make([]byte, p2p.MaxMessageSize)
			_, err := p2p.EncodeResult(r)
			return err
		}, "max 65536"},
		{"vote signature", func() error {
			v := p2p.FixtureVote(0, 1)
			v.Signature = v.Signature[:48]
			_, err := p2p.EncodeVote(v)
			return err
		}, "signature: length 48, want 96"},
		{"finalization unsorted signers", func() error {
			f := p2p.FixtureFinalization(0)
			f.Certificate.Signers = []uint64{2, 1}
			_, err := p2p.EncodeFinalization(f)
			return err
		}, "signers: id 1"},
		{"heartbeat signature", func() error {
			h := p2p.FixtureHeartbeat(0)
			h.Signature = h.Signature[:64]
			_, err := p2p.EncodeHeartbeat(h)
			return err
		}, "signature: length 64, want 65"},
		{"heartbeat without peer id", func() error {
			h := p2p.FixtureHeartbeat(0)
			h.PeerID = ""
			_, err := p2p.EncodeHeartbeat(h)
			return err
		}, "peer id missing"},
		{"heartbeat version too long", func() error {
			h := p2p.FixtureHeartbeat(0)
			h.Version = strings.Repeat("v", p2p.MaxVersionLen+1)
			_, err := p2p.EncodeHeartbeat(h)
			return err
		}, "version: length 65, max 64"},
		{"heartbeat zero timestamp", func() error {
			h := p2p.FixtureHeartbeat(0)
			h.Timestamp = 0
			_, err := p2p.EncodeHeartbeat(h)
			return err
		}, "timestamp 0, want > 0"},
		{"heartbeat peer id not UTF-8", func() error {
			h := p2p.FixtureHeartbeat(0)
			h.PeerID = "\xff"
			_, err := p2p.EncodeHeartbeat(h)
			return err
		}, "malformed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.fn()
			require.ErrorIs(t, err, p2p.ErrMalformed)
			require.ErrorContains(t, err, tt.want)
		})
	}
}

// fuzzDecode checks that decode never panics and that whatever it accepts
// is canonical: re-encoding gives the input bytes and decodes to the same
// value.
func fuzzDecode[T any](f *testing.F, seed []byte, decode func([]byte) (T, error), encode func(T) ([]byte, error)) {
	f.Add(seed)
	f.Add([]byte{})
	f.Add([]byte{0x0a, 0x00})
	f.Add(append(bytes.Clone(seed), 0x00))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := decode(data)
		if err != nil {
			require.ErrorIs(t, err, p2p.ErrMalformed)
			return
		}
		enc, err := encode(v)
		require.NoError(t, err)
		require.Equal(t, data, enc, "accepted a non-canonical encoding")
		again, err := decode(enc)
		require.NoError(t, err)
		require.Equal(t, v, again)
	})
}

func mustEncode[T any](f *testing.F, encode func(T) ([]byte, error), v T) []byte {
	b, err := encode(v)
	require.NoError(f, err)
	return b
}

func FuzzDecodeAssignment(f *testing.F) {
	fuzzDecode(f, mustEncode(f, p2p.EncodeAssignment, p2p.FixtureAssignment(0)), p2p.DecodeAssignment, p2p.EncodeAssignment)
}

func FuzzDecodeResult(f *testing.F) {
	fuzzDecode(f, mustEncode(f, p2p.EncodeResult, p2p.FixtureResult(0)), p2p.DecodeResult, p2p.EncodeResult)
}

func FuzzDecodeVote(f *testing.F) {
	fuzzDecode(f, mustEncode(f, p2p.EncodeVote, p2p.FixtureVote(0, 1)), p2p.DecodeVote, p2p.EncodeVote)
}

func FuzzDecodeFinalization(f *testing.F) {
	fuzzDecode(f, mustEncode(f, p2p.EncodeFinalization, p2p.FixtureFinalization(0)), p2p.DecodeFinalization, p2p.EncodeFinalization)
}

func FuzzDecodeHeartbeat(f *testing.F) {
	fuzzDecode(f, mustEncode(f, p2p.EncodeHeartbeat, p2p.FixtureHeartbeat(0)), p2p.DecodeHeartbeat, p2p.EncodeHeartbeat)
}
