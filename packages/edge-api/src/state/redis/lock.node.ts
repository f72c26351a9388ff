/**
 * Slot locks on Redis: a queue per key served in arrival order, a lease kept alive by its holder,
 * and the fencing check that guards every write made under a lock.
 *
 * Each holder's token is `<ticket>:<nonce>`: the ticket comes from a per-clinic counter (arrival order,
 * and a fencing token that only grows), the nonce keeps tokens distinct if the counter is lost with a
 * Redis restart. The lock key holds the token with a short liveness (default 5 s) that the holder
 * renews while `fn` runs, up to the caller's `leaseMs`: a process that dies frees its locks within the
 * liveness, and one that lives keeps them as long as it honestly may.
 *
 * Fencing: `withLock` runs `fn` with the held locks in an AsyncLocalStorage context, and the state's
 * writes under it (`idempotencyPut`, `markSlotTaken`) are Lua scripts that first check that every
 * lock in the context still holds its token. A holder whose lease ran out (stalled, partitioned)
 * therefore cannot overwrite the record or the taken-slot mark of the holder that replaced it; its
 * write fails with {@link LockLostError} (a 503 to the visitor, whose retry resumes from the record).
 * The booking itself goes to coreplus, which knows no fencing token: the fenced `save()` of
 * `bookingSent` immediately before it is what stops a holder that lost its lock from booking.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { EdgeError } from "../../errors.js";
import { ProblemError } from "../../http/index.js";
import { type LockOptions, LockTimeoutError } from "../types.js";
import type { RedisConnection } from "./connection.node.js";
import { FENCED_WRITE, LOCK_ACQUIRE, LOCK_LEAVE, LOCK_RELEASE, LOCK_RENEW } from "./scripts.js";

/** The cause of the 503 a write answers when its lock was lost (its lease ran out and another took it). */
export class LockLostError extends EdgeError {
  readonly code = "ERR_EDGE_LOCK_LOST";
  constructor(key: string) {
    super(`lock ${key} was lost before a write made under it`);
  }
}

/** One lock held by the current async context. */
interface Held {
  owner: object;
  lockKey: string;
  token: string;
}

const context = new AsyncLocalStorage<readonly Held[]>();

/** Key names and timings of one clinic's locks. */
export interface LockSpace {
  /** Scopes the locks: the fencing check only covers locks of the same space (one clinic). */
  owner: object;
  key: (kind: string, name: string) => string;
  /** How long a lock lives unless its holder renews it. */
  livenessMs: number;
  /** How long a queued waiter keeps its place without asking again. */
  waiterAliveMs: number;
}

/** Runs `fn` holding the lock `name` (see the module comment). */
export async function withRedisLock<T>(
  conn: RedisConnection,
  space: LockSpace,
  name: string,
  opts: LockOptions,
  fn: () => Promise<T>,
): Promise<T> {
  const lockKey = space.key("lock", name);
  const queue = space.key("lockq", name);
  const alive = space.key("locka", name);
  const fence = space.key("fence", "");
  const nonce = randomUUID().slice(0, 8);
  const deadline = Date.now() + opts.waitMs;
  const firstLease = Math.max(1, Math.min(opts.leaseMs, space.livenessMs));
  let token = "";
  for (;;) {
    const [granted, t] = (await conn.eval(
      LOCK_ACQUIRE,
      [lockKey, queue, alive, fence],
      [token, space.waiterAliveMs, firstLease, nonce],
    )) as [number, string];
    token = t;
    if (granted === 1) break;
    const left = deadline - Date.now();
    if (left <= 0) {
      await conn.eval(LOCK_LEAVE, [queue, alive], [token, conn.channel, lockKey]).catch(() => undefined);
      throw new LockTimeoutError(name, opts.waitMs);
    }
    await conn.wait(lockKey, Math.min(left, conn.pollMs));
  }

  const leaseEnd = Date.now() + opts.leaseMs;
  const renew = setInterval(
    () => {
      const ms = Math.min(space.livenessMs, leaseEnd - Date.now());
      if (ms <= 0) {
        clearInterval(renew);
        return;
      }
      conn.eval(LOCK_RENEW, [lockKey], [token, ms]).then(
        (ok) => ok === 1 || clearInterval(renew),
        () => undefined, // Redis away: the next tick tries again; meanwhile the fencing check guards writes.
      );
    },
    Math.max(1, Math.floor(space.livenessMs / 3)),
  );
  renew.unref();
  const outer = context.getStore() ?? [];
  try {
    return await context.run([...outer, { owner: space.owner, lockKey, token }], fn);
  } finally {
    clearInterval(renew);
    // If this fails, the liveness frees the lock.
    await conn.eval(LOCK_RELEASE, [lockKey], [token, conn.channel]).catch(() => undefined);
  }
}

/**
 * A write fenced by the locks the caller holds in `space` (none: unconditional). Mode "set" stores
 * `value` under `dataKey`; mode "taken" adds `value` to the sorted set `dataKey`; both for `ttlMs`.
 */
export async function fencedWrite(
  conn: RedisConnection,
  space: LockSpace,
  mode: "set" | "taken",
  dataKey: string,
  value: string,
  ttlMs: number,
): Promise<void> {
  const held = (context.getStore() ?? []).filter((h) => h.owner === space.owner);
  const ok = await conn.eval(
    FENCED_WRITE,
    [dataKey, ...held.map((h) => h.lockKey)],
    [mode, value, Math.max(1, Math.ceil(ttlMs)), ...held.map((h) => h.token)],
  );
  if (ok !== 1) {
    const cause = new LockLostError(held.map((h) => h.lockKey).join(", "));
    throw new ProblemError("upstream-unavailable", "The booking took too long. Please try again.", {
      status: 503,
      retryAfter: 1,
      cause,
    });
  }
}
