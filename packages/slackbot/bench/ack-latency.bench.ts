/**
 * Acknowledgement latency of /appointments: 200 signed slash commands over real HTTP, first with the
 * sandbox answering at full speed (the baseline, same run), then with the sandbox adding 5 s to every
 * coreplus request. Slack gives an app 3 s to acknowledge; the target here is p99 < 200 ms while
 * coreplus is slow. Also reports how the answers themselves ended.
 *
 * The bot and the sandbox run as their own processes (as deployed: `node dist/node.js` configured by
 * environment), so the load generator and the fake Slack in this process do not share their event
 * loop. The floor is a bare node:http server in its own process answering 200 to the same requests,
 * measured in rounds interleaved with the bot's, because this machine is shared and noisy.
 * Not a test: it prints figures. Run with `pnpm --filter @coreplus-kit/slackbot bench`.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createSandboxControls } from "@coreplus-kit/sandbox";
import { startFakeSlack } from "@coreplus-kit/slackbot/testing";
import { percentile, sendCommands, startProcess, stopChildren } from "./bench-support.js";

const COMMANDS = 200;
const ROUNDS = 4;
const CONCURRENCY = 8;
const LATENCY_MS = 5000;
const SECRET = "bench-signing-secret";
const USERS: Record<string, string> = {
  U0MEI: "mei.chen@harbourside.example",
  U0MARCO: "marco.russo@harbourside.example",
  U0PRIYA: "priya.sharma@harbourside.example",
  U0DESK: "reception@harbourside.example",
};
// A mix of what staff ask, so the answers do not all share one coreplus fetch.
const ASKS: [string, string][] = [
  ["U0MEI", ""],
  ["U0MARCO", "tomorrow"],
  ["U0PRIYA", "friday"],
  ["U0DESK", "all"],
  ["U0DESK", "mei chen monday"],
  ["U0MEI", "help"],
];

/** A bare node:http server that reads the body and answers 200: the floor for this machine right now. */
const FLOOR_SERVER = `
const { createServer } = require("node:http");
const server = createServer((req, res) => { req.resume(); req.on("end", () => { res.writeHead(200); res.end(); }); });
server.listen(0, "127.0.0.1", () => console.log("listening on http://127.0.0.1:" + server.address().port + "/slack/events"));
`;

/** Sends `count` signed commands, CONCURRENCY at a time; returns their acknowledgement latencies. */
const run = (
  eventsUrl: string,
  responseUrl: (id: string) => string,
  label: string,
  count = COMMANDS,
  offset = 0,
): Promise<number[]> =>
  sendCommands(eventsUrl, responseUrl, label, {
    secret: SECRET,
    asks: ASKS,
    count,
    concurrency: CONCURRENCY,
    offset,
  });

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const botScript = resolve(here, "../../../dist/node.js");
  const sandboxScript = fileURLToPath(import.meta.resolve("@coreplus-kit/sandbox/node"));

  const [, floorUrl] = await startProcess(["-e", FLOOR_SERVER], {}, /listening on (http:\/\/\S+)/);
  const [, sandboxUrl] = await startProcess(
    sandboxScript,
    { SANDBOX_PORT: "0" },
    /listening on (http:\/\/\S+)/,
  );
  const controls = createSandboxControls({ baseUrl: sandboxUrl! });
  const slack = await startFakeSlack({ emails: USERS });
  const audit: { outcome: string; ms: number }[] = [];
  // BENCH_PROFILE=<dir> writes a CPU profile of the bot there (for finding what delays acknowledgements).
  const profile = process.env.BENCH_PROFILE;
  const [, eventsUrl] = await startProcess(
    profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`, botScript] : botScript,
    {
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACKBOT_PORT: "0",
      SLACK_VIEWERS: "U0DESK",
      COREPLUS_BASE_URL: sandboxUrl!,
    },
    /HTTP on (http:\/\/\S+);/,
    (line) => {
      if (line.startsWith("audit ")) audit.push(JSON.parse(line.slice(6)) as { outcome: string; ms: number });
    },
  );
  const answered = (prefix: string) =>
    slack.waitFor((c) => c.method === "response_url" && String(c.responseId).startsWith(prefix), {
      count: COMMANDS,
      timeoutMs: 90_000,
    });

  // Warm-up (directory cache, JIT) so the baseline measures steady state.
  await run(eventsUrl!, (id) => slack.responseUrl(id), "warmup");
  await answered("warmup");
  const baseline = sorted(await run(eventsUrl!, (id) => slack.responseUrl(id), "fast"));
  await answered("fast");

  await controls.setLatency(LATENCY_MS);
  const auditBefore = audit.length;
  const slowRaw: number[] = [];
  const floorRaw: number[] = [];
  const perRound = COMMANDS / ROUNDS;
  for (let r = 0; r < ROUNDS; r += 1) {
    floorRaw.push(...(await run(floorUrl!, (id) => slack.responseUrl(id), "floor", perRound, r * perRound)));
    slowRaw.push(...(await run(eventsUrl!, (id) => slack.responseUrl(id), "slow", perRound, r * perRound)));
  }
  const slow = sorted(slowRaw);
  const floor = sorted(floorRaw);
  // Every command still gets its answer, or a clear error within the bot's 20 s bound.
  await answered("slow");
  await new Promise((r) => setTimeout(r, 200));
  const slowAudit = audit.slice(auditBefore);
  const outcomes = new Map<string, number>();
  for (const e of slowAudit) outcomes.set(e.outcome, (outcomes.get(e.outcome) ?? 0) + 1);
  const answerMs = sorted(slowAudit.map((e) => e.ms));
  await controls.setLatency(0);

  const fmt = (n: number) => n.toFixed(1).padStart(7);
  const p = (xs: number[], q: number) => percentile(xs, q);
  const row = (label: string, xs: number[]) =>
    console.log(`  ${label.padEnd(26)} p50 ${fmt(p(xs, 50))}  p99 ${fmt(p(xs, 99))}  max ${fmt(xs.at(-1)!)}`);
  const ratio = (a: number[], b: number[]) =>
    `p50 ${(p(a, 50) / p(b, 50)).toFixed(2)}x  p99 ${(p(a, 99) / p(b, 99)).toFixed(2)}x`;
  console.log(
    `\n/appointments acknowledgement latency: ${COMMANDS} signed commands each, ${CONCURRENCY} in flight (ms)`,
  );
  row("floor (bare node:http)", floor);
  row("bot, sandbox full speed", baseline);
  row(`bot, sandbox +${LATENCY_MS} ms`, slow);
  console.log(`  ratio slow bot / floor      ${ratio(slow, floor)}`);
  console.log(`  ratio slow / full speed     ${ratio(slow, baseline)}`);
  console.log(`  target p99 < 200 ms while coreplus is slow: ${p(slow, 99) < 200 ? "met" : "NOT met"}`);
  console.log(
    `  answers with +${LATENCY_MS} ms: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(", ")}; ` +
      `time to answer p50 ${p(answerMs, 50).toFixed(0)} ms, max ${answerMs.at(-1)?.toFixed(0)} ms`,
  );
  await slack.close();
}

process.on("exit", stopChildren);
main().then(
  () => {
    stopChildren();
  },
  (error: unknown) => {
    console.error(error);
    stopChildren();
    // The fake Slack may still hold the loop open; a failed bench must not hang.
    process.exit(1);
  },
);
