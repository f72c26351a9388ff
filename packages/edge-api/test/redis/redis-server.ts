/**
 * A throwaway redis-server for tests: Debian's binary on a free loopback port, no persistence
 * (`--save '' --appendonly no`), stopped by the test. Under CI=true a missing redis-server is an
 * error; elsewhere the Redis suites are skipped with the reason in their name.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";

const BINARY = "redis-server";

function installed(): boolean {
  try {
    execFileSync(BINARY, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Whether the Redis suites run; throws under CI when redis-server is missing. */
export const HAVE_REDIS = (() => {
  const ok = installed();
  if (!ok && process.env.CI === "true")
    throw new Error(
      `${BINARY} is not installed: .ci/run installs Debian's redis-server (apt-get install redis-server)`,
    );
  return ok;
})();

/** The suite's name, with why it is skipped when it is. */
export const redisSuite = (name: string) =>
  HAVE_REDIS ? name : `${name} (skipped: ${BINARY} is not installed; apt-get install redis-server)`;

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
      BINARY,
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
