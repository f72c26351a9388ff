import { connect } from "node:net";
import { describe, expect, test } from "vitest";
import { RedisServerMissingError, requireRedisUnderCi, startRedis } from "./redis-server.js";

const ping = (port: number) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
    socket.once("data", (d) => {
      resolve(d.toString().trim());
      socket.end();
    });
    socket.once("error", reject);
  });

describe("redis-server for tests", () => {
  test("the CI guard: missing under CI=true throws, elsewhere it says why it skips", () => {
    const nowhere = { PATH: "/nonexistent" };
    expect(() => requireRedisUnderCi("suite", { ...nowhere, CI: "true" })).toThrow(RedisServerMissingError);
    const lines: string[] = [];
    expect(requireRedisUnderCi("suite", nowhere, (l) => lines.push(l))).toBe(false);
    expect(lines).toEqual(["suite: skipped — redis-server is not installed (apt-get install redis-server)"]);
  });

  test.runIf(requireRedisUnderCi("test-support redis-server"))(
    "starts on a free port, stops, and starts again empty on the same port",
    async () => {
      const redis = await startRedis();
      try {
        expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
        expect(await ping(redis.port)).toBe("+PONG");
        await redis.stop(true);
        await expect(ping(redis.port)).rejects.toThrow(/ECONNREFUSED/);
        await redis.start();
        expect(await ping(redis.port)).toBe("+PONG");
      } finally {
        await redis.stop();
      }
    },
  );
});
