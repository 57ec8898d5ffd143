package coordinator_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/coordinator"
)

// alertSink is an HTTP endpoint that records the JSON bodies posted to it
// and answers status.
type alertSink struct {
	mu     sync.Mutex
	paths  []string
	bodies []map[string]any
	status atomic.Int32
}

func newAlertSink(t *testing.T) (*alertSink, *httptest.Server) {
	s := &alertSink{}
	s.status.Store(http.StatusOK)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.Path)
		s.bodies = append(s.bodies, m)
		s.mu.Unlock()
		w.WriteHeader(int(s.status.Load()))
	}))
	t.Cleanup(srv.Close)
	return s, srv
}

func (s *alertSink) got() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.bodies
	s.bodies = nil
	return out
}

type healthHarness struct {
	h       *coordinator.Health
	now     *time.Time
	store   coordinator.Store
	webhook *alertSink
	tg      *alertSink
	reg     *prometheus.Registry
}

// newHealth returns a health service over keepers A and B (active) and D
// (exiting), offline after 60s, alerting after 10m to a webhook and a
// Telegram bot.
func newHealth(t *testing.T, store coordinator.Store, now *time.Time) *healthHarness {
	t.Helper()
	webhook, wsrv := newAlertSink(t)
	tg, tsrv := newAlertSink(t)
	wa, err := coordinator.NewWebhookAlerter(wsrv.URL + "/hook")
	require.NoError(t, err)
	src := &fakeKeepers{keepers: []coordinator.KeeperInfo{
		{ID: 1, Address: keeperA, Active: true, Stake: eth(1)},
		{ID: 2, Address: keeperB, Active: true, Stake: eth(1)},
		{ID: 4, Address: keeperD, Stake: eth(1)},
	}}
	reg := prometheus.NewRegistry()
	h, err := coordinator.NewHealth(context.Background(), coordinator.HealthConfig{
		Keepers: src, Store: store, OfflineAfter: time.Minute, AlertAfter: 10 * time.Minute,
		Alerters: []coordinator.Alerter{wa, &coordinator.TelegramAlerter{Token: "123:secret", ChatID: "42", APIURL: tsrv.URL}},
		Clock:    func() time.Time { return *now }, Logger: zaptest.NewLogger(t), Registerer: reg,
	})
	require.NoError(t, err)
	return &healthHarness{h: h, now: now, store: store, webhook: webhook, tg: tg, reg: reg}
}

func TestHealthOnlineAndUptime(t *testing.T) {
	store := memStore(t)
	now := t0
	hh := newHealth(t, store, &now)
	h := hh.h

	require.True(t, h.Online(keeperA), "during the first OfflineAfter every keeper counts as online")
	now = now.Add(61 * time.Second)
	require.False(t, h.Online(keeperA), "never heard of after the grace period")

	signed := now
	require.True(t, h.Heartbeat(keeperA, "peerA", "1.0.0", signed))
	require.False(t, h.Heartbeat(keeperA, "peerA", "1.0.0", signed), "a replay is ignored")
	require.True(t, h.Online(keeperA))
	for range 3 {
		now = now.Add(20 * time.Second)
		signed = signed.Add(20 * time.Second)
		require.True(t, h.Heartbeat(keeperA, "peerA", "1.0.1", signed))
	}
	now = now.Add(10 * time.Second)
	kh, ok := h.Keeper(keeperA)
	require.True(t, ok)
	require.True(t, kh.Online)
	require.Equal(t, 70*time.Second, kh.Uptime, "60s between heartbeats plus 10s since the last")
	require.Equal(t, "1.0.1", kh.Version)
	require.Equal(t, "peerA", kh.PeerID)
	require.Equal(t, now.Add(-70*time.Second), kh.OnlineSince)

	hh.h.SweepOnce(context.Background())
	require.Equal(t, 1.0, metricValue(t, hh.reg, "triggerx_coordinator_keepers_online"))
	require.Equal(t, 4.0, metricValue(t, hh.reg, "triggerx_coordinator_keeper_heartbeats_total"))

	// Silence: offline after OfflineAfter; the uptime stops growing.
	now = now.Add(2 * time.Minute)
	kh, _ = h.Keeper(keeperA)
	require.False(t, kh.Online)
	require.Equal(t, 60*time.Second, kh.Uptime)
	require.Equal(t, now.Add(-130*time.Second), kh.OfflineSince, "offline since its last heartbeat")

	// Back: a new online period; the gap is not uptime.
	signed = signed.Add(time.Hour)
	require.True(t, h.Heartbeat(keeperA, "peerA", "1.0.1", signed))
	kh, _ = h.Keeper(keeperA)
	require.True(t, kh.Online)
	require.Equal(t, 60*time.Second, kh.Uptime)
	require.Equal(t, now, kh.OnlineSince)
	require.Equal(t, 130*time.Second, kh.LastDowntime)

	// A restart keeps the history: uptime and last heartbeat, not the
	// online period (the coordinator was not listening).
	hh.h.SweepOnce(context.Background())
	now = now.Add(5 * time.Minute)
	again := newHealth(t, store, &now)
	kh, ok = again.h.Keeper(keeperA)
	require.True(t, ok)
	require.Equal(t, 60*time.Second, kh.Uptime)
	require.Equal(t, now.Add(-5*time.Minute), kh.LastHeartbeat)
	require.False(t, again.h.Heartbeat(keeperA, "peerA", "1.0.1", signed), "a replay across restarts is ignored")
}

func TestHealthAlerts(t *testing.T) {
	ctx := context.Background()
	now := t0
	hh := newHealth(t, memStore(t), &now)
	h := hh.h
	beat := func(k common.Address) { require.True(t, h.Heartbeat(k, "p", "1", now)) }

	beat(keeperA)
	h.SweepOnce(ctx)
	require.Empty(t, hh.webhook.got())

	// A goes silent; B never spoke; D is exiting and is never alerted about.
	now = now.Add(5 * time.Minute)
	h.SweepOnce(ctx)
	require.Empty(t, hh.webhook.got(), "offline, but not yet for AlertAfter")
	now = now.Add(5*time.Minute + time.Second)
	h.SweepOnce(ctx)
	alerts := hh.webhook.got()
	require.Len(t, alerts, 2, "A and B, once each")
	byKeeper := map[string]map[string]any{}
	for _, a := range alerts {
		require.Equal(t, coordinator.AlertOffline, a["type"])
		byKeeper[a["keeper"].(string)] = a
	}
	require.Contains(t, byKeeper, keeperA.Hex())
	require.Contains(t, byKeeper, keeperB.Hex())
	require.Equal(t, 601.0, byKeeper[keeperA.Hex()]["downtime_seconds"])
	require.Contains(t, byKeeper[keeperB.Hex()]["message"], "never sent a heartbeat")
	tg := hh.tg.got()
	require.Len(t, tg, 2)
	require.Equal(t, "42", tg[0]["chat_id"])
	require.Contains(t, tg[0]["text"], "has been offline for")
	require.Equal(t, "/bot123:secret/sendMessage", hh.tg.paths[0])

	now = now.Add(time.Minute)
	h.SweepOnce(ctx)
	require.Empty(t, hh.webhook.got(), "one alert per outage")

	// A comes back: one back-online alert.
	beat(keeperA)
	h.SweepOnce(ctx)
	alerts = hh.webhook.got()
	require.Len(t, alerts, 1)
	require.Equal(t, coordinator.AlertOnline, alerts[0]["type"])
	require.Equal(t, keeperA.Hex(), alerts[0]["keeper"])
	require.Equal(t, 661.0, alerts[0]["downtime_seconds"])
	require.Equal(t, 3.0, metricValue(t, hh.reg, "triggerx_coordinator_keeper_alerts_total", "channel", "webhook", "result", "delivered"))
}

// An alert no channel took is sent again at the next sweep; an error
// never shows the bot token.
func TestHealthAlertRetried(t *testing.T) {
	ctx := context.Background()
	now := t0
	hh := newHealth(t, memStore(t), &now)
	hh.webhook.status.Store(http.StatusInternalServerError)
	hh.tg.status.Store(http.StatusBadGateway)
	require.True(t, hh.h.Heartbeat(keeperA, "p", "1", now))
	require.True(t, hh.h.Heartbeat(keeperB, "p", "1", now))
	now = now.Add(11 * time.Minute)
	hh.h.SweepOnce(ctx)
	require.Len(t, hh.webhook.got(), 2)
	require.Equal(t, 2.0, metricValue(t, hh.reg, "triggerx_coordinator_keeper_alerts_total", "channel", "telegram", "result", "failed"))
	hh.webhook.status.Store(http.StatusOK)
	hh.h.SweepOnce(ctx)
	require.Len(t, hh.webhook.got(), 2, "retried")
	hh.h.SweepOnce(ctx)
	require.Empty(t, hh.webhook.got(), "delivered once is enough")

	tg := &coordinator.TelegramAlerter{Token: "999:topsecret", ChatID: "1", APIURL: "http://127.0.0.1:1"}
	err := tg.Alert(ctx, coordinator.Alert{Kind: coordinator.AlertOffline, Keeper: keeperA})
	require.Error(t, err)
	require.NotContains(t, err.Error(), "topsecret")
}

func TestWebhookAlerterURL(t *testing.T) {
	for _, u := range []string{"", "ftp://x/y", "http://", "not a url", "/relative"} {
		_, err := coordinator.NewWebhookAlerter(u)
		require.Error(t, err, u)
	}
	_, err := coordinator.NewWebhookAlerter("https://hooks.example.com/x?token=1")
	require.NoError(t, err)
}

// The keeper routes show each keeper's health when a health service is
// configured.
func TestKeepersShowHealth(t *testing.T) {
	now := t0
	hh := newHealth(t, memStore(t), &now)
	now = now.Add(2 * time.Minute)
	require.True(t, hh.h.Heartbeat(keeperB, "peerB", "2.0.0", now))
	now = now.Add(20 * time.Second)
	require.True(t, hh.h.Heartbeat(keeperB, "peerB", "2.0.0", now))
	src := &fakeKeepers{keepers: []coordinator.KeeperInfo{
		{ID: 1, Address: keeperA, Active: true, Stake: eth(1)},
		{ID: 2, Address: keeperB, Active: true, Stake: eth(1)},
	}}
	a := jobsAPI(t, func(c *coordinator.APIConfig) { c.Keepers = src; c.Health = hh.h })
	w := a.do(http.MethodGet, "/api/v1/keepers", testKey, nil)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	ks := decodeKeepers(t, w.Body.Bytes())
	require.Len(t, ks, 2)
	require.NotNil(t, ks[0].Online)
	require.False(t, *ks[0].Online)
	require.True(t, ks[0].LastHeartbeat.IsZero())
	require.True(t, *ks[1].Online)
	require.Equal(t, now, ks[1].LastHeartbeat)
	require.Equal(t, int64(20), ks[1].UptimeSeconds)
	require.Equal(t, "2.0.0", ks[1].Version)
	require.True(t, strings.Contains(w.Body.String(), `"online":false`))
}

func memStore(t *testing.T) coordinator.Store {
	t.Helper()
	s, err := coordinator.OpenBadgerStore("", zaptest.NewLogger(t))
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}
