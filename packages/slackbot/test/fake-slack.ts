/**
 * A small local fake of Slack for tests and the benchmark: the Web API methods the bot calls
 * (users.info, views.publish, chat.postEphemeral; chat.postMessage is recorded so tests can prove it
 * never happens) and response URLs. Everything it receives is recorded. node:http on 127.0.0.1, port 0.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One recorded call: the Web API method (or "response_url") and its decoded body. */
export interface RecordedCall {
  method: string;
  /** For response URLs: the path's id. */
  responseId?: string;
  body: Record<string, unknown>;
  /** The bearer token a Web API call carried. */
  token?: string;
  at: number;
}

export interface FakeSlack {
  /** The origin, e.g. http://127.0.0.1:PORT. */
  url: string;
  /** What to give Bolt as `slackApiUrl` (ends in /api/). */
  apiUrl: string;
  calls: RecordedCall[];
  /** A fresh response URL; posts to it are recorded with `responseId`. */
  responseUrl(id?: string): string;
  /** Resolves once `count` calls match, or rejects after `timeoutMs`. */
  waitFor(
    match: (c: RecordedCall) => boolean,
    opts?: { count?: number; timeoutMs?: number },
  ): Promise<RecordedCall[]>;
  /** Slack user id → profile email for users.info. */
  emails: Map<string, string>;
  /** Make response URLs answer with this status (e.g. 404, as an expired one does). */
  responseStatus: number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Decodes a Web API body: form-encoded (JSON-valued fields such as `view` parsed) or JSON. */
function decode(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json"))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

let responseCounter = 0;

/** Starts the fake. */
export async function startFakeSlack(init: { emails?: Record<string, string> } = {}): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const waiters: (() => void)[] = [];
  const emails = new Map(Object.entries(init.emails ?? {}));
  const state = { responseStatus: 200 };

  const server: Server = createServer((req, res) => {
    readBody(req).then((raw) => {
      const url = new URL(req.url ?? "/", "http://fake");
      const send = (status: number, body: unknown): void => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const notify = (): void => {
        for (const w of waiters.splice(0)) w();
      };
      if (url.pathname.startsWith("/response/")) {
        calls.push({
          method: "response_url",
          responseId: url.pathname.slice("/response/".length),
          body: decode(raw, req.headers["content-type"]),
          at: Date.now(),
        });
        notify();
        res.writeHead(state.responseStatus);
        res.end(state.responseStatus === 200 ? "ok" : "expired_url");
        return;
      }
      const method = url.pathname.replace(/^\/api\//, "");
      const body = decode(raw, req.headers["content-type"]);
      const auth = req.headers.authorization;
      const call: RecordedCall = { method, body, at: Date.now() };
      const token = auth?.startsWith("Bearer ") ? auth.slice(7) : (body.token as string | undefined);
      if (token !== undefined) call.token = token;
      calls.push(call);
      notify();
      switch (method) {
        case "users.info": {
          const user = String(body.user ?? "");
          const email = emails.get(user);
          if (email === undefined && !emails.has(user))
            return send(200, { ok: false, error: "user_not_found" });
          return send(200, { ok: true, user: { id: user, profile: email ? { email } : {} } });
        }
        case "views.publish":
          return send(200, { ok: true, view: { id: "V0HOME", type: "home" } });
        case "chat.postEphemeral":
          return send(200, { ok: true, message_ts: "1700000000.000100" });
        case "chat.postMessage":
          return send(200, { ok: true, ts: "1700000000.000200" });
        case "auth.test":
          return send(200, { ok: true, user_id: "U0BOT", bot_id: "B0BOT", team_id: "T0CLINIC" });
        default:
          return send(200, { ok: false, error: "unknown_method" });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    emails,
    get responseStatus() {
      return state.responseStatus;
    },
    set responseStatus(status: number) {
      state.responseStatus = status;
    },
    responseUrl(id) {
      responseCounter += 1;
      return `${url}/response/${id ?? `r${responseCounter}`}`;
    },
    waitFor(match, opts = {}) {
      const count = opts.count ?? 1;
      const timeoutMs = opts.timeoutMs ?? 15_000;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(
            new Error(
              `fake Slack: waited ${timeoutMs} ms for ${count} matching call(s); saw ${calls.filter(match).length}`,
            ),
          );
        }, timeoutMs);
        const check = (): void => {
          const found = calls.filter(match);
          if (found.length >= count) {
            clearTimeout(timer);
            resolve(found);
          } else {
            waiters.push(check);
          }
        };
        check();
      });
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
