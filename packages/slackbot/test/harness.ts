/**
 * The integration rig: the real sandbox (JWT checks included) with its business clock pinned, the
 * fake Slack, and the bot in HTTP mode on 127.0.0.1 port 0, plus helpers to post signed requests.
 */
import { createCoreplusClient, dateInZone } from "@coreplus-kit/core";
import { type RunningSandbox, serveSandbox } from "@coreplus-kit/sandbox/node";
import {
  type FakeSlack,
  type SlashCommandFields,
  signSlackRequest,
  slashCommandBody,
  startFakeSlack,
} from "@coreplus-kit/slackbot/testing";
import { LogLevel } from "@slack/bolt";
import type { AuditEntry } from "../src/audit.js";
import { createSlackbot, type Slackbot, type SlackbotOptions } from "../src/create-slackbot.js";

export const SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
/** Thursday 3 December 2026, 10:30 in Melbourne: the business clock of every integration test. */
export const PINNED_NOW = new Date("2026-12-03T10:30:00+11:00");

export interface Rig {
  sandbox: RunningSandbox;
  slack: FakeSlack;
  bot: Slackbot;
  eventsUrl: string;
  audit: AuditEntry[];
  logs: string[];
  /** coreplus requests the bot made (through its fetch). */
  coreplusRequests: string[];
  close(): Promise<void>;
}

/** A logger that keeps Bolt's lines for assertions instead of printing them. */
function memoryLogger(lines: string[]) {
  let level = LogLevel.INFO;
  const push =
    (tag: string) =>
    (...msg: unknown[]): void => {
      lines.push(`${tag} ${msg.map(String).join(" ")}`);
    };
  return {
    debug: () => {},
    info: push("info"),
    warn: push("warn"),
    error: push("error"),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

export async function startRig(
  over: Partial<SlackbotOptions> = {},
  emails: Record<string, string> = {},
  existing?: { sandbox: RunningSandbox; slack: FakeSlack },
): Promise<Rig> {
  const sandbox =
    existing?.sandbox ?? (await serveSandbox({ port: 0, now: () => PINNED_NOW, log: () => {} }));
  const slack = existing?.slack ?? (await startFakeSlack({ emails }));
  const audit: AuditEntry[] = [];
  const logs: string[] = [];
  const coreplusRequests: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    coreplusRequests.push(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return fetch(input, init);
  };
  const bot = createSlackbot({
    signingSecret: SIGNING_SECRET,
    botToken: "xoxb-test-token",
    slackApiUrl: slack.apiUrl,
    port: 0,
    coreplus: createCoreplusClient({
      baseUrl: sandbox.url,
      ...sandbox.sandbox.credentials,
      fetch: countingFetch,
    }),
    now: () => PINNED_NOW,
    audit: (e) => audit.push(e),
    logger: memoryLogger(logs),
    ...over,
  });
  const started = await bot.start();
  if (started.mode !== "http") throw new Error("expected HTTP mode");
  return {
    sandbox,
    slack,
    bot,
    eventsUrl: started.url,
    audit,
    logs,
    coreplusRequests,
    async close() {
      await bot.stop();
      if (!existing) {
        await slack.close();
        await sandbox.close();
      }
    },
  };
}

/** Posts a body to the bot as Slack would; options break the signature in the ways tests need. */
export async function postSigned(
  url: string,
  body: string,
  opts: {
    contentType?: string;
    secret?: string;
    timestamp?: number;
    omit?: ("x-slack-signature" | "x-slack-request-timestamp")[];
    tamper?: boolean;
  } = {},
): Promise<{ status: number; ms: number; text: string }> {
  const headers: Record<string, string> = {
    "content-type": opts.contentType ?? "application/x-www-form-urlencoded",
    ...signSlackRequest(opts.secret ?? SIGNING_SECRET, body, opts.timestamp),
  };
  for (const h of opts.omit ?? []) delete headers[h];
  const sent = opts.tamper ? `${body}&extra=1` : body;
  const started = performance.now();
  const res = await fetch(url, { method: "POST", headers, body: sent });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - started, text };
}

/** Posts `/appointments <text>` as `userId`; returns the HTTP result and the response URL used. */
export async function command(
  rig: Pick<Rig, "eventsUrl" | "slack">,
  userId: string,
  text: string,
  extra: Partial<SlashCommandFields> = {},
): Promise<{ status: number; ms: number; responseId: string }> {
  const responseId = `r-${Math.random().toString(36).slice(2)}`;
  const body = slashCommandBody({ text, userId, responseUrl: rig.slack.responseUrl(responseId), ...extra });
  const result = await postSigned(rig.eventsUrl, body);
  return { status: result.status, ms: result.ms, responseId };
}

/** The messages posted to one response URL, once at least `count` have arrived. */
export async function responses(rig: Pick<Rig, "slack">, responseId: string, count = 1) {
  const calls = await rig.slack.waitFor((c) => c.method === "response_url" && c.responseId === responseId, {
    count,
  });
  return calls.map(
    (c) =>
      c.body as { text: string; blocks: import("@slack/bolt").types.KnownBlock[]; response_type?: string },
  );
}

/** Today's date in a zone, by the pinned business clock. */
export const today = (zone: string): string => dateInZone(PINNED_NOW, zone);
