/**
 * A throwaway redis-server for the workspace's Redis suites: Debian's binary on a free loopback port,
 * no persistence (`--save '' --appendonly no`), stopped (or crashed, or restarted) by the test. Under
 * CI=true a missing redis-server fails the suite; elsewhere the suite is skipped with the reason.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";

/** Thrown under `CI=true` when redis-server is missing: CI must run the Redis tests, never skip them. */
export class RedisServerMissingError extends Error {
  readonly code = "ERR_TEST_SUPPORT_REDIS_MISSING";
  constructor(suite: string) {
    super(`${suite}: redis-server is not installed (apt-get install redis-server); CI=true requires it`);
    this.name = this.constructor.name;
  }
}

/** Whether `redis-server` runs here (found on `env.PATH`). */
export function haveRedisServer(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore", env: { PATH: env.PATH ?? "" } });
    return true;
  } catch {
    return false;
  }
}

/**
 * The CI guard every Redis suite runs first: true when redis-server is installed; when it is not,
 * throws {@link RedisServerMissingError} under `CI=true`, else prints `<suite>: skipped — <reason>`
 * and returns false.
 */
export function requireRedisUnderCi(
  suite: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  log: (line: string) => void = console.log,
): boolean {
  if (haveRedisServer(env)) return true;
  if (env.CI === "true") throw new RedisServerMissingError(suite);
  log(`${suite}: skipped — redis-server is not installed (apt-get install redis-server)`);
  return false;
}

/** A free port on 127.0.0.1 (bound, read, released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A running redis-server. */
export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (SIGKILL when `hard`, as a crash would). */
  stop(hard?: boolean): Promise<void>;
  /** Starts it again on the same port, empty (nothing was persisted). */
  start(): Promise<void>;
}

/** Starts redis-server on a free port and waits until it accepts connections. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const c = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = c;
    let out = "";
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("Ready to accept connections")) resolve();
      };
      c.stdout?.on("data", onData);
      c.stderr?.on("data", onData);
      c.once("error", reject);
      c.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${out.slice(-500)}`)));
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop(hard = false) {
      const c = child;
      child = undefined;
      if (!c || c.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        c.once("exit", () => resolve());
        c.kill(hard ? "SIGKILL" : "SIGTERM");
      });
    },
    start,
  };
}
