/**
 * A small stand-in for Slack on loopback: the Web API methods the bot calls (auth.test, users.info,
 * chat.postEphemeral, views.publish, chat.postMessage) and the response URLs of slash commands.
 * Everything the bot sends is recorded so the demo can render it and tests can check it.
 */
import { Hono } from "hono";

/** A member of the fake workspace. */
export interface SlackUser {
  id: string;
  /** Handle, e.g. "amelia.chen". */
  name: string;
  realName: string;
  email: string;
  title?: string;
}

/** Options for {@link createFakeSlack}. */
export interface FakeSlackOptions {
  /** The bot token the bot must present (`Authorization: Bearer …`). */
  botToken: string;
  users: readonly SlackUser[];
  teamId?: string;
  teamName?: string;
  botUserId?: string;
  botId?: string;
  /** How many recorded items to keep; older ones are dropped. Default 500. */
  maxRecords?: number;
}

/** One thing the bot sent to the fake. */
export type SlackTraffic =
  | { kind: "api"; seq: number; method: string; args: Record<string, unknown>; ok: boolean }
  | { kind: "response_url"; seq: number; id: string; body: Record<string, unknown> };

/** The fake workspace: a Hono app to mount, and what it has received. */
export interface FakeSlack {
  /** Routes `POST /api/:method` and `POST /response/:id`; mount it under a prefix (e.g. `/slack`). */
  readonly app: Hono;
  readonly teamId: string;
  readonly teamName: string;
  readonly users: readonly SlackUser[];
  /** Everything recorded so far, oldest first. */
  traffic(): readonly SlackTraffic[];
  /** The sequence number the next record will get (take it before sending, pass it as `since`). */
  nextSeq(): number;
  /**
   * Resolves with the first record at or after `since` that matches, waiting up to `timeoutMs`;
   * resolves `undefined` on timeout.
   */
  waitFor(
    match: (t: SlackTraffic) => boolean,
    opts: { since: number; timeoutMs: number },
  ): Promise<SlackTraffic | undefined>;
}

/** Methods whose form-encoded arguments carry JSON (the Web API client stringifies objects). */
const JSON_ARGS = new Set(["blocks", "view", "attachments", "metadata"]);

/** Creates the fake; see {@link FakeSlack}. */
export function createFakeSlack(opts: FakeSlackOptions): FakeSlack {
  const teamId = opts.teamId ?? "T0HARBOUR";
  const teamName = opts.teamName ?? "Harbourside Health";
  const botUserId = opts.botUserId ?? "U0APPTBOT";
  const botId = opts.botId ?? "B0APPTBOT";
  const maxRecords = opts.maxRecords ?? 500;
  const records: SlackTraffic[] = [];
  const listeners = new Set<(t: SlackTraffic) => void>();
  let seq = 0;
  let viewSeq = 0;
  let messageSeq = 0;

  function record(t: SlackTraffic): void {
    records.push(t);
    if (records.length > maxRecords) records.splice(0, records.length - maxRecords);
    for (const listener of [...listeners]) listener(t);
  }

  const methods: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {
    "auth.test": () => ({
      ok: true,
      url: "https://harbourside.slack.com/",
      team: teamName,
      user: "appointments",
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      is_enterprise_install: false,
    }),
    "users.info": (args) => {
      const user = opts.users.find((u) => u.id === args.user);
      if (!user) return { ok: false, error: "user_not_found" };
      return {
        ok: true,
        user: {
          id: user.id,
          team_id: teamId,
          name: user.name,
          real_name: user.realName,
          is_bot: false,
          deleted: false,
          profile: {
            email: user.email,
            real_name: user.realName,
            display_name: user.realName,
            title: user.title ?? "",
          },
        },
      };
    },
    "chat.postEphemeral": (args) => {
      if (typeof args.channel !== "string" || typeof args.user !== "string") {
        return { ok: false, error: "invalid_arguments" };
      }
      messageSeq += 1;
      return { ok: true, message_ts: `1700000000.${String(messageSeq).padStart(6, "0")}` };
    },
    "chat.postMessage": (args) => {
      if (typeof args.channel !== "string") return { ok: false, error: "invalid_arguments" };
      messageSeq += 1;
      return { ok: true, channel: args.channel, ts: `1700000000.${String(messageSeq).padStart(6, "0")}` };
    },
    "views.publish": (args) => {
      if (typeof args.user_id !== "string" || typeof args.view !== "object" || args.view === null) {
        return { ok: false, error: "invalid_arguments" };
      }
      viewSeq += 1;
      return {
        ok: true,
        view: { id: `V${String(viewSeq).padStart(8, "0")}`, team_id: teamId, ...args.view },
      };
    },
  };

  const app = new Hono();

  app.post("/api/:method", async (c) => {
    const method = c.req.param("method");
    const args = await readArgs(c.req.raw);
    const bearer = c.req.header("authorization")?.replace(/^Bearer\s+/i, "");
    const token = bearer ?? (typeof args.token === "string" ? args.token : undefined);
    delete args.token;
    let result: Record<string, unknown>;
    if (token === undefined) result = { ok: false, error: "not_authed" };
    else if (token !== opts.botToken) result = { ok: false, error: "invalid_auth" };
    else result = methods[method]?.(args) ?? { ok: false, error: "unknown_method" };
    seq += 1;
    record({ kind: "api", seq, method, args, ok: result.ok === true });
    // Slack answers Web API errors with HTTP 200 and `ok: false`.
    return c.json(result);
  });

  app.post("/response/:id", async (c) => {
    const body = await readArgs(c.req.raw);
    seq += 1;
    record({ kind: "response_url", seq, id: c.req.param("id"), body });
    return c.text("ok");
  });

  return {
    app,
    teamId,
    teamName,
    users: opts.users,
    traffic: () => records.slice(),
    nextSeq: () => seq + 1,
    waitFor(match, { since, timeoutMs }) {
      const existing = records.find((t) => t.seq >= since && match(t));
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve) => {
        const listener = (t: SlackTraffic): void => {
          if (t.seq >= since && match(t)) done(t);
        };
        const timer = setTimeout(() => done(undefined), timeoutMs);
        function done(t: SlackTraffic | undefined): void {
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(t);
        }
        listeners.add(listener);
      });
    },
  };
}

/** Reads a Web API call's arguments from a form-encoded or JSON body. */
async function readArgs(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  if (text.trim() === "") return {};
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    const parsed: unknown = safeJson(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : { body: parsed };
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = JSON_ARGS.has(key) ? (safeJson(value) ?? value) : value;
  }
  return args;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
