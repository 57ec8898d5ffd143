package coordinator

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisRateLimiter is a RateLimiter shared by every coordinator instance
// using one Redis: the same token bucket as MemoryRateLimiter (limit tokens,
// refilled at limit per minute), kept in a Redis hash per key and updated by
// one Lua script, so concurrent instances never both take the last token.
// Time is Redis's own (TIME), so instances' clocks do not matter.
type RedisRateLimiter struct {
	rdb    redis.UniversalClient
	prefix string
}

// NewRedisRateLimiter returns a limiter keeping its buckets under
// "<prefix>rl:<key>" in rdb.
func NewRedisRateLimiter(rdb redis.UniversalClient, prefix string) *RedisRateLimiter {
	return &RedisRateLimiter{rdb: rdb, prefix: prefix}
}

// tokenBucket takes one token from the bucket KEYS[1] of limit ARGV[1]
// tokens a minute. Levels are in microsecond-tokens: a token is 60e6 units,
// and the bucket gains limit units a microsecond (exact in Lua's doubles up
// to 2^53 units: limits up to 150 million a minute). It returns {taken (0/1),
// tokens left, now in µs, µs until the bucket is full (taken) or holds a
// token (not taken)}.
var tokenBucket = redis.NewScript(`
local limit = tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local unit = 60000000
local cap = limit * unit
local level = tonumber(redis.call('HGET', KEYS[1], 'level') or cap)
local last = tonumber(redis.call('HGET', KEYS[1], 'last') or now)
local lim = tonumber(redis.call('HGET', KEYS[1], 'limit') or limit)
if lim ~= limit then
  level = cap
  last = now
end
local d = now - last
if d > 0 then
  level = math.min(cap, level + math.min(d, unit) * limit)
  last = now
end
local taken = 0
if level >= unit then
  level = level - unit
  taken = 1
end
redis.call('HSET', KEYS[1], 'level', string.format('%.0f', level), 'last', string.format('%.0f', last), 'limit', limit)
redis.call('PEXPIRE', KEYS[1], 120000)
local wait
if taken == 1 then
  wait = math.ceil((cap - level) / limit)
else
  wait = math.ceil((unit - level) / limit)
end
return {taken, math.floor(level / unit), now, wait}
`)

// Allow implements RateLimiter. limit must be 1 to maxRateLimit.
func (l *RedisRateLimiter) Allow(ctx context.Context, key string, limit int) (int, time.Time, bool, error) {
	if limit < 1 || limit > maxRateLimit {
		return 0, time.Time{}, false, fmt.Errorf("rate limit %d of %q: must be 1 to %d", limit, key, maxRateLimit)
	}
	res, err := tokenBucket.Run(ctx, l.rdb, []string{l.prefix + "rl:" + key}, limit).Int64Slice()
	if err != nil {
		return 0, time.Time{}, false, fmt.Errorf("rate limit %q in redis: %w", key, err)
	}
	if len(res) != 4 {
		return 0, time.Time{}, false, fmt.Errorf("rate limit %q in redis: %d values from the script, want 4", key, len(res))
	}
	reset := time.UnixMicro(res[2] + res[3])
	return int(res[1]), reset, res[0] == 1, nil
}
