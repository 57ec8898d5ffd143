package coordinator_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator"
)

// fakeKeepers is a KeeperSource with a fixed answer.
type fakeKeepers struct {
	keepers []coordinator.KeeperInfo
	err     error
}

func (f *fakeKeepers) Keepers(context.Context) ([]coordinator.KeeperInfo, error) {
	return f.keepers, f.err
}

var (
	keeperA = common.HexToAddress("0x00000000000000000000000000000000000000a1")
	keeperB = common.HexToAddress("0x00000000000000000000000000000000000000b2")
	keeperC = common.HexToAddress("0x00000000000000000000000000000000000000c3")
	keeperD = common.HexToAddress("0x00000000000000000000000000000000000000d4")
)

func eth(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// keepersAPI returns an API with jobs 1 to 3, four keepers (A, B and C
// active with stakes 1, 3 and 1 ETH; D exiting) and tasks of job 1: A
// performed two, B one and had one rejected, C had one fail.
func keepersAPI(t *testing.T) *apiHarness {
	t.Helper()
	src := &fakeKeepers{keepers: []coordinator.KeeperInfo{
		{ID: 1, Address: keeperA, Active: true, Stake: eth(1), BLSPublicKey: []byte{0xaa, 0x01}},
		{ID: 2, Address: keeperB, Active: true, Stake: eth(3), BLSPublicKey: []byte{0xbb}},
		{ID: 3, Address: keeperC, Active: true, Stake: eth(1), BLSPublicKey: []byte{0xcc}},
		{ID: 4, Address: keeperD, Stake: eth(5), WithdrawableAt: t0.Add(time.Hour), BLSPublicKey: []byte{0xdd}},
	}}
	a := jobsAPI(t, func(c *coordinator.APIConfig) { c.Keepers = src })
	ctx := context.Background()
	for i, tc := range []struct {
		performer common.Address
		status    coordinator.TaskStatus
	}{
		{keeperA, coordinator.TaskCompleted},
		{keeperA, coordinator.TaskCompleted},
		{keeperB, coordinator.TaskCompleted},
		{keeperB, coordinator.TaskRejected},
		{keeperC, coordinator.TaskFailed},
		{common.Address{}, coordinator.TaskProcessing},
	} {
		slot := t0.Add(time.Duration(i+1) * time.Minute)
		task := sampleTask(1, slot)
		_, created, err := a.store.UpdateJob(ctx, 1, func(*coordinator.Job) (*coordinator.Task, error) { return &task, nil })
		require.NoError(t, err)
		require.True(t, created)
		_, err = a.store.UpdateTask(ctx, task.TaskID, func(t *coordinator.Task) error {
			t.TaskStatus, t.TaskPerformer = tc.status, tc.performer
			return nil
		})
		require.NoError(t, err)
		// What the monitor credits as the tasks finish (TestMonitorCreditsPoints).
		c := coordinator.Credit{Kind: coordinator.AccountKeeper, Address: tc.performer, At: slot}
		switch tc.status {
		case coordinator.TaskCompleted:
			c.Points, c.TasksPerformed = 6, 1
		case coordinator.TaskRejected:
			c.Points, c.TasksRejected = -1, 1
		case coordinator.TaskFailed:
			c.TasksFailed = 1
		default:
			continue
		}
		_, err = a.store.Credit(ctx, task.TaskID.Hex(), c)
		require.NoError(t, err)
	}
	return a
}

func decodeKeepers(t *testing.T, body []byte) []coordinator.KeeperView {
	t.Helper()
	var out []coordinator.KeeperView
	require.NoError(t, json.Unmarshal(body, &out))
	return out
}

func TestKeepersList(t *testing.T) {
	a := keepersAPI(t)
	for _, key := range []string{testKey, aliceKey, bobKey} { // keepers are public
		w := a.do(http.MethodGet, "/api/v1/keepers", key, nil)
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		ks := decodeKeepers(t, w.Body.Bytes())
		require.Len(t, ks, 4)
		require.Equal(t, coordinator.KeeperView{
			ID: 1, Address: keeperA, Status: coordinator.KeeperActive, Active: true, Stake: "1000000000000000000",
			VotingPower: 20, BLSPublicKey: "0xaa01", Points: 12, TasksPerformed: 2, LastTaskAt: t0.Add(2 * time.Minute),
		}, ks[0])
		require.Equal(t, coordinator.KeeperView{
			ID: 2, Address: keeperB, Status: coordinator.KeeperActive, Active: true, Stake: "3000000000000000000",
			VotingPower: 60, BLSPublicKey: "0xbb", Points: 5, TasksPerformed: 1, TasksRejected: 1, LastTaskAt: t0.Add(4 * time.Minute),
		}, ks[1])
		require.Equal(t, uint64(1), ks[2].TasksFailed)
		require.Equal(t, coordinator.KeeperView{
			ID: 4, Address: keeperD, Status: coordinator.KeeperExiting, Stake: "5000000000000000000",
			WithdrawableAt: t0.Add(time.Hour), BLSPublicKey: "0xdd",
		}, ks[3])
	}
	w := a.do(http.MethodGet, "/api/v1/keepers", "", nil)
	require.Equal(t, http.StatusUnauthorized, w.Code)
}

func TestKeeperGet(t *testing.T) {
	a := keepersAPI(t)
	for _, tc := range []struct {
		name, path string
		code       int
	}{
		{"lower case", "/api/v1/keepers/0x00000000000000000000000000000000000000b2", 200},
		{"user key", "/api/v1/keepers/" + keeperB.Hex(), 200},
		{"not registered", "/api/v1/keepers/0x00000000000000000000000000000000000000e5", 404},
		{"malformed", "/api/v1/keepers/0x1234", 400},
		{"bad checksum", "/api/v1/keepers/0x00000000000000000000000000000000000000bB", 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := a.do(http.MethodGet, tc.path, aliceKey, nil)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			if tc.code != 200 {
				require.Equal(t, coordinator.ProblemContentType, w.Header().Get("Content-Type"))
				return
			}
			var k coordinator.KeeperView
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &k))
			require.Equal(t, keeperB, k.Address)
			require.Equal(t, uint64(1), k.TasksPerformed)
			require.Equal(t, uint64(1), k.TasksRejected)
		})
	}
}

func TestKeepersLeaderboard(t *testing.T) {
	a := keepersAPI(t)
	for _, tc := range []struct {
		query string
		code  int
		want  []common.Address
	}{
		// A (12 points), B (5), then C and D with none: D (stake 5) first.
		{"", 200, []common.Address{keeperA, keeperB, keeperD, keeperC}},
		{"?limit=2", 200, []common.Address{keeperA, keeperB}},
		{"?limit=100", 200, []common.Address{keeperA, keeperB, keeperD, keeperC}},
		{"?limit=0", 400, nil},
		{"?limit=101", 400, nil},
		{"?limit=x", 400, nil},
	} {
		t.Run(tc.query, func(t *testing.T) {
			w := a.do(http.MethodGet, "/api/v1/keepers/leaderboard"+tc.query, bobKey, nil)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			if tc.code != 200 {
				return
			}
			ks := decodeKeepers(t, w.Body.Bytes())
			got := make([]common.Address, len(ks))
			for i, k := range ks {
				got[i] = k.Address
				require.Equal(t, i+1, k.Rank)
			}
			require.Equal(t, tc.want, got)
		})
	}
}

func TestKeepersUnavailable(t *testing.T) {
	a := jobsAPI(t)
	for _, path := range []string{"/api/v1/keepers", "/api/v1/keepers/leaderboard", "/api/v1/keepers/" + keeperA.Hex()} {
		w := a.do(http.MethodGet, path, testKey, nil)
		require.Equal(t, http.StatusServiceUnavailable, w.Code, path)
		require.Equal(t, coordinator.ProblemContentType, w.Header().Get("Content-Type"))
	}

	a = jobsAPI(t, func(c *coordinator.APIConfig) { c.Keepers = &fakeKeepers{err: errors.New("rpc down")} })
	w := a.do(http.MethodGet, "/api/v1/keepers", testKey, nil)
	require.Equal(t, http.StatusBadGateway, w.Code)
	require.NotContains(t, w.Body.String(), "rpc down")
}
