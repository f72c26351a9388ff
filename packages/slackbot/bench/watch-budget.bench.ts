/**
 * What watching costs. Part 1: coreplus requests per poll for the sandbox clinic (9 practitioners,
 * 4 locations in 3 coreplus timezones) over 7 days ahead, counted by the watcher and by the sandbox,
 * and per hour at the default 2-minute interval, next to the default share of the consumer's budget
 * (5 % of 10 requests a second = 1,800 an hour). Part 2: /appointments acknowledgement latency with
 * and without polling, same run: two bot processes on one sandbox, one polling as fast as half the
 * budget allows (about 10× the default pace), measured in interleaved rounds (alternating which goes first).
 * Not a test: it prints figures. Run with `pnpm --filter @coreplus-kit/slackbot bench`.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createCoreplusClient } from "@coreplus-kit/core";
import { createSandboxControls } from "@coreplus-kit/sandbox";
import { serveSandbox } from "@coreplus-kit/sandbox/node";
import { createAppointmentWatcher, createMemoryStore, loadDirectory } from "@coreplus-kit/slackbot";
import { startFakeSlack } from "@coreplus-kit/slackbot/testing";
import { percentile, sendCommands, startProcess, stopChildren } from "./bench-support.js";

const SECRET = "bench-signing-secret";
const ROUNDS = 6;
const PER_ROUND = 100;
const CONCURRENCY = 8;
const DAYS = 7;
const DEFAULT_INTERVAL_MS = 120_000;
const DEFAULT_SHARE = 0.05;
const USERS = { U0MEI: "mei.chen@harbourside.example", U0DESK: "reception@harbourside.example" };
const ASKS: [string, string][] = [
  ["U0MEI", ""],
  ["U0DESK", "tomorrow all"],
  ["U0MEI", "help"],
  ["U0DESK", "friday priya sharma"],
];

/** Starts a bot process with `env`; resolves with its events URL. */
async function startBot(env: Record<string, string>): Promise<string> {
  const here = dirname(fileURLToPath(import.meta.url));
  const [, url] = await startProcess(resolve(here, "../../../dist/node.js"), env, /HTTP on (http:\/\/\S+);/);
  return url!;
}

const run = (
  url: string,
  responseUrl: (id: string) => string,
  label: string,
  offset: number,
): Promise<number[]> =>
  sendCommands(url, responseUrl, label, {
    secret: SECRET,
    asks: ASKS,
    count: PER_ROUND,
    concurrency: CONCURRENCY,
    offset,
  });

async function main(): Promise<void> {
  // Part 1, in process: one poll's cost, counted twice.
  const sandbox = await serveSandbox({ port: 0, log: () => {} });
  const controls = createSandboxControls({ baseUrl: sandbox.url, adminToken: sandbox.sandbox.adminToken });
  const client = createCoreplusClient({ baseUrl: sandbox.url, ...sandbox.sandbox.credentials });
  const directory = await loadDirectory(client);
  const watcher = createAppointmentWatcher({
    client,
    directory: async () => directory,
    store: createMemoryStore(),
    now: () => new Date(),
    onChanges: () => {},
    days: DAYS,
    intervalMs: DEFAULT_INTERVAL_MS,
    budgetShare: DEFAULT_SHARE,
  });
  await controls.resetStats();
  const poll = await watcher.poll();
  const stats = await controls.stats();
  const budget = watcher.budget();
  console.log(
    `\nWatching ${directory.practitioners.length} practitioners at ${directory.locations.length} locations, ${DAYS} days ahead`,
  );
  console.log(
    `  coreplus requests per poll: ${poll.calls} (sandbox counted ${stats.requests}); ${poll.appointments} appointments read`,
  );
  console.log(
    `  per hour at the ${DEFAULT_INTERVAL_MS / 60_000}-minute interval: ${budget.callsPerHour} ` +
      `of ${budget.allowedPerHour} allowed (${(DEFAULT_SHARE * 100).toFixed(0)} % of 10 req/s), ` +
      `i.e. ${((budget.callsPerHour / 36_000) * 100).toFixed(2)} % of the consumer's budget`,
  );
  console.log(
    `  the share would allow one poll every ${((poll.calls * 3_600_000) / budget.allowedPerHour / 1000).toFixed(1)} s`,
  );
  await sandbox.close();

  // Part 2, as deployed: two bot processes on one sandbox process.
  const sandboxScript = fileURLToPath(import.meta.resolve("@coreplus-kit/sandbox/node"));
  const [, sandboxUrl] = await startProcess(
    sandboxScript,
    { SANDBOX_PORT: "0" },
    /listening on (http:\/\/\S+)/,
  );
  const slack = await startFakeSlack({ emails: USERS });
  const common = {
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACKBOT_PORT: "0",
    SLACK_VIEWERS: "U0DESK",
    COREPLUS_BASE_URL: sandboxUrl!,
    SLACKBOT_STATE_FILE: resolve(process.env.TMPDIR ?? "/tmp", `slackbot-bench-${process.pid}.json`),
  };
  const quiet = await startBot({ ...common, SLACKBOT_STATE_FILE: `${common.SLACKBOT_STATE_FILE}.quiet` });
  const polling = await startBot({
    ...common,
    SLACK_ACTIVITY_CHANNEL: "C0BENCH",
    SLACKBOT_WATCH_INTERVAL_MS: "1000",
    SLACKBOT_WATCH_BUDGET_SHARE: "0.5",
  });
  const sandboxControls = createSandboxControls({ baseUrl: sandboxUrl! });
  await run(quiet, (id) => slack.responseUrl(id), "warm-q", 0);
  await run(polling, (id) => slack.responseUrl(id), "warm-p", 0);
  await sandboxControls.resetStats();
  const started = Date.now();
  const without: number[] = [];
  const withPolling: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    // Alternate which bot goes first, so neither always follows the other's answers.
    const quietRound = async () =>
      without.push(...(await run(quiet, (id) => slack.responseUrl(id), "quiet", r * PER_ROUND)));
    const pollingRound = async () =>
      withPolling.push(...(await run(polling, (id) => slack.responseUrl(id), "polling", r * PER_ROUND)));
    for (const round of r % 2 === 0 ? [quietRound, pollingRound] : [pollingRound, quietRound]) await round();
  }
  const seconds = (Date.now() - started) / 1000;
  const measured = await sandboxControls.stats();
  const appointmentReads = measured.byRoute["GET /Appointment/"] ?? 0;
  without.sort((a, b) => a - b);
  withPolling.sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(1).padStart(6);
  const row = (label: string, xs: number[]) =>
    console.log(`  ${label.padEnd(30)} p50 ${fmt(percentile(xs, 50))}  p99 ${fmt(percentile(xs, 99))} ms`);
  console.log(
    `\n/appointments acknowledgement, ${ROUNDS * PER_ROUND} commands per bot, ${CONCURRENCY} in flight, interleaved`,
  );
  row("bot without polling", without);
  row("bot polling (1 s, half budget)", withPolling);
  console.log(
    `  ratio polling / not: p50 ${(percentile(withPolling, 50) / percentile(without, 50)).toFixed(2)}x  ` +
      `p99 ${(percentile(withPolling, 99) / percentile(without, 99)).toFixed(2)}x ` +
      `(${seconds.toFixed(1)} s of measuring; the sandbox answered ${measured.requests} coreplus requests, ` +
      `${appointmentReads} of them appointment reads)`,
  );
  await slack.close();
}

process.on("exit", stopChildren);
main().then(stopChildren, (error: unknown) => {
  console.error(error);
  stopChildren();
  process.exit(1);
});
