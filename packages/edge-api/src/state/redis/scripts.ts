/**
 * The Lua scripts behind the Redis state. Each runs atomically on the server and reads the server's
 * clock (TIME), so every process agrees on "now" whatever its own clock says. Every key a script
 * touches is passed in KEYS and shares its clinic's (or consumer's) hash tag, so they also run on a
 * Redis Cluster.
 */

/** Server time in whole milliseconds, as the first line of every script that needs it. */
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/**
 * Joins a lock's queue (first call: ARGV[1] is "") and takes the lock when it is free and this
 * waiter is first in line. Waiters that stopped asking (their process died) are dropped from the
 * head of the line once their liveness runs out.
 * KEYS: lock, queue (zset: token by ticket), alive (zset: token by alive-until), fence counter.
 * ARGV: token or "", alive ms, lease ms, nonce. Returns {granted 0|1, token}.
 */
export const LOCK_ACQUIRE = `${NOW}
local token = ARGV[1]
local aliveMs = tonumber(ARGV[2])
if token == '' then
  local n = redis.call('INCR', KEYS[4])
  token = n .. ':' .. ARGV[4]
  redis.call('ZADD', KEYS[2], n, token)
elseif not redis.call('ZSCORE', KEYS[2], token) then
  -- Dropped while we were slow to ask again, or the queue was lost (Redis restarted): back in line
  -- at our own ticket, which keeps our place among those who arrived after us.
  redis.call('ZADD', KEYS[2], tonumber(string.match(token, '^(%d+):')), token)
end
redis.call('ZADD', KEYS[3], now + aliveMs, token)
local head
while true do
  head = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  if not head then break end
  local alive = tonumber(redis.call('ZSCORE', KEYS[3], head) or '0')
  if alive > now then break end
  redis.call('ZREM', KEYS[2], head)
  redis.call('ZREM', KEYS[3], head)
end
redis.call('PEXPIRE', KEYS[2], aliveMs * 2)
redis.call('PEXPIRE', KEYS[3], aliveMs * 2)
if head == token and redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('SET', KEYS[1], token, 'PX', ARGV[3])
  redis.call('ZREM', KEYS[2], token)
  redis.call('ZREM', KEYS[3], token)
  return {1, token}
end
return {0, token}
`;

/** Leaves a lock's queue. KEYS: queue, alive. ARGV: token, channel, lock key (to wake the next). */
export const LOCK_LEAVE = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1
`;

/** Extends a held lock's lease. KEYS: lock. ARGV: token, ms. Returns 1, or 0 if no longer held. */
export const LOCK_RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

/** Releases a held lock and wakes its waiters. KEYS: lock. ARGV: token, channel. */
export const LOCK_RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', ARGV[2], KEYS[1])
return 1
`;

/**
 * A write guarded by the locks its caller holds (the fencing check): refused (0) unless every lock
 * in KEYS[2..] still holds the caller's token in ARGV[4..]. Mode "set" stores ARGV[2] for ARGV[3] ms;
 * mode "taken" adds member ARGV[2] to the sorted set of taken slots, scored by when it expires.
 */
export const FENCED_WRITE = `${NOW}
for i = 2, #KEYS do
  if redis.call('GET', KEYS[i]) ~= ARGV[i + 2] then return 0 end
end
local ttl = tonumber(ARGV[3])
if ARGV[1] == 'set' then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl)
else
  redis.call('ZADD', KEYS[1], 'GT', now + ttl, ARGV[2])
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
  if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
end
return 1
`;

/** The taken slots that have not expired. KEYS: taken set. */
export const TAKEN_SLOTS = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZRANGE', KEYS[1], 0, -1)
`;

/**
 * One visitor request against a sliding window, approximated from the current and previous fixed
 * windows exactly as the memory state does. KEYS: counter hash (w: window start, c: count,
 * p: previous window's count). ARGV: limit, window ms. Returns {allowed 0|1, retry-after ms}.
 */
export const HIT = `${NOW}
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local ws = now - (now % window)
local v = redis.call('HMGET', KEYS[1], 'w', 'c', 'p')
local w = tonumber(v[1])
local c = tonumber(v[2]) or 0
local p = tonumber(v[3]) or 0
if w ~= ws then
  if w == ws - window then p = c else p = 0 end
  c = 0
end
local estimate = p * (1 - (now - ws) / window) + c
if estimate + 1 > limit then
  redis.call('HSET', KEYS[1], 'w', ws, 'c', c, 'p', p)
  redis.call('PEXPIRE', KEYS[1], window * 2)
  local retry
  if c + 1 > limit then retry = ws + window - now else retry = math.ceil(window / limit) end
  return {0, math.max(1, retry)}
end
redis.call('HSET', KEYS[1], 'w', ws, 'c', c + 1, 'p', p)
redis.call('PEXPIRE', KEYS[1], window * 2)
return {1, 0}
`;

/**
 * Reserves the earliest start the consumer's budget allows and leases its slot, like core's
 * sliding-window limiter: `limit` slots, each start takes the slot that frees first, and a leased
 * slot stays taken until released (or its lease runs out) and frees a window after that.
 * KEYS: budget hash (field i: free-at ms, or "H:<id>:<lease end>" while leased).
 * ARGV: limit, window + margin ms, hold ms, max wait ms, id, reserved (slots this caller must leave
 * free: 0 for a priority request), pace ms (0 for a priority request).
 * With a reserve, an ordinary caller starts only now, while more than `reserved` slots are free now,
 * and at least `pace` after the last ordinary start (field "o"), as core's limiter does.
 * Returns {1, slot, wait ms, previous free-at, start-at} or {0, retry-after ms} (refused), {0, -1}: every
 * slot this caller may use is leased, wait for a release; or {0, -2, ms}: ask again in ms.
 */
export const BUDGET_RESERVE = `${NOW}
local limit = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
local hold = tonumber(ARGV[3])
local maxWait = tonumber(ARGV[4])
local reserved = tonumber(ARGV[6] or '0')
local pace = tonumber(ARGV[7] or '0')
local best, bestFree
local frees = {}
for i = 1, limit do
  local v = redis.call('HGET', KEYS[1], i)
  local free
  if not v then
    free = 0
  else
    local id, leaseEnd = string.match(v, '^H:([^:]+):(%d+)$')
    if id then
      if tonumber(leaseEnd) <= now then
        -- Never released (its process died): free a window after its lease ended.
        free = tonumber(leaseEnd) + span
        redis.call('HSET', KEYS[1], i, free)
      end
    else
      free = tonumber(v)
    end
  end
  if free then table.insert(frees, free) end
  if free and (not bestFree or free < bestFree) then best, bestFree = i, free end
end
if not best or #frees <= reserved then return {0, -1} end
if reserved > 0 then
  table.sort(frees)
  local from = math.max(frees[reserved + 1], tonumber(redis.call('HGET', KEYS[1], 'o') or '0') + pace)
  if from > now then return {0, -2, math.ceil(from - now)} end
  redis.call('HSET', KEYS[1], 'o', now)
end
local startAt = math.max(now, bestFree)
if startAt - now > maxWait then return {0, startAt - now} end
redis.call('HSET', KEYS[1], best, 'H:' .. ARGV[5] .. ':' .. (startAt + hold))
redis.call('PEXPIRE', KEYS[1], maxWait + hold + span + 1000)
return {1, best, startAt - now, bestFree, startAt}
`;

/**
 * Ends a lease: the slot frees a window from now, or, for a start handed back before it happened,
 * at its previous free-at. KEYS: budget hash. ARGV: id, slot, window + margin ms, "release" or
 * "cancel", previous free-at, start-at (server ms), channel.
 */
export const BUDGET_RELEASE = `${NOW}
local v = redis.call('HGET', KEYS[1], ARGV[2])
if not v or string.sub(v, 1, #ARGV[1] + 3) ~= 'H:' .. ARGV[1] .. ':' then return 0 end
local free = now + tonumber(ARGV[3])
if ARGV[4] == 'cancel' and tonumber(ARGV[6]) > now then free = tonumber(ARGV[5]) end
redis.call('HSET', KEYS[1], ARGV[2], free)
redis.call('PUBLISH', ARGV[7], KEYS[1])
return 1
`;

/**
 * Settles a coalesced load: stores its outcome under the flight's token and wakes its waiters.
 * KEYS: loading key, outcome key. ARGV: token, outcome JSON, outcome ttl ms, channel.
 */
export const FLIGHT_SETTLE = `
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('PUBLISH', ARGV[4], KEYS[1])
return 1
`;
