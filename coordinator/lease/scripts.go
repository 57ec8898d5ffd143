package lease

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/redis/go-redis/v9"
)

// The scripts read Redis's clock with TIME, so they rely on scripts being
// replicated by their effects (the only mode since Redis 7;
// redis.replicate_commands turns it on in Redis 3.2 to 6).

// acquireScript takes a free lease. It draws the next fencing token from the
// lease's counter, floored by Redis's clock in microseconds so that tokens
// keep growing when the counter is lost (a Redis restart without
// persistence, a failover that lost the last writes), and stores
// "holder token" in the lease key with the TTL. (Lua numbers are doubles:
// microsecond tokens stay exact until the year 2255.)
//
// KEYS: lease, fence counter. ARGV: holder, TTL in ms.
// Returns the token, or 0 when the lease key exists.
var acquireScript = redis.NewScript(`
redis.replicate_commands()
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local token = tonumber(redis.call('GET', KEYS[2]) or '0') + 1
if token < now then token = now end
local s = string.format('%d', token)
redis.call('SET', KEYS[2], s)
redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. s, 'PX', ARGV[2])
return token
`)

// renewScript extends the lease key's TTL when it still holds our value.
//
// KEYS: lease. ARGV: value, TTL in ms. Returns 1 when renewed, else 0.
var renewScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`)

// releaseScript deletes the lease key when it still holds our value.
//
// KEYS: lease. ARGV: value. Returns 1 when deleted, else 0.
var releaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('DEL', KEYS[1])
end
return 0
`)

// heartbeatScript announces a live instance in the member sorted set (score:
// Redis time in ms when the announcement expires), drops expired members and
// returns the live ones. It also checks that every instance uses the same
// partition count. Both keys expire with the last member.
//
// KEYS: members, partitions. ARGV: instance, TTL in ms, partitions.
// Returns the live members, or an error reply "PARTITIONS <n>" when live
// instances use n partitions.
var heartbeatScript = redis.NewScript(`
redis.replicate_commands()
local p = redis.call('GET', KEYS[2])
if p and p ~= ARGV[3] then return redis.error_reply('PARTITIONS ' .. p) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%d', now))
redis.call('ZADD', KEYS[1], string.format('%d', now + tonumber(ARGV[2])), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[2])
return redis.call('ZRANGE', KEYS[1], 0, -1)
`)

// scriptCall is one call of a script in a batch.
type scriptCall struct {
	keys []string
	args []any
}

// runBatch runs script once per call in one pipeline and returns the
// commands in call order; each command carries its own result or error.
// Calls the server reports as NOSCRIPT (its script cache was emptied, e.g.
// by a restart) did not run and are sent again once with the script body.
func runBatch(ctx context.Context, rdb redis.UniversalClient, script *redis.Script, calls []scriptCall) []*redis.Cmd {
	cmds := make([]*redis.Cmd, len(calls))
	pipe := rdb.Pipeline()
	for i, c := range calls {
		cmds[i] = script.EvalSha(ctx, pipe, c.keys, c.args...)
	}
	_, _ = pipe.Exec(ctx) // errors are read per command
	var retry []int
	for i, cmd := range cmds {
		if isNoScript(cmd.Err()) {
			retry = append(retry, i)
		}
	}
	if len(retry) == 0 {
		return cmds
	}
	pipe = rdb.Pipeline()
	for _, i := range retry {
		cmds[i] = script.Eval(ctx, pipe, calls[i].keys, calls[i].args...)
	}
	_, _ = pipe.Exec(ctx)
	return cmds
}

func isNoScript(err error) bool {
	return err != nil && (errors.Is(err, redis.ErrNoScript) || redis.HasErrorPrefix(err, "NOSCRIPT"))
}

// heartbeat announces instance and returns the live members.
func heartbeat(ctx context.Context, cfg Config) ([]string, error) {
	members, err := heartbeatScript.Run(ctx, cfg.Client,
		[]string{cfg.membersKey(), cfg.partitionsKey()},
		cfg.Instance, cfg.TTL.Milliseconds(), cfg.Partitions).StringSlice()
	if err != nil {
		if redis.HasErrorPrefix(err, "PARTITIONS") {
			theirs := strings.TrimPrefix(strings.TrimPrefix(err.Error(), "ERR "), "PARTITIONS ")
			return nil, fmt.Errorf("%w: ours %d, theirs %s", ErrPartitionsMismatch, cfg.Partitions, theirs)
		}
		return nil, fmt.Errorf("heartbeat: %w", err)
	}
	return members, nil
}

// leave removes instance from the member set.
func leave(ctx context.Context, cfg Config) error {
	if err := cfg.Client.ZRem(ctx, cfg.membersKey(), cfg.Instance).Err(); err != nil {
		return fmt.Errorf("leave member set: %w", err)
	}
	return nil
}
