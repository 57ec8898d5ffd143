package netproxy_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution/netproxy"
)

func TestReplay(t *testing.T) {
	api, price := upstream(t, false)
	live := netproxy.New(netproxy.Config{Allowed: []string{hostOf(api)}})
	_, c := start(t, live)
	run := func(c *http.Client) []reply {
		return []reply{
			do(t, c, http.MethodGet, api.URL+"/price", ""),
			do(t, c, http.MethodPost, api.URL+"/echo", "a"),
			do(t, c, http.MethodPost, api.URL+"/echo", "b"),
			do(t, c, http.MethodGet, "http://denied.example/", ""),
		}
	}
	want := run(c)
	tr := live.Transcript()
	require.Len(t, tr.Exchanges, 4)

	// The upstream changes, and goes away: the replay serves the recording.
	price.Store("9999")
	api.Close()

	t.Run("same run", func(t *testing.T) {
		rp := netproxy.NewReplay(tr)
		_, rc := start(t, rp)
		require.Equal(t, want, run(rc), "same status, headers and bytes")
		require.NoError(t, rp.CheckReplay())
	})
	t.Run("identical requests in any order", func(t *testing.T) {
		rp := netproxy.NewReplay(tr)
		_, rc := start(t, rp)
		require.Equal(t, want[2], do(t, rc, http.MethodPost, api.URL+"/echo", "b"))
		require.Equal(t, want[0], do(t, rc, http.MethodGet, api.URL+"/price", ""))
		require.Equal(t, want[1], do(t, rc, http.MethodPost, api.URL+"/echo", "a"))
		require.Equal(t, want[3], do(t, rc, http.MethodGet, "http://denied.example/", ""))
		require.NoError(t, rp.CheckReplay())
	})
	t.Run("diverging run is flagged", func(t *testing.T) {
		rp := netproxy.NewReplay(tr)
		_, rc := start(t, rp)
		require.Equal(t, want[0], do(t, rc, http.MethodGet, api.URL+"/price", ""))
		r := do(t, rc, http.MethodPost, api.URL+"/echo", "different body")
		require.Equal(t, http.StatusBadGateway, r.status)
		require.Equal(t, netproxy.ReasonNotInTranscript, r.reason)
		r = do(t, rc, http.MethodGet, api.URL+"/price", "")
		require.Equal(t, netproxy.ReasonNotInTranscript, r.reason, "each exchange serves once")
		err := rp.CheckReplay()
		require.ErrorIs(t, err, netproxy.ErrReplayMismatch)
		require.Contains(t, err.Error(), "unexpected POST")
		require.Contains(t, err.Error(), "never requested")
		require.Empty(t, rp.Transcript().Exchanges)
	})
}

func TestReplayRequestLimit(t *testing.T) {
	api, _ := upstream(t, false)
	live := netproxy.New(netproxy.Config{Allowed: []string{hostOf(api)}, MaxRequests: 2})
	_, c := start(t, live)
	var want []reply
	for i := range 6 {
		want = append(want, do(t, c, http.MethodGet, api.URL+"/price?i="+string(rune('0'+i)), ""))
	}
	require.Equal(t, http.StatusOK, want[1].status)
	for _, r := range want[2:] {
		require.Equal(t, netproxy.ReasonRequestLimit, r.reason)
		require.Equal(t, want[2], r)
	}
	tr := live.Transcript()
	require.Len(t, tr.Exchanges, 3, "requests past the limit are recorded once")

	rp := netproxy.NewReplay(tr)
	_, rc := start(t, rp)
	require.Equal(t, want[0], do(t, rc, http.MethodGet, api.URL+"/price?i=0", ""))
	require.Equal(t, want[1], do(t, rc, http.MethodGet, api.URL+"/price?i=1", ""))
	for range 5 {
		require.Equal(t, want[2], do(t, rc, http.MethodGet, api.URL+"/anything", ""))
	}
	require.NoError(t, rp.CheckReplay())
}
