/**
 * One Redis connection for the state (commands and Lua scripts) plus a subscriber that wakes local
 * waiters (lock queues, coalesced loads, the request budget) when another process releases what they
 * wait for. Commands fail at once while Redis is unreachable (no offline queue), as a 503 problem, and
 * the client reconnects by itself; a wake that is missed is covered by polling.
 */
import { createHash } from "node:crypto";
import { createClient, type RedisClientOptions } from "redis";
import { EdgeError } from "../../errors.js";
import { ProblemError } from "../../http/index.js";

/** Thrown by {@link RedisConnection.ready} when Redis cannot be reached at start. */
export class RedisUnavailableError extends EdgeError {
  readonly code = "ERR_EDGE_REDIS_UNAVAILABLE";
}

/** The URL with any password replaced by "***", for messages and logs. */
export function redactRedisUrl(url: string | undefined): string {
  if (url === undefined) return "redis (client options)";
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(an unparsable URL)";
  }
}

/** A short, secret-free description of a connection error: its code, else its first line. */
function describe(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  if (typeof e.code === "string") return e.code;
  const first = typeof e.message === "string" ? e.message.split("\n")[0] : "";
  return first || "unknown error";
}

/** What the state's connection is given. */
export interface RedisConnectionOptions {
  url?: string;
  client?: RedisClientOptions;
  /** Pub/sub channel for wake-ups (one per key prefix). */
  channel: string;
  /** How often a waiter re-checks when no wake-up comes. */
  pollMs: number;
  /** Connection state changes ("redis unreachable", "redis reachable again"), never with the URL's password. */
  logger?: (entry: Record<string, unknown>) => void;
}

type Client = ReturnType<typeof createClient>;

/** The connection, the script runner and the wake-up bus. */
export class RedisConnection {
  readonly client: Client;
  readonly #sub: Client;
  readonly #channel: string;
  readonly pollMs: number;
  readonly #where: string;
  readonly #waiters = new Map<string, Set<() => void>>();
  readonly #shas = new Map<string, string>();
  readonly #connected: Promise<unknown>;
  #down = false;

  constructor(opts: RedisConnectionOptions) {
    this.#where = redactRedisUrl(opts.url ?? opts.client?.url);
    this.#channel = opts.channel;
    this.pollMs = opts.pollMs;
    const base: RedisClientOptions = {
      ...opts.client,
      ...(opts.url ? { url: opts.url } : {}),
      // Fail fast while Redis is away: a request answers 503 instead of hanging until it is back.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2_000,
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 6), 2_000),
        ...opts.client?.socket,
      } as NonNullable<RedisClientOptions["socket"]>,
    };
    this.client = createClient(base);
    this.#sub = this.client.duplicate();
    const log = opts.logger;
    this.client.on("error", (err: unknown) => {
      if (this.#down) return;
      this.#down = true;
      log?.({ level: "warn", msg: "redis unreachable", redis: this.#where, error: describe(err) });
    });
    this.client.on("ready", () => {
      if (!this.#down) return;
      this.#down = false;
      log?.({ level: "info", msg: "redis reachable again", redis: this.#where });
    });
    // The subscriber's errors are the same outage; the main client reports it.
    this.#sub.on("error", () => undefined);
    this.#connected = Promise.all([
      this.client.connect(),
      this.#sub.connect().then(() => this.#sub.subscribe(this.#channel, (key: string) => this.#wake(key))),
    ]);
    this.#connected.catch(() => undefined);
  }

  /** Resolves once connected and subscribed; rejects at the first failure to connect. */
  async ready(): Promise<void> {
    let onError: ((err: unknown) => void) | undefined;
    const failed = new Promise<never>((_, reject) => {
      onError = (err) =>
        reject(new RedisUnavailableError(`cannot reach Redis at ${this.#where}: ${describe(err)}`));
      this.client.once("error", onError);
      this.#sub.once("error", onError);
    });
    try {
      await Promise.race([this.#connected, failed]);
    } finally {
      if (onError) {
        this.client.off("error", onError);
        this.#sub.off("error", onError);
      }
    }
  }

  /** "ok" when Redis answers a PING within a second. */
  async check(): Promise<"ok" | "down"> {
    if (!this.client.isReady) return "down";
    const timeout = new Promise<"down">((r) => setTimeout(() => r("down"), 1_000).unref());
    return Promise.race([
      this.client.ping().then(
        () => "ok" as const,
        () => "down" as const,
      ),
      timeout,
    ]);
  }

  /** Runs a Lua script (by its SHA, loading it when the server does not know it, e.g. after a restart). */
  async eval(script: string, keys: string[], args: (string | number)[]): Promise<unknown> {
    let sha = this.#shas.get(script);
    if (!sha) {
      sha = createHash("sha1").update(script).digest("hex");
      this.#shas.set(script, sha);
    }
    const options = { keys, arguments: args.map(String) };
    return this.run(async () => {
      try {
        return await this.client.evalSha(sha, options);
      } catch (err) {
        if (!(err instanceof Error) || !err.message.startsWith("NOSCRIPT")) throw err;
        return this.client.eval(script, options);
      }
    });
  }

  /** Runs a command; a failure to reach Redis becomes a 503 problem (the cause keeps the detail). */
  async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (cause) {
      throw new ProblemError(
        "upstream-unavailable",
        "The booking service is briefly unavailable. Please try again.",
        {
          status: 503,
          retryAfter: 2,
          cause,
        },
      );
    }
  }

  /** Resolves when `key` is released elsewhere (a wake-up), after `ms`, or when `signal` aborts. */
  wait(key: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      let set = this.#waiters.get(key);
      if (!set) {
        set = new Set();
        this.#waiters.set(key, set);
      }
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        const s = this.#waiters.get(key);
        s?.delete(done);
        if (s?.size === 0) this.#waiters.delete(key);
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      signal?.addEventListener("abort", done, { once: true });
      set.add(done);
    });
  }

  /** The pub/sub channel that scripts publish released keys on. */
  get channel(): string {
    return this.#channel;
  }

  #wake(key: string): void {
    const set = this.#waiters.get(key);
    if (set) for (const done of [...set]) done();
  }

  /** Closes both connections. */
  async close(): Promise<void> {
    await Promise.allSettled([this.#sub.close(), this.client.close()]);
  }
}
