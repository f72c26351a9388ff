/**
 * `createRedisState`: the edge API's state on Redis (or Valkey), for Node deployments that run
 * several processes or machines behind a load balancer. Every process pointed at the same Redis
 * shares one cache, one set of slot locks, idempotency records, taken slots and visitor counters per
 * clinic, and one request budget per coreplus consumer. See docs/running-several-node-processes.md.
 *
 * @example
 * const state = createRedisState(process.env.REDIS_URL);
 * await state.ready(); // fails with a clear message when Redis cannot be reached
 * await serveEdgeApi({ state });
 */
import type { RedisClientOptions } from "redis";
import type { ClinicState, ConsumerState, EdgeStateFactory, StateHealth } from "../types.js";
import { redisBudgetLimiter } from "./budget.node.js";
import { RedisClinicState } from "./clinic-state.node.js";
import { RedisConnection, redactRedisUrl } from "./connection.node.js";

export { RedisUnavailableError, redactRedisUrl } from "./connection.node.js";
export { LockLostError } from "./lock.node.js";

/** Options for {@link createRedisState}. */
export interface RedisStateOptions {
  /** `redis[s]://[[user][:password]@]host[:port][/db]`. */
  url?: string;
  /** node-redis client options (TLS, credentials, …); `url` wins over `client.url`. */
  client?: RedisClientOptions;
  /** Starts every key and the pub/sub channel, so several deployments can share one Redis; default "cpk:". */
  prefix?: string;
  /** Requests per second allowed per coreplus consumer, across every process; default 9 (coreplus allows 10). */
  requestsPerSecond?: number;
  /** Budget slots per consumer that reads leave to bookings, cancels and reschedules; default 1. */
  reservedForPriority?: number;
  /** A request refuses to queue for the budget longer than this; default 15 000 ms. */
  maxBudgetWaitMs?: number;
  /** Longest a request keeps its budget slot if its end is never reported (its process died); default 15 000 ms. */
  budgetLeaseMs?: number;
  /** How long a coalesced load may run before its waiters give up on it; default 30 000 ms. */
  coalesceLeaseMs?: number;
  /** A lock whose holder stops renewing it (its process died) frees after this; default 5 000 ms. */
  lockLivenessMs?: number;
  /**
   * How long a process serves a fresh cache entry it already read without asking Redis again; default
   * 1 000 ms (so a refresh made by another process may take that long to be seen here); 0 always asks.
   */
  localCacheMs?: number;
  /** How often waiters re-check when no pub/sub wake-up comes; default 100 ms. */
  pollMs?: number;
  /** Receives connection changes (unreachable, reachable again); the URL's password is never included. */
  logger?: (entry: Record<string, unknown>) => void;
}

/** The Redis-backed state: an {@link EdgeStateFactory} that can also wait for, check and close its connection. */
export interface RedisState extends EdgeStateFactory {
  /** Resolves once connected; rejects with a RedisUnavailableError (password redacted) otherwise. */
  ready(): Promise<void>;
  health(): Promise<StateHealth>;
  /** Closes the connections. */
  close(): Promise<void>;
}

/** Creates the Redis-backed state and starts connecting. */
export function createRedisState(target: string | RedisStateOptions): RedisState {
  const opts: RedisStateOptions = typeof target === "string" ? { url: target } : target;
  if (opts.url !== undefined && !/^rediss?:\/\/[^/?#]/.test(opts.url))
    throw new TypeError(`the Redis URL must be redis://… or rediss://…, not ${redactRedisUrl(opts.url)}`);
  const prefix = opts.prefix ?? "cpk:";
  if (prefix.includes("{") || prefix.includes("}"))
    throw new RangeError("the Redis key prefix may not contain { or } (they mark hash tags)");
  const conn = new RedisConnection({
    ...(opts.url !== undefined ? { url: opts.url } : {}),
    ...(opts.client ? { client: opts.client } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
    channel: `${prefix}wake`,
    pollMs: opts.pollMs ?? 100,
  });
  const clinics = new Map<string, ClinicState>();
  const consumers = new Map<string, ConsumerState>();
  const timings = {
    coalesceLeaseMs: opts.coalesceLeaseMs ?? 30_000,
    lockLivenessMs: opts.lockLivenessMs ?? 5_000,
    localCacheMs: opts.localCacheMs ?? 1_000,
  };
  return {
    forClinic(slug) {
      let state = clinics.get(slug);
      if (!state) {
        state = new RedisClinicState(conn, prefix, slug, timings);
        clinics.set(slug, state);
      }
      return state;
    },
    forConsumer(consumerKey) {
      let state = consumers.get(consumerKey);
      if (!state) {
        // The consumer key is a URL and an id: encoded, it cannot contain the hash tag's braces.
        state = {
          limiter: redisBudgetLimiter(conn, `${prefix}{b:${encodeURIComponent(consumerKey)}}`, {
            limit: opts.requestsPerSecond ?? 9,
            windowMs: 1000,
            maxWaitMs: opts.maxBudgetWaitMs ?? 15_000,
            holdMs: opts.budgetLeaseMs ?? 15_000,
            reserved: Math.min(opts.reservedForPriority ?? 1, (opts.requestsPerSecond ?? 9) - 1),
          }),
        };
        consumers.set(consumerKey, state);
      }
      return state;
    },
    ready: () => conn.ready(),
    health: async () => ({ store: "redis", status: await conn.check() }),
    close: () => conn.close(),
  };
}
