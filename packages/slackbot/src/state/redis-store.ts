/**
 * The bot's state in Redis (`REDIS_URL`), for several bot processes: values are JSON strings under a
 * key prefix, and a claim is `SET key 1 NX PX ttl`, so exactly one process wins it. Uses the `redis`
 * package, the same client library as the edge API's Redis state.
 */
import { createClient } from "redis";
import type { StateStore } from "./store.js";

/** Options of `createRedisStore`. */
export interface RedisStoreOptions {
  /** redis://… or rediss://… */
  url: string;
  /** Prefix of every key (default "coreplus-slackbot:"), so one Redis can serve several clinics. */
  prefix?: string;
}

/** Connects to Redis; rejects when it cannot (the message names the host, never a password). */
export async function createRedisStore(opts: RedisStoreOptions): Promise<StateStore> {
  const prefix = opts.prefix ?? "coreplus-slackbot:";
  const client = createClient({
    url: opts.url,
    socket: { reconnectStrategy: (retries) => Math.min(retries * 100, 2000) },
  });
  // Without a listener, a dropped connection would be an unhandled 'error' event; reconnects are automatic.
  client.on("error", () => {});
  await client.connect();
  const k = (key: string): string => `${prefix}${key}`;
  return {
    async get<T>(key: string) {
      const raw = await client.get(k(key));
      return raw === null ? undefined : (JSON.parse(raw) as T);
    },
    async set(key, value) {
      await client.set(k(key), JSON.stringify(value));
    },
    async delete(key) {
      await client.del(k(key));
    },
    async claim(key, ttlMs) {
      const result = await client.set(k(key), "1", {
        condition: "NX",
        expiration: { type: "PX", value: Math.max(1, Math.round(ttlMs)) },
      });
      return result === "OK";
    },
    async close() {
      await client.close();
    },
  };
}
