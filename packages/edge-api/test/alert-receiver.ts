/**
 * A stand-in for the Slack bot's `POST /slack/alerts` on loopback: it records each post (path,
 * Authorization header, JSON body) and answers 200, or the status a path asks for
 * (`/status/<code>/…`); a path with `/delay/<ms>/` records and answers only that long after the body
 * arrived (a post cut off with its request is then never recorded). `GET /received` answers what it recorded, for tests that cannot read this
 * process's memory (the Workers tests inside workerd, whose ALERT_RECEIVER_URL binding points here).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ReceivedAlert } from "./workers/constants.ts";

/** A running receiver. */
export interface AlertReceiver {
  /** `http://127.0.0.1:<port>` */
  url: string;
  received: ReceivedAlert[];
  close(): Promise<void>;
}

/** The largest body recorded (the bot's own limit is 64 KB). */
const MAX_BODY = 64 * 1024;

/** Starts a receiver on a free loopback port; `unref` lets the process exit while it listens. */
export async function startAlertReceiver(opts: { unref?: boolean } = {}): Promise<AlertReceiver> {
  const received: ReceivedAlert[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://receiver").pathname;
    if (req.method === "GET" && path === "/received") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received));
      return;
    }
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      text += chunk;
      if (text.length > MAX_BODY) req.destroy();
    });
    req.on("end", () => {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      const status = Number(/\/status\/(\d{3})\//.exec(path)?.[1] ?? 200);
      const delay = Number(/\/delay\/(\d{1,5})\//.exec(path)?.[1] ?? 0);
      setTimeout(() => {
        received.push({ path, auth: req.headers.authorization, body });
        res
          .writeHead(status, { "content-type": "application/json" })
          .end(JSON.stringify({ ok: status < 300 }));
      }, delay);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  if (opts.unref) server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
