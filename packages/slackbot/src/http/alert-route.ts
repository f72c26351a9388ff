/**
 * The alert hook: `POST /slack/alerts` with `Authorization: Bearer <SLACK_ALERT_TOKEN>` and a JSON
 * body `{"alert":"booking-rate","clinic":"…","count":61,"limit":60,"windowMinutes":60}`, which the
 * edge API (or whatever ships its `"alert":"booking-rate"` log lines) sends when online bookings hit
 * the clinic's hourly ceiling. The bot posts it to the activity channel. Not a Slack request, so it
 * has its own token, a 4 KB body limit and a small schema.
 */
import { timingSafeEqual } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { CustomRoute } from "@slack/bolt";
import { z } from "zod";
import type { BookingRateAlert } from "../activity/activity-feed.js";

/** The hook's path. */
export const ALERT_PATH = "/slack/alerts";
const MAX_ALERT_BYTES = 4096;

const Alert = z.object({
  alert: z.literal("booking-rate"),
  clinic: z.string().min(1).max(100),
  count: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
  windowMinutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
});

const reply = (res: ServerResponse, status: number, body: Record<string, unknown>): void => {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
};

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The route, posting each valid alert through `deliver`. */
export function alertRoute(opts: {
  token: string;
  deliver: (alert: BookingRateAlert) => Promise<void>;
}): CustomRoute {
  return {
    path: ALERT_PATH,
    method: "POST",
    handler(req, res) {
      if (!tokenMatches(req.headers.authorization, opts.token)) {
        req.resume();
        return reply(res, 401, { error: "unauthorized" });
      }
      const declared = Number(req.headers["content-length"] ?? "0");
      if (declared > MAX_ALERT_BYTES) {
        req.resume();
        return reply(res, 413, { error: "too-large" });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let refused = false;
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ALERT_BYTES && !refused) {
          refused = true;
          reply(res, 413, { error: "too-large" });
          req.destroy();
        } else chunks.push(chunk);
      });
      req.on("end", () => {
        if (refused) return;
        let parsed: ReturnType<typeof Alert.safeParse>;
        try {
          parsed = Alert.safeParse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch {
          return reply(res, 400, { error: "invalid-json" });
        }
        if (!parsed.success)
          return reply(res, 422, {
            error: "invalid-alert",
            issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
          });
        opts.deliver(parsed.data).then(
          () => reply(res, 202, { ok: true }),
          () => reply(res, 502, { error: "slack-unavailable" }),
        );
      });
    },
  };
}
