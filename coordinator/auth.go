package coordinator

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
	lru "github.com/hashicorp/golang-lru/v2"
	"go.uber.org/zap"
)

// API key limits and defaults.
const (
	// DefaultRateLimit is the requests per minute of a key without its own
	// limit when APIConfig.DefaultRateLimit is unset.
	DefaultRateLimit = 600
	// maxRateLimit bounds a key's own rate limit.
	maxRateLimit = 1_000_000
	// maxUserKeys bounds the active keys a user key may create for its owner.
	maxUserKeys = 10
	// maxOwnerLen bounds the name of an admin key's owner.
	maxOwnerLen = 64
	// apiKeySecretPrefix starts every secret the API generates.
	apiKeySecretPrefix = "TGRX-"
	// ctxAPIKey is the gin context key of the caller's APIKey.
	ctxAPIKey = "api_key"
)

// Rate limit headers of every keyed answer.
const (
	headerRateLimit     = "X-RateLimit-Limit"
	headerRateRemaining = "X-RateLimit-Remaining"
	headerRateReset     = "X-RateLimit-Reset" // unix seconds
)

// RateLimiter limits requests per key. Allow takes one request of key
// against limit requests per minute. It returns how many requests remain,
// ok when this one is allowed, and reset: when the full limit is available
// again if ok, or when the next request can be allowed if not.
// Implementations must be safe for concurrent use.
type RateLimiter interface {
	Allow(ctx context.Context, key string, limit int) (remaining int, reset time.Time, ok bool, err error)
}

// MemoryRateLimiter is a RateLimiter of one process: a token bucket per
// key that holds limit tokens and refills at limit per minute.
type MemoryRateLimiter struct {
	now     func() time.Time
	mu      sync.Mutex
	buckets map[string]*bucket
}

// bucket counts in units of a token per limit nanoseconds: a token is
// tokenUnits units and the bucket gains limit units per nanosecond, so that
// integer arithmetic is exact.
type bucket struct {
	limit int64
	level int64 // units
	last  time.Time
}

const (
	tokenUnits = int64(time.Minute)
	// sweepAbove is the bucket count above which full buckets are dropped.
	sweepAbove = 4096
)

// NewMemoryRateLimiter returns an empty limiter reading time from now
// (time.Now when nil).
func NewMemoryRateLimiter(now func() time.Time) *MemoryRateLimiter {
	if now == nil {
		now = time.Now
	}
	return &MemoryRateLimiter{now: now, buckets: map[string]*bucket{}}
}

// Allow implements RateLimiter. limit must be 1 to maxRateLimit.
func (l *MemoryRateLimiter) Allow(_ context.Context, key string, limit int) (int, time.Time, bool, error) {
	if limit < 1 || limit > maxRateLimit {
		return 0, time.Time{}, false, fmt.Errorf("rate limit %d of %q: must be 1 to %d", limit, key, maxRateLimit)
	}
	now := l.now()
	lim := int64(limit)
	capacity := lim * tokenUnits
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[key]
	if b == nil || b.limit != lim {
		if len(l.buckets) >= sweepAbove {
			l.sweep(now)
		}
		b = &bucket{limit: lim, level: capacity, last: now}
		l.buckets[key] = b
	}
	if d := now.Sub(b.last); d > 0 {
		b.level = min(capacity, b.level+min(int64(d), int64(time.Minute))*lim)
		b.last = now
	}
	if b.level < tokenUnits {
		return 0, now.Add(ceilDiv(tokenUnits-b.level, lim)), false, nil
	}
	b.level -= tokenUnits
	return int(b.level / tokenUnits), now.Add(ceilDiv(capacity-b.level, lim)), true, nil
}

func ceilDiv(a, b int64) time.Duration { return time.Duration((a + b - 1) / b) }

// sweep drops the buckets that have refilled: they equal a new bucket.
func (l *MemoryRateLimiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		if now.Sub(b.last) >= time.Minute || b.level+int64(now.Sub(b.last))*b.limit >= b.limit*tokenUnits {
			delete(l.buckets, k)
		}
	}
}

// authenticate admits requests with an active API key (401 without one,
// 403 for an unknown or revoked one) and applies the key's rate limit.
func (a *api) authenticate(c *gin.Context) {
	secret := c.GetHeader(apiKeyHeader)
	if secret == "" {
		problem(c, http.StatusUnauthorized, "", "API key is required (X-Api-Key header)")
		return
	}
	ctx := c.Request.Context()
	k, cached := a.keys.get(secret)
	var err error
	if !cached {
		if k, err = a.store.APIKey(ctx, secret); err == nil {
			a.keys.put(secret, k)
		}
	}
	switch {
	case errors.Is(err, ErrNotFound):
		problem(c, http.StatusForbidden, "", "invalid API key")
		return
	case err != nil:
		a.fail(c, fmt.Errorf("look up API key: %w", err))
		return
	case !k.Active():
		problem(c, http.StatusForbidden, "", "API key is inactive: it was revoked")
		return
	}
	k.Key = ""
	c.Set(ctxAPIKey, k)

	limit := k.RateLimit
	if limit <= 0 {
		limit = a.cfg.DefaultRateLimit
	}
	remaining, reset, ok, err := a.limiter.Allow(ctx, k.ID, limit)
	if err != nil {
		// A limiter outage must not take the API down: let the request in.
		a.logger.Warn("Rate limiter failed; request let through", zap.String("key_id", k.ID), zap.Error(err))
		c.Next()
		return
	}
	resetUnix := reset.Unix()
	if reset.After(time.Unix(resetUnix, 0)) {
		resetUnix++
	}
	h := c.Writer.Header()
	h.Set(headerRateLimit, strconv.Itoa(limit))
	h.Set(headerRateRemaining, strconv.Itoa(remaining))
	h.Set(headerRateReset, strconv.FormatInt(resetUnix, 10))
	if !ok {
		retry := int64(math.Ceil(reset.Sub(a.cfg.Clock()).Seconds()))
		h.Set("Retry-After", strconv.FormatInt(max(retry, 1), 10))
		problem(c, http.StatusTooManyRequests, "", "rate limit of %d requests per minute exceeded", limit)
		return
	}
	c.Next()
}

// caller returns the API key of an authenticated request.
func caller(c *gin.Context) APIKey {
	v, _ := c.Get(ctxAPIKey)
	k, _ := v.(APIKey)
	return k
}

// owns reports whether key k may see and change the jobs of user: an admin
// key sees every job, a user key only those of its owner.
func owns(k APIKey, user common.Address) bool {
	if k.Scope == ScopeAdmin {
		return true
	}
	return k.Scope == ScopeUser && common.IsHexAddress(k.Owner) && common.HexToAddress(k.Owner) == user
}

// managesKey reports whether key k may see, rotate and revoke key other.
func managesKey(k, other APIKey) bool {
	return k.Scope == ScopeAdmin || (k.Scope == ScopeUser && other.Scope == ScopeUser && other.Owner == k.Owner)
}

// APIKeyView is an API key as the API shows it: masked, except for the
// secret in Key right after creation or rotation.
type APIKeyView struct {
	ID        string      `json:"id"`
	Key       string      `json:"key,omitempty"`
	Prefix    string      `json:"prefix"`
	MaskedKey string      `json:"masked_key"`
	Owner     string      `json:"owner"`
	Scope     APIKeyScope `json:"scope"`
	RateLimit int         `json:"rate_limit"` // requests per minute, the default applied
	IsActive  bool        `json:"is_active"`
	CreatedAt time.Time   `json:"created_at"`
	RevokedAt *time.Time  `json:"revoked_at,omitempty"`
}

func (a *api) view(k APIKey, secret string) APIKeyView {
	v := APIKeyView{
		ID: k.ID, Key: secret, Prefix: k.Prefix, MaskedKey: k.Prefix + "****", Owner: k.Owner, Scope: k.Scope,
		RateLimit: k.RateLimit, IsActive: k.Active(), CreatedAt: k.CreatedAt,
	}
	if v.RateLimit <= 0 {
		v.RateLimit = a.cfg.DefaultRateLimit
	}
	if !k.Active() {
		t := k.RevokedAt
		v.RevokedAt = &t
	}
	return v
}

// keyRequest is the body of POST /api/v1/keys.
type keyRequest struct {
	Owner     string `json:"owner"`
	Scope     string `json:"scope"`
	RateLimit *int   `json:"rate_limit"`
}

// createKey makes a key. An admin key makes keys of any owner and scope
// (scope user by default); a user key makes user keys of its own owner,
// with its own rate limit, up to maxUserKeys active ones.
func (a *api) createKey(c *gin.Context) {
	ctx := c.Request.Context()
	me := caller(c)
	var req keyRequest
	body, ok := a.readBody(c)
	if !ok {
		return
	}
	if len(strings.TrimSpace(string(body))) > 0 {
		if err := json.Unmarshal(body, &req); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) && te.Field != "" {
				problem(c, http.StatusBadRequest, te.Field, "%s: must be a %s", te.Field, te.Type)
				return
			}
			problem(c, http.StatusBadRequest, "", "request body is not a JSON object: %v", err)
			return
		}
	}
	scope := APIKeyScope(req.Scope)
	if scope == "" {
		scope = ScopeUser
	}
	if !scope.Valid() {
		problem(c, http.StatusBadRequest, "scope", "scope: must be %q or %q", ScopeUser, ScopeAdmin)
		return
	}
	owner := req.Owner
	rate := 0
	if req.RateLimit != nil {
		if *req.RateLimit < 0 || *req.RateLimit > maxRateLimit {
			problem(c, http.StatusBadRequest, "rate_limit", "rate_limit: must be 0 (the default) to %d requests per minute", maxRateLimit)
			return
		}
		rate = *req.RateLimit
	}
	if me.Scope != ScopeAdmin {
		switch {
		case scope != ScopeUser:
			problem(c, http.StatusForbidden, "scope", "scope: a user key creates user keys only")
			return
		case owner != "" && !strings.EqualFold(owner, me.Owner):
			problem(c, http.StatusForbidden, "owner", "owner: a user key creates keys of its own owner %s only", me.Owner)
			return
		case req.RateLimit != nil && rate != me.RateLimit:
			problem(c, http.StatusForbidden, "rate_limit", "rate_limit: only an admin key sets rate limits")
			return
		}
		owner, rate = me.Owner, me.RateLimit
		mine, err := a.store.ListAPIKeys(ctx, owner)
		if err != nil {
			a.fail(c, fmt.Errorf("list API keys: %w", err))
			return
		}
		active := 0
		for _, k := range mine {
			if k.Active() {
				active++
			}
		}
		if active >= maxUserKeys {
			problem(c, http.StatusConflict, "", "%s already has %d active keys: revoke one first", owner, active)
			return
		}
	}
	owner, err := checkOwner(scope, owner)
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	id, err := a.newKeyID(ctx)
	if err != nil {
		a.fail(c, err)
		return
	}
	secret := newAPIKeySecret()
	k := APIKey{ID: id, Key: secret, Owner: owner, Scope: scope, Prefix: secret[:APIKeyPrefixLen],
		RateLimit: rate, CreatedAt: a.cfg.Clock().UTC().Truncate(time.Second)}
	if err := a.store.PutAPIKey(ctx, k); err != nil {
		a.fail(c, fmt.Errorf("store API key: %w", err))
		return
	}
	a.keys.purge()
	a.logger.Info("API key created", zap.String("key_id", id), zap.String("owner", owner),
		zap.String("scope", string(scope)), zap.String("by", me.ID))
	c.JSON(http.StatusCreated, a.view(k, secret))
}

// checkOwner validates the owner of a new key of scope: a user key's owner
// is an address (returned checksummed), an admin key's a name.
func checkOwner(scope APIKeyScope, owner string) (string, error) {
	if scope == ScopeUser {
		addr, err := parseAddress("owner", owner)
		if err != nil {
			if owner != "" && !strings.HasPrefix(owner, "0x") {
				return "", badField("owner", "a user key's owner is the 0x address of the jobs' user_address; send scope %q for a named key", ScopeAdmin)
			}
			return "", err
		}
		return addr.Hex(), nil
	}
	if owner == "" || len(owner) > maxOwnerLen || strings.ContainsFunc(owner, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return "", badField("owner", "an admin key's owner is a name of 1 to %d printable characters", maxOwnerLen)
	}
	return owner, nil
}

// listKeys lists keys, masked: an admin key all of them (or those of
// ?owner= or the :owner parameter), a user key those of its owner.
func (a *api) listKeys(c *gin.Context) {
	me := caller(c)
	owner := c.Query("owner")
	if p := c.Param("owner"); p != "" {
		owner = p
	}
	if me.Scope != ScopeAdmin {
		if owner != "" && !strings.EqualFold(owner, me.Owner) {
			c.JSON(http.StatusOK, []APIKeyView{})
			return
		}
		owner = me.Owner
	} else if common.IsHexAddress(owner) {
		owner = common.HexToAddress(owner).Hex()
	}
	keys, err := a.store.ListAPIKeys(c.Request.Context(), owner)
	if err != nil {
		a.fail(c, fmt.Errorf("list API keys: %w", err))
		return
	}
	views := make([]APIKeyView, 0, len(keys))
	for _, k := range keys {
		if managesKey(me, k) {
			views = append(views, a.view(k, ""))
		}
	}
	c.JSON(http.StatusOK, views)
}

// keyParam reads the key the :id parameter names, if the caller manages
// it; otherwise it answers 404 and returns false.
func (a *api) keyParam(c *gin.Context) (APIKey, bool) {
	id := c.Param("id")
	k, err := a.store.APIKeyByID(c.Request.Context(), id)
	if errors.Is(err, ErrNotFound) || (err == nil && !managesKey(caller(c), k)) {
		problem(c, http.StatusNotFound, "", "API key %q not found", id)
		return APIKey{}, false
	} else if err != nil {
		a.fail(c, fmt.Errorf("read API key: %w", err))
		return APIKey{}, false
	}
	return k, true
}

func (a *api) getKey(c *gin.Context) {
	if k, ok := a.keyParam(c); ok {
		c.JSON(http.StatusOK, a.view(k, ""))
	}
}

// rotateKey gives a key a new secret; the old one stops working at once.
func (a *api) rotateKey(c *gin.Context) {
	k, ok := a.keyParam(c)
	if !ok {
		return
	}
	if !k.Active() {
		problem(c, http.StatusConflict, "", "API key %s is revoked", k.ID)
		return
	}
	secret := newAPIKeySecret()
	k.Key, k.Prefix = secret, secret[:APIKeyPrefixLen]
	if err := a.store.PutAPIKey(c.Request.Context(), k); err != nil {
		a.fail(c, fmt.Errorf("store API key: %w", err))
		return
	}
	a.keys.purge()
	a.logger.Info("API key rotated", zap.String("key_id", k.ID), zap.String("by", caller(c).ID))
	c.JSON(http.StatusOK, a.view(k, secret))
}

// revokeKey revokes a key for good; revoking again succeeds.
func (a *api) revokeKey(c *gin.Context) {
	k, ok := a.keyParam(c)
	if !ok {
		return
	}
	if k.Active() {
		k.RevokedAt = a.cfg.Clock().UTC().Truncate(time.Second)
		if err := a.store.PutAPIKey(c.Request.Context(), k); err != nil {
			a.fail(c, fmt.Errorf("store API key: %w", err))
			return
		}
		a.keys.purge()
		a.logger.Info("API key revoked", zap.String("key_id", k.ID), zap.String("by", caller(c).ID))
	}
	c.JSON(http.StatusOK, a.view(k, ""))
}

// newKeyID returns an unused key id.
func (a *api) newKeyID(ctx context.Context) (string, error) {
	for range 8 {
		id := newAPIKeyID()
		if _, err := a.store.APIKeyByID(ctx, id); errors.Is(err, ErrNotFound) {
			return id, nil
		} else if err != nil {
			return "", fmt.Errorf("read API key: %w", err)
		}
	}
	return "", errors.New("no unused API key id found")
}

func newAPIKeyID() string { return "key_" + randomHex(6) }

func newAPIKeySecret() string { return apiKeySecretPrefix + randomHex(24) }

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}

// SeedAPIKey stores key as an active admin key of owner, as configured by
// the operator: configured keys are authoritative, so re-seeding a key
// keeps its id and creation time but restores its owner, scope and
// activity.
func SeedAPIKey(ctx context.Context, store Store, key, owner string) error {
	if len(key) < minAPIKeyLen || strings.ContainsFunc(key, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return fmt.Errorf("seed API key of %q: a key needs at least %d printable characters", owner, minAPIKeyLen)
	}
	if _, err := checkOwner(ScopeAdmin, owner); err != nil {
		return fmt.Errorf("seed API key: %w", err)
	}
	k, err := store.APIKey(ctx, key)
	if errors.Is(err, ErrNotFound) {
		k = APIKey{CreatedAt: time.Now().UTC().Truncate(time.Second)}
		for k.ID == "" {
			id := newAPIKeyID()
			if _, err := store.APIKeyByID(ctx, id); errors.Is(err, ErrNotFound) {
				k.ID = id
			} else if err != nil {
				return fmt.Errorf("seed API key of %q: %w", owner, err)
			}
		}
	} else if err != nil {
		return fmt.Errorf("seed API key of %q: %w", owner, err)
	}
	k.Key, k.Owner, k.Scope, k.Prefix, k.RevokedAt = key, owner, ScopeAdmin, key[:APIKeyPrefixLen], time.Time{}
	if err := store.PutAPIKey(ctx, k); err != nil {
		return fmt.Errorf("seed API key of %q: %w", owner, err)
	}
	return nil
}

// apiKeyCacheTTL is how long a coordinator reuses an API key it looked up
// (a store read and a hash otherwise, on every request): a key revoked or
// rotated through another coordinator sharing the store stops working here
// within it; through this one, at once.
const apiKeyCacheTTL = 5 * time.Second

// keyCache remembers recent API key lookups, by the SHA-256 of the secret
// (not the secret itself), for apiKeyCacheTTL. Unknown keys are not
// remembered. Safe for concurrent use.
type keyCache struct {
	c *lru.Cache[[sha256.Size]byte, cachedKey]
}

type cachedKey struct {
	key APIKey
	at  time.Time
}

// keyCacheSize bounds the keys remembered.
const keyCacheSize = 4096

func newKeyCache() *keyCache {
	c, _ := lru.New[[sha256.Size]byte, cachedKey](keyCacheSize) // only fails for a size <= 0
	return &keyCache{c: c}
}

func (k *keyCache) get(secret string) (APIKey, bool) {
	e, ok := k.c.Get(sha256.Sum256([]byte(secret)))
	if !ok || time.Since(e.at) > apiKeyCacheTTL {
		return APIKey{}, false
	}
	return e.key, true
}

func (k *keyCache) put(secret string, key APIKey) {
	k.c.Add(sha256.Sum256([]byte(secret)), cachedKey{key: key, at: time.Now()})
}

// purge forgets every key, after one was created, rotated or revoked.
func (k *keyCache) purge() { k.c.Purge() }
