/**
 * What the benchmarks share: child processes that say when they are ready, percentiles, and signed
 * slash commands sent a few at a time with their acknowledgement latencies.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { signSlackRequest, slashCommandBody } from "@coreplus-kit/slackbot/testing";

const children: ChildProcess[] = [];

/** Starts `node <script>` and resolves with the first stdout match of `ready`; `onLine` sees every line. */
export function startProcess(
  script: string | string[],
  env: Record<string, string>,
  ready: RegExp,
  onLine: (line: string) => void = () => {},
): Promise<RegExpMatchArray> {
  const child = spawn(process.execPath, Array.isArray(script) ? script : [script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolvePromise, reject) => {
    let buffer = "";
    let matched = false;
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      let nl = buffer.indexOf("\n");
      while (nl !== -1) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        onLine(line);
        const m = ready.exec(line);
        if (m && !matched) {
          matched = true;
          resolvePromise(m);
        }
        nl = buffer.indexOf("\n");
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    child.on("exit", (code) => {
      if (!matched) reject(new Error(`${script} exited (${code}) before it was ready`));
    });
  });
}

/** Ends every process started here. */
export function stopChildren(): void {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}

/** The p-th percentile of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** Options of `sendCommands`. */
export interface SendOptions {
  secret: string;
  /** (user, text) pairs, used in turn. */
  asks: readonly (readonly [string, string])[];
  count: number;
  concurrency: number;
  /** Numbers the response URLs from here (so rounds do not reuse ids). */
  offset?: number;
}

/** Sends signed commands, `concurrency` at a time; returns their acknowledgement latencies (ms). */
export async function sendCommands(
  eventsUrl: string,
  responseUrl: (id: string) => string,
  label: string,
  opts: SendOptions,
): Promise<number[]> {
  const offset = opts.offset ?? 0;
  const latencies: number[] = [];
  let next = offset;
  let failures = 0;
  async function worker(): Promise<void> {
    while (next < offset + opts.count) {
      const i = next++;
      const [user, text] = opts.asks[i % opts.asks.length]!;
      const body = slashCommandBody({ text, userId: user, responseUrl: responseUrl(`${label}-${i}`) });
      const started = performance.now();
      const res = await fetch(eventsUrl, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          ...signSlackRequest(opts.secret, body),
        },
        body,
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      if (res.status !== 200) failures += 1;
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  if (failures > 0) console.log(`  ${label}: ${failures} acknowledgements were not 200`);
  return latencies;
}
