package netproxy_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution/netproxy"
)

func TestSpot(t *testing.T) {
	api, price := upstream(t, false)
	live := netproxy.New(netproxy.Config{Allowed: []string{hostOf(api)}})
	_, c := start(t, live)
	for range 3 {
		do(t, c, http.MethodGet, api.URL+"/price", "")
	}
	do(t, c, http.MethodPost, api.URL+"/echo", "not eligible")
	do(t, c, http.MethodGet, "http://denied.example/", "")
	tr := live.Transcript()
	cfg := netproxy.SpotConfig{Allowed: []string{hostOf(api)}, Seed: 7}
	tol := netproxy.Tolerance{Relative: map[string]float64{"data.price": 0.01}}

	rep, err := netproxy.Spot(t.Context(), cfg, tr, 1, netproxy.Tolerance{})
	require.NoError(t, err, "unchanged upstream passes exactly")
	require.Equal(t, []int{0, 1, 2}, rep.Checked, "GET without body, answered by the upstream")

	rep, err = netproxy.Spot(t.Context(), cfg, tr, 0.1, netproxy.Tolerance{})
	require.NoError(t, err)
	require.Len(t, rep.Checked, 1, "rounded up to one")
	rep, err = netproxy.Spot(t.Context(), cfg, tr, 0, netproxy.Tolerance{})
	require.NoError(t, err)
	require.Empty(t, rep.Checked)

	price.Store("1240") // +0.45%
	_, err = netproxy.Spot(t.Context(), cfg, tr, 1, netproxy.Tolerance{})
	require.ErrorIs(t, err, netproxy.ErrSpotMismatch, "exact by default")
	rep, err = netproxy.Spot(t.Context(), cfg, tr, 1, tol)
	require.NoError(t, err, "within 1%% at data.price")
	require.Len(t, rep.Checked, 3)
	_, err = netproxy.Spot(t.Context(), cfg, tr, 1, netproxy.Tolerance{Relative: map[string]float64{"data.other": 0.01}})
	require.ErrorIs(t, err, netproxy.ErrSpotMismatch, "tolerance only at its path")

	price.Store("1300") // +5.3%
	rep, err = netproxy.Spot(t.Context(), cfg, tr, 1, tol)
	require.ErrorIs(t, err, netproxy.ErrSpotMismatch)
	require.Len(t, rep.Mismatches, 3)
	require.Contains(t, rep.Mismatches[0].Reason, "beyond the relative tolerance")

	price.Store(`"1234.5"`) // a string where a number was
	_, err = netproxy.Spot(t.Context(), cfg, tr, 1, tol)
	require.ErrorIs(t, err, netproxy.ErrSpotMismatch)

	// A forged transcript naming a host outside the allowlist is never fetched.
	forged := tr.Clone()
	forged.Exchanges[0].URL = "http://169.254.169.254/latest/meta-data"
	rep, err = netproxy.Spot(t.Context(), cfg, forged, 1, netproxy.Tolerance{})
	require.ErrorIs(t, err, netproxy.ErrSpotMismatch)
	require.Equal(t, 0, rep.Mismatches[0].Index)

	_, err = netproxy.Spot(t.Context(), cfg, tr, 1, netproxy.Tolerance{Relative: map[string]float64{"x": -1}})
	require.Error(t, err)

	// The upstream is gone: inconclusive, not a mismatch.
	price.Store("1234.5")
	api.Close()
	_, err = netproxy.Spot(t.Context(), cfg, tr, 1, netproxy.Tolerance{})
	require.ErrorIs(t, err, netproxy.ErrSpotInconclusive)
	require.NotErrorIs(t, err, netproxy.ErrSpotMismatch)
}

// TestSpotHeaders: a transcript holds no request headers; the attester's
// replay collects the ones its re-run sent, and the spot check uses them.
func TestSpotHeaders(t *testing.T) {
	api, _ := upstream(t, false)
	live := netproxy.New(netproxy.Config{Allowed: []string{hostOf(api)}})
	_, c := start(t, live)
	require.Equal(t, http.StatusOK, do(t, c, http.MethodGet, api.URL+"/private", "").status) // do sends the Authorization header
	tr := live.Transcript()
	require.Nil(t, live.ReplayHeaders())

	rp := netproxy.NewReplay(tr)
	_, rc := start(t, rp)
	require.Equal(t, http.StatusOK, do(t, rc, http.MethodGet, api.URL+"/private", "").status)
	headers := rp.ReplayHeaders()
	require.Equal(t, "Bearer secret", headers[0].Get("Authorization"))
	require.Empty(t, headers[0].Get("Proxy-Authorization"))

	cfg := netproxy.SpotConfig{Allowed: []string{hostOf(api)}}
	_, err := netproxy.Spot(t.Context(), cfg, tr, 1, netproxy.Tolerance{})
	require.ErrorIs(t, err, netproxy.ErrSpotMismatch, "without the script's credentials")
	cfg.Headers = headers
	_, err = netproxy.Spot(t.Context(), cfg, tr, 1, netproxy.Tolerance{})
	require.NoError(t, err)
}
