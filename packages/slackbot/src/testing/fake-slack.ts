/**
 * A local fake of Slack for tests, benchmarks and demos: the Web API methods the bot calls and the
 * response URLs of slash commands, with everything it receives recorded. `createFakeSlack` is a
 * fetch-style handler (mount it in any server, e.g. Hono's `app.mount("/slack", fake.handle)`);
 * `startFakeSlack` serves it over node:http on 127.0.0.1, port 0.
 */
import type { IncomingMessage } from "node:http";
import { listen } from "@coreplus-kit/core/node";

/** A member of the fake workspace (users.info answers with it). */
export interface FakeSlackUser {
  id: string;
  /** Profile email; omit for a user whose profile has none. */
  email?: string;
  /** Handle, e.g. "amelia.chen". */
  name?: string;
  realName?: string;
  tz?: string;
}

/** One recorded call: the Web API method (or "response_url") and its decoded body. */
export interface RecordedCall {
  /** Position in the record, from 0; pass `since` to `waitFor` to see only later calls. */
  seq: number;
  method: string;
  /** For response URLs: the path's id. */
  responseId?: string;
  body: Record<string, unknown>;
  /** The bearer token a Web API call carried. */
  token?: string;
  /** Whether the fake answered `ok: true`. */
  ok: boolean;
  at: number;
}

/** Options of `createFakeSlack` and `startFakeSlack`. */
export interface FakeSlackOptions {
  /** Slack user id → profile email, for users.info (a shorthand for `users`). */
  emails?: Record<string, string>;
  users?: readonly FakeSlackUser[];
  /** When set, Web API calls carrying another token get `invalid_auth`. */
  botToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  /** How many calls to keep; older ones are dropped (default: all). */
  maxRecords?: number;
}

/** Options of `waitFor`. */
export interface WaitForOptions {
  /** How many matching calls to wait for (default 1). */
  count?: number;
  /** Reject after this long (default 15 000 ms). */
  timeoutMs?: number;
  /** Only calls with `seq >= since` count (take `nextSeq()` before acting). */
  since?: number;
}

/** The fake as a request handler, with its record. */
export interface FakeSlackHandler {
  /** Answers `POST /api/<method>` and `POST /response/<id>` (paths relative to where it is mounted). */
  handle(request: Request): Promise<Response>;
  /** Everything recorded so far, oldest first (a live array). */
  calls: RecordedCall[];
  /** Slack user id → profile email for users.info; add or delete entries at any time. */
  emails: Map<string, string>;
  /** Make response URLs answer with this status (e.g. 404, as an expired one does). */
  responseStatus: number;
  /** Make these Web API methods answer `{ ok: false, error }` (e.g. `"chat.postMessage": "ratelimited"`). */
  failures: Map<string, string>;
  /** The `seq` the next recorded call will get. */
  nextSeq(): number;
  /** Resolves with the matching calls once `count` have arrived, or rejects after `timeoutMs`. */
  waitFor(match: (c: RecordedCall) => boolean, opts?: WaitForOptions): Promise<RecordedCall[]>;
  /** Calls of one Web API method (e.g. "chat.postMessage"), oldest first. */
  callsOf(method: string): RecordedCall[];
}

/** The fake served over HTTP. */
export interface FakeSlack extends FakeSlackHandler {
  /** The origin, e.g. http://127.0.0.1:PORT. */
  url: string;
  /** What to give Bolt as `slackApiUrl` (ends in /api/). */
  apiUrl: string;
  /** A fresh response URL; posts to it are recorded with `responseId`. */
  responseUrl(id?: string): string;
  close(): Promise<void>;
}

/** Decodes a Web API body: form-encoded (JSON-valued fields such as `view` parsed) or JSON. */
function decode(raw: string, contentType: string | null): Record<string, unknown> {
  if (contentType?.includes("application/json"))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * Creates the fake as a handler. Answers auth.test, users.info, views.publish, chat.postEphemeral,
 * chat.postMessage, chat.update, conversations.open, functions.completeSuccess and
 * functions.completeError; any other method gets `unknown_method`.
 */
export function createFakeSlack(opts: FakeSlackOptions = {}): FakeSlackHandler {
  const teamId = opts.teamId ?? "T0CLINIC";
  const botUserId = opts.botUserId ?? "U0BOT";
  const botId = opts.botId ?? "B0BOT";
  const calls: RecordedCall[] = [];
  const waiters = new Set<() => void>();
  const users = new Map((opts.users ?? []).map((u) => [u.id, u] as const));
  const emails = new Map(Object.entries(opts.emails ?? {}));
  for (const u of users.values()) if (u.email !== undefined) emails.set(u.id, u.email);
  const failures = new Map<string, string>();
  const state = { responseStatus: 200, seq: 0, messageTs: 0 };

  function record(call: Omit<RecordedCall, "seq" | "at">): void {
    calls.push({ ...call, seq: state.seq++, at: Date.now() });
    if (opts.maxRecords !== undefined && calls.length > opts.maxRecords)
      calls.splice(0, calls.length - opts.maxRecords);
    for (const w of [...waiters]) w();
  }

  function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const failure = failures.get(method);
    if (failure !== undefined) return { ok: false, error: failure };
    const ts = (): string => {
      state.messageTs += 1;
      return `1700000000.${String(state.messageTs).padStart(6, "0")}`;
    };
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: botUserId, bot_id: botId, team_id: teamId };
      case "users.info": {
        const id = String(body.user ?? "");
        const user = users.get(id);
        if (user === undefined && !emails.has(id)) return { ok: false, error: "user_not_found" };
        const email = emails.get(id);
        return {
          ok: true,
          user: {
            id,
            team_id: teamId,
            name: user?.name ?? id.toLowerCase(),
            real_name: user?.realName ?? user?.name ?? id,
            ...(user?.tz ? { tz: user.tz } : {}),
            profile: {
              ...(email ? { email } : {}),
              ...(user?.realName ? { real_name: user.realName } : {}),
            },
          },
        };
      }
      case "views.publish":
        return { ok: true, view: { id: "V0HOME", type: "home" } };
      case "chat.postEphemeral":
        return { ok: true, message_ts: ts() };
      case "chat.postMessage":
        return { ok: true, channel: body.channel, ts: ts() };
      case "chat.update":
        return { ok: true, channel: body.channel, ts: body.ts };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(body.users ?? "").replace(/^U/, "")}` } };
      case "functions.completeSuccess":
      case "functions.completeError":
        return { ok: true };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  return {
    calls,
    emails,
    failures,
    get responseStatus() {
      return state.responseStatus;
    },
    set responseStatus(status: number) {
      state.responseStatus = status;
    },
    nextSeq: () => state.seq,
    callsOf: (method) => calls.filter((c) => c.method === method),
    async handle(request) {
      const raw = await request.text();
      const path = new URL(request.url).pathname;
      const body = decode(raw, request.headers.get("content-type"));
      const responseAt = path.lastIndexOf("/response/");
      if (responseAt !== -1) {
        const ok = state.responseStatus === 200;
        record({
          method: "response_url",
          responseId: path.slice(responseAt + "/response/".length),
          body,
          ok,
        });
        return new Response(ok ? "ok" : "expired_url", { status: state.responseStatus });
      }
      const method = path.slice(path.lastIndexOf("/") + 1);
      const auth = request.headers.get("authorization");
      const token = auth?.startsWith("Bearer ") ? auth.slice(7) : (body.token as string | undefined);
      const result =
        opts.botToken !== undefined && token !== opts.botToken
          ? { ok: false, error: "invalid_auth" }
          : answer(method, body);
      record({ method, body, ok: result.ok === true, ...(token !== undefined ? { token } : {}) });
      return json(result);
    },
    waitFor(match, waitOpts = {}) {
      const count = waitOpts.count ?? 1;
      const timeoutMs = waitOpts.timeoutMs ?? 15_000;
      const since = waitOpts.since ?? 0;
      const found = (): RecordedCall[] => calls.filter((c) => c.seq >= since && match(c));
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const hits = found();
          if (hits.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hits);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `fake Slack: waited ${timeoutMs} ms for ${count} matching call(s); saw ${found().length}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === "string") headers.set(k, v);
    else if (Array.isArray(v)) for (const item of v) headers.append(k, item);
  }
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method ?? "POST",
    headers,
    ...(req.method === "GET" || req.method === "HEAD" ? {} : { body: Buffer.concat(chunks) }),
  });
}

let responseCounter = 0;

/**
 * Starts the fake on 127.0.0.1 (a free port).
 * @example
 * const slack = await startFakeSlack({ emails: { U0MEI: "mei@clinic.example" } });
 * const bot = createSlackbot({ ..., slackApiUrl: slack.apiUrl });
 * await slack.waitFor((c) => c.method === "chat.postMessage");
 */
export async function startFakeSlack(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = createFakeSlack(opts);
  const origin = { url: "http://127.0.0.1" };
  const server = await listen((req, res) => {
    toRequest(req, origin.url)
      .then((request) => fake.handle(request))
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`fake Slack: ${String(error)}`);
      });
  });
  const { url } = server;
  origin.url = url;
  // Spread would copy the getter's value once; keep the live accessor.
  return Object.assign(Object.create(fake) as FakeSlackHandler, {
    url,
    apiUrl: `${url}/api/`,
    responseUrl(id?: string) {
      responseCounter += 1;
      return `${url}/response/${id ?? `r${responseCounter}`}`;
    },
    close: () => server.close(),
  }) as FakeSlack;
}
