import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRedis, type TestRedis } from "@coreplus-kit/test-support/redis-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileStore } from "./file-store.js";
import { createRedisStore } from "./redis-store.js";
import { createMemoryStore, type StateStore } from "./store.js";

let dir: string;
let redis: TestRedis;
let redisUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "slackbot-state-"));
  redis = await startRedis();
  redisUrl = redis.url;
});

afterAll(async () => {
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
});

const homes: [string, () => Promise<{ open: () => Promise<StateStore> }>][] = [
  [
    "memory",
    async () => {
      const store = createMemoryStore();
      return { open: async () => store };
    },
  ],
  [
    "file",
    async () => {
      const path = join(dir, `${Math.random()}.json`);
      return { open: () => createFileStore(path) };
    },
  ],
  [
    "redis",
    async () => {
      const prefix = `t${Math.random()}:`;
      return { open: () => createRedisStore({ url: redisUrl, prefix }) };
    },
  ],
];

describe.each(homes)("the %s store", (_name, home) => {
  it("keeps JSON values, and they survive reopening", async () => {
    const { open } = await home();
    const first = await open();
    await first.set("subscriptions", { U0MEI: { time: "07:30", days: [1, 2, 3] } });
    expect(await first.get("missing")).toBeUndefined();
    await first.close();
    const second = await open();
    expect(await second.get("subscriptions")).toEqual({ U0MEI: { time: "07:30", days: [1, 2, 3] } });
    await second.delete("subscriptions");
    expect(await second.get("subscriptions")).toBeUndefined();
    await second.close();
  });

  it("lets exactly one caller win a claim, also after reopening, until it expires", async () => {
    const { open } = await home();
    const store = await open();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => store.claim("morning:U0MEI:2026-12-03", 60_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    await store.close();
    const again = await open();
    expect(await again.claim("morning:U0MEI:2026-12-03", 60_000)).toBe(false);
    expect(await again.claim("short", 30)).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    expect(await again.claim("short", 30)).toBe(true);
    await again.close();
  });
});

describe("createFileStore", () => {
  it("refuses a file that is not its own, naming the file", async () => {
    const path = join(dir, "foreign.json");
    await writeFile(path, '{"hello":1}');
    await expect(createFileStore(path)).rejects.toThrow(/is not a state file of this bot/);
    await writeFile(path, "{nope");
    await expect(createFileStore(path)).rejects.toThrow(/is not JSON/);
  });

  it("writes the whole file each time, readable as JSON", async () => {
    const path = join(dir, "whole.json");
    const store = await createFileStore(path);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`k${i}`, i)));
    await store.close();
    const parsed = JSON.parse(await readFile(path, "utf8"));
    expect(Object.keys(parsed.entries)).toHaveLength(20);
  });
});
