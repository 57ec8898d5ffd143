package coordinator

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/coordinator/internal/promreg"
)

// Health defaults.
const (
	// DefaultOfflineAfter is how long a keeper may stay silent before it
	// counts as offline: three missed heartbeats at the keeper's default
	// interval of 20s.
	DefaultOfflineAfter = 60 * time.Second
	// DefaultAlertAfter is how long a keeper must be offline before its
	// operator is alerted.
	DefaultAlertAfter    = 10 * time.Minute
	defaultHealthSweep   = 5 * time.Second
	defaultAlertTimeout  = 10 * time.Second
	healthStateName      = "health/keepers"
	telegramDefaultAPI   = "https://api.telegram.org"
	maxAlertResponseBody = 4 << 10
)

// HealthConfig configures a Health service.
type HealthConfig struct {
	// Keepers reads the registered keepers: an active keeper that sends no
	// heartbeat is offline, and alerted about, even if it never sent one.
	Keepers KeeperSource
	// Store keeps the keepers' health across restarts; nil keeps it in
	// memory only.
	Store Store
	// OfflineAfter: a keeper whose last heartbeat is older is offline;
	// default DefaultOfflineAfter.
	OfflineAfter time.Duration
	// AlertAfter: a keeper offline this long is reported to the Alerters,
	// once per outage, and again when it is back; default DefaultAlertAfter.
	AlertAfter time.Duration
	// Alerters receive the offline and back-online alerts.
	Alerters []Alerter
	// Claim, when set, makes several coordinator instances send each
	// alert once: an instance sends an alert only if it claims its key
	// first (lease.Guard.Claim). Nil sends every alert from here.
	Claim func(ctx context.Context, key string) (bool, error)
	// Sweep is how often keepers are checked for silence; default 5s.
	Sweep      time.Duration
	Clock      func() time.Time
	Logger     *zap.Logger
	Registerer prometheus.Registerer
}

// KeeperHealth is what the health service knows of one keeper.
type KeeperHealth struct {
	Address common.Address `json:"address"`
	PeerID  string         `json:"peer_id,omitempty"`
	Version string         `json:"version,omitempty"`
	// Online: the last heartbeat is at most OfflineAfter old.
	Online bool `json:"online"`
	// LastHeartbeat is when this coordinator received the keeper's last
	// heartbeat (its own clock, not the keeper's).
	LastHeartbeat time.Time `json:"last_heartbeat,omitzero"`
	// OnlineSince is when the current online period began; zero offline.
	OnlineSince time.Time `json:"online_since,omitzero"`
	// OfflineSince is when the keeper went offline: its last heartbeat, or
	// when the service started for a keeper never heard of; zero online.
	OfflineSince time.Time `json:"offline_since,omitzero"`
	// Uptime is the time the keeper has been online, summed over every
	// online period this coordinator saw.
	Uptime time.Duration `json:"uptime_ns"`
	// LastDowntime is how long the keeper was offline before its current
	// online period.
	LastDowntime time.Duration `json:"last_downtime_ns,omitempty"`
	// SignedAt is the keeper's timestamp of its last heartbeat; older or
	// equal ones are replays and are ignored.
	SignedAt time.Time `json:"signed_at,omitzero"`
	// Alerted: an offline alert was delivered for the current outage.
	Alerted bool `json:"alerted,omitempty"`
}

// Alert is one notification about a keeper.
type Alert struct {
	Kind   string // AlertOffline or AlertOnline
	Keeper common.Address
	KeeperHealth
	// Downtime is how long the keeper has been (AlertOffline) or was
	// (AlertOnline) offline.
	Downtime time.Duration
	At       time.Time
}

// Alert kinds.
const (
	AlertOffline = "keeper_offline"
	AlertOnline  = "keeper_online"
)

// Message is the alert as one line of text.
func (a Alert) Message() string {
	d := a.Downtime.Round(time.Second)
	if a.Kind == AlertOnline {
		return fmt.Sprintf("TriggerX keeper %s is back online after %s offline.", a.Keeper.Hex(), d)
	}
	last := "never sent a heartbeat to this coordinator"
	if !a.LastHeartbeat.IsZero() {
		last = "last heartbeat " + a.LastHeartbeat.UTC().Format(time.RFC3339)
	}
	return fmt.Sprintf("TriggerX keeper %s has been offline for %s (%s).", a.Keeper.Hex(), d, last)
}

// An Alerter delivers alerts to operators.
type Alerter interface {
	// Name names the channel in logs and metrics ("webhook", "telegram").
	Name() string
	Alert(ctx context.Context, a Alert) error
}

// Health tracks keeper liveness from their signed heartbeats: who is
// online, since when, with how much uptime. The dispatcher asks it which
// keepers are online; its sweeper alerts operators about keepers offline
// longer than AlertAfter. It is safe for concurrent use.
//
// A keeper counts as online when its last heartbeat is at most OfflineAfter
// old. During the first OfflineAfter after the service starts every keeper
// counts as online: the coordinator has not had time to hear from them.
type Health struct {
	cfg     HealthConfig
	logger  *zap.Logger
	started time.Time
	metrics *healthMetrics

	mu      sync.Mutex
	keepers map[common.Address]*KeeperHealth
	dirty   bool
}

// NewHealth returns a health service, with the keepers' health as the
// store last recorded it.
func NewHealth(ctx context.Context, cfg HealthConfig) (*Health, error) {
	if cfg.Keepers == nil {
		return nil, errors.New("new health service: no keeper source")
	}
	if cfg.OfflineAfter <= 0 {
		cfg.OfflineAfter = DefaultOfflineAfter
	}
	if cfg.AlertAfter <= 0 {
		cfg.AlertAfter = DefaultAlertAfter
	}
	if cfg.Sweep <= 0 {
		cfg.Sweep = defaultHealthSweep
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	h := &Health{
		cfg: cfg, logger: cfg.Logger.Named("health"), started: cfg.Clock().UTC(),
		keepers: map[common.Address]*KeeperHealth{},
	}
	m, err := newHealthMetrics(cfg.Registerer)
	if err != nil {
		h.logger.Warn("Register health metrics", zap.Error(err))
	}
	h.metrics = m
	if cfg.Store != nil {
		b, err := cfg.Store.State(ctx, healthStateName)
		switch {
		case errors.Is(err, ErrNotFound):
		case err != nil:
			return nil, fmt.Errorf("new health service: read state: %w", err)
		default:
			var saved []KeeperHealth
			if err := json.Unmarshal(b, &saved); err != nil {
				// Health is advisory: a damaged record costs uptime
				// history, not correctness.
				h.logger.Warn("Stored keeper health is unreadable; starting afresh", zap.Error(err))
			}
			for _, k := range saved {
				// The process was down: whatever online period was
				// open ended with its last heartbeat.
				k.OnlineSince, k.Online = time.Time{}, false
				h.keepers[k.Address] = &k
			}
		}
	}
	return h, nil
}

// Heartbeat records a heartbeat from keeper, signed by it at signedAt
// (the caller has checked the signature and that the keeper is
// registered). A heartbeat signed no later than the last one is a replay
// and is ignored; ok reports whether it was recorded.
func (h *Health) Heartbeat(keeper common.Address, peerID, version string, signedAt time.Time) (ok bool) {
	now := h.cfg.Clock().UTC()
	h.mu.Lock()
	defer h.mu.Unlock()
	k := h.keepers[keeper]
	if k == nil {
		k = &KeeperHealth{Address: keeper}
		h.keepers[keeper] = k
	}
	if !signedAt.After(k.SignedAt) {
		return false
	}
	// Uptime accrues between heartbeats at most OfflineAfter apart.
	gap := now.Sub(k.LastHeartbeat)
	continuing := !k.LastHeartbeat.IsZero() && gap <= h.cfg.OfflineAfter
	if continuing {
		k.Uptime += gap
	}
	if !continuing || k.OnlineSince.IsZero() {
		if !k.LastHeartbeat.IsZero() || !k.OfflineSince.IsZero() {
			since := k.OfflineSince
			if since.IsZero() {
				since = h.offlineSince(k)
			}
			k.LastDowntime = now.Sub(since)
			h.logger.Info("Keeper online", zap.Stringer("keeper", keeper), zap.String("version", version),
				zap.Duration("offline_for", k.LastDowntime))
		}
		k.OnlineSince = now
	}
	k.Online, k.OfflineSince = true, time.Time{}
	k.LastHeartbeat, k.SignedAt = now, signedAt.UTC()
	k.PeerID, k.Version = peerID, version
	h.dirty = true
	h.metrics.heartbeat()
	return true
}

// onlineLocked reports whether k counts as online at now.
func (h *Health) onlineLocked(k *KeeperHealth, now time.Time) bool {
	last := k.LastHeartbeat
	if last.Before(h.started) {
		last = h.started
	}
	return now.Sub(last) <= h.cfg.OfflineAfter
}

// Online reports whether keeper counts as online now.
func (h *Health) Online(keeper common.Address) bool {
	now := h.cfg.Clock().UTC()
	h.mu.Lock()
	defer h.mu.Unlock()
	k := h.keepers[keeper]
	if k == nil {
		k = &KeeperHealth{}
	}
	return h.onlineLocked(k, now)
}

// Keeper returns what the service knows of keeper, as of now; ok is false
// for a keeper it never heard from.
func (h *Health) Keeper(keeper common.Address) (kh KeeperHealth, ok bool) {
	now := h.cfg.Clock().UTC()
	h.mu.Lock()
	defer h.mu.Unlock()
	k := h.keepers[keeper]
	if k == nil {
		return KeeperHealth{Address: keeper, Online: h.onlineLocked(&KeeperHealth{}, now)}, false
	}
	return h.viewLocked(k, now), true
}

// viewLocked is k as of now: its online flag and uptime up to now.
func (h *Health) viewLocked(k *KeeperHealth, now time.Time) KeeperHealth {
	v := *k
	v.Online = h.onlineLocked(k, now)
	if gap := now.Sub(k.LastHeartbeat); !k.LastHeartbeat.IsZero() && gap <= h.cfg.OfflineAfter {
		v.Uptime += gap
	}
	if !v.Online {
		v.OnlineSince = time.Time{}
		if v.OfflineSince.IsZero() {
			v.OfflineSince = h.offlineSince(k)
		}
	}
	return v
}

// offlineSince is when a silent keeper went offline.
func (h *Health) offlineSince(k *KeeperHealth) time.Time {
	if k.LastHeartbeat.After(h.started) {
		return k.LastHeartbeat
	}
	return h.started
}

// Run sweeps the keepers every Sweep until ctx ends: it marks silent
// keepers offline, alerts about long outages and saves the keepers'
// health to the store. It returns nil when ctx ends.
func (h *Health) Run(ctx context.Context) error {
	t := time.NewTicker(h.cfg.Sweep)
	defer t.Stop()
	for {
		h.SweepOnce(ctx)
		select {
		case <-ctx.Done():
			h.save(context.WithoutCancel(ctx))
			return nil
		case <-t.C:
		}
	}
}

// SweepOnce runs one sweep (Run calls it every Sweep).
func (h *Health) SweepOnce(ctx context.Context) {
	now := h.cfg.Clock().UTC()
	registered, err := h.cfg.Keepers.Keepers(ctx)
	if err != nil {
		h.logger.Warn("Read keepers for the health sweep", zap.Error(err))
	}
	var alerts []Alert
	online := 0
	h.mu.Lock()
	active := make(map[common.Address]bool, len(registered))
	for _, r := range registered {
		active[r.Address] = r.Active
		if r.Active && h.keepers[r.Address] == nil {
			h.keepers[r.Address] = &KeeperHealth{Address: r.Address}
		}
	}
	for addr, k := range h.keepers {
		if h.onlineLocked(k, now) {
			online++
			if k.Alerted {
				k.Alerted = false
				h.dirty = true
				alerts = append(alerts, Alert{Kind: AlertOnline, Keeper: addr, KeeperHealth: h.viewLocked(k, now),
					Downtime: k.LastDowntime, At: now})
			}
			continue
		}
		if k.Online || k.OfflineSince.IsZero() {
			// Going offline closes the online period at its last
			// heartbeat.
			since := h.offlineSince(k)
			if k.Online {
				h.logger.Warn("Keeper offline", zap.Stringer("keeper", addr), zap.Time("last_heartbeat", k.LastHeartbeat))
			}
			k.Online, k.OnlineSince, k.OfflineSince = false, time.Time{}, since
			h.dirty = true
		}
		if down := now.Sub(k.OfflineSince); down >= h.cfg.AlertAfter && !k.Alerted && active[addr] {
			alerts = append(alerts, Alert{Kind: AlertOffline, Keeper: addr, KeeperHealth: h.viewLocked(k, now), Downtime: down, At: now})
		}
	}
	h.mu.Unlock()
	h.metrics.setOnline(online)

	for _, a := range alerts {
		delivered := h.deliver(ctx, a)
		if a.Kind == AlertOffline && delivered {
			h.mu.Lock()
			if k := h.keepers[a.Keeper]; k != nil && !k.Online {
				k.Alerted = true
				h.dirty = true
			}
			h.mu.Unlock()
		}
	}
	h.save(ctx)
}

// deliver sends a to every alerter; it reports whether one of them took
// it (an outage nobody was told of is alerted again at the next sweep).
// Without alerters the outage is only logged, once.
func (h *Health) deliver(ctx context.Context, a Alert) bool {
	if h.cfg.Claim != nil {
		key := fmt.Sprintf("alert/%s/%s/%d", a.Kind, a.Keeper.Hex(), a.OfflineSince.Unix())
		if a.Kind == AlertOnline {
			key = fmt.Sprintf("alert/%s/%s/%d", a.Kind, a.Keeper.Hex(), a.OnlineSince.Unix())
		}
		mine, err := h.cfg.Claim(ctx, key)
		if err != nil {
			h.logger.Warn("Claim keeper alert", zap.String("key", key), zap.Error(err))
			return false
		}
		if !mine {
			return true // another instance sends it
		}
	}
	if len(h.cfg.Alerters) == 0 {
		h.logger.Warn("Keeper alert (no alert channel configured)", zap.String("alert", a.Message()))
		return true
	}
	ok := false
	for _, al := range h.cfg.Alerters {
		actx, cancel := context.WithTimeout(ctx, defaultAlertTimeout)
		err := al.Alert(actx, a)
		cancel()
		h.metrics.alert(al.Name(), err)
		if err != nil {
			h.logger.Warn("Keeper alert not delivered", zap.String("channel", al.Name()), zap.String("type", a.Kind),
				zap.Stringer("keeper", a.Keeper), zap.Error(err))
			continue
		}
		ok = true
		h.logger.Info("Keeper alert delivered", zap.String("channel", al.Name()), zap.String("type", a.Kind),
			zap.Stringer("keeper", a.Keeper))
	}
	return ok
}

// save writes the keepers' health to the store when it changed.
func (h *Health) save(ctx context.Context) {
	if h.cfg.Store == nil {
		return
	}
	h.mu.Lock()
	if !h.dirty {
		h.mu.Unlock()
		return
	}
	all := make([]KeeperHealth, 0, len(h.keepers))
	for _, k := range h.keepers {
		all = append(all, *k)
	}
	h.dirty = false
	h.mu.Unlock()
	slices.SortFunc(all, func(a, b KeeperHealth) int { return bytes.Compare(a.Address[:], b.Address[:]) })
	b, err := json.Marshal(all)
	if err == nil {
		err = h.cfg.Store.SetState(ctx, healthStateName, b)
	}
	if err != nil {
		h.logger.Warn("Save keeper health", zap.Error(err))
		h.mu.Lock()
		h.dirty = true
		h.mu.Unlock()
	}
}

// WebhookAlerter posts each alert as JSON to a URL:
//
//	{"type": "keeper_offline", "keeper": "0x…" (checksummed),
//	 "last_heartbeat": "…" (absent if never), "downtime_seconds": 612,
//	 "uptime_seconds": 86400, "version": "…",
//	 "message": "TriggerX keeper 0x… has been offline for 10m12s (…).", "at": "…"}
//
// Any 2xx answer is a delivery.
type WebhookAlerter struct {
	URL    string
	Client *http.Client // http.DefaultClient when nil
}

// NewWebhookAlerter checks rawURL (http or https) and returns the alerter.
func NewWebhookAlerter(rawURL string) (*WebhookAlerter, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("alert webhook %q: want an http or https URL", rawURL)
	}
	return &WebhookAlerter{URL: rawURL}, nil
}

func (w *WebhookAlerter) Name() string { return "webhook" }

func (w *WebhookAlerter) Alert(ctx context.Context, a Alert) error {
	body, err := json.Marshal(struct {
		Kind            string    `json:"type"`
		Keeper          string    `json:"keeper"`
		LastHeartbeat   time.Time `json:"last_heartbeat,omitzero"`
		DowntimeSeconds int64     `json:"downtime_seconds"`
		UptimeSeconds   int64     `json:"uptime_seconds"`
		Version         string    `json:"version,omitempty"`
		Message         string    `json:"message"`
		At              time.Time `json:"at"`
	}{a.Kind, a.Keeper.Hex(), a.LastHeartbeat, int64(a.Downtime / time.Second), int64(a.Uptime / time.Second), a.Version, a.Message(), a.At})
	if err != nil {
		return err
	}
	return postJSON(ctx, w.Client, w.URL, body)
}

// TelegramAlerter sends each alert as a message to one Telegram chat
// through a bot (Bot API sendMessage).
type TelegramAlerter struct {
	Token  string
	ChatID string
	// APIURL is the Bot API's base URL; default https://api.telegram.org.
	APIURL string
	Client *http.Client
}

func (t *TelegramAlerter) Name() string { return "telegram" }

func (t *TelegramAlerter) Alert(ctx context.Context, a Alert) error {
	base := t.APIURL
	if base == "" {
		base = telegramDefaultAPI
	}
	body, err := json.Marshal(map[string]string{"chat_id": t.ChatID, "text": a.Message()})
	if err != nil {
		return err
	}
	err = postJSON(ctx, t.Client, strings.TrimSuffix(base, "/")+"/bot"+t.Token+"/sendMessage", body)
	if err != nil && t.Token != "" {
		// The bot token is part of the URL: keep it out of error messages.
		err = errors.New(strings.ReplaceAll(err.Error(), t.Token, "<token>"))
	}
	return err
}

func postJSON(ctx context.Context, client *http.Client, u string, body []byte) error {
	if client == nil {
		client = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, maxAlertResponseBody))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("answered %s: %s", resp.Status, strings.TrimSpace(string(msg)))
	}
	return nil
}

// healthMetrics are the health service's metrics; nil records nothing.
type healthMetrics struct {
	online     prometheus.Gauge
	heartbeats prometheus.Counter
	alerts     *prometheus.CounterVec // channel, result
}

func newHealthMetrics(reg prometheus.Registerer) (*healthMetrics, error) {
	if reg == nil {
		return nil, nil
	}
	const ns, sub = "triggerx", "coordinator"
	m := &healthMetrics{
		online: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: ns, Subsystem: sub, Name: "keepers_online",
			Help: "Keepers whose last heartbeat is recent enough to count as online.",
		}),
		heartbeats: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "keeper_heartbeats_total",
			Help: "Keeper heartbeats recorded (replays excluded).",
		}),
		alerts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "keeper_alerts_total",
			Help: "Keeper alerts sent, by channel and result (delivered, failed).",
		}, []string{"channel", "result"}),
	}
	var errs []error
	m.online = promreg.Register(reg, m.online, &errs)
	m.heartbeats = promreg.Register(reg, m.heartbeats, &errs)
	m.alerts = promreg.Register(reg, m.alerts, &errs)
	return m, errors.Join(errs...)
}

func (m *healthMetrics) setOnline(n int) {
	if m != nil {
		m.online.Set(float64(n))
	}
}

func (m *healthMetrics) heartbeat() {
	if m != nil {
		m.heartbeats.Inc()
	}
}

func (m *healthMetrics) alert(channel string, err error) {
	if m != nil {
		result := "delivered"
		if err != nil {
			result = "failed"
		}
		m.alerts.WithLabelValues(channel, result).Inc()
	}
}
