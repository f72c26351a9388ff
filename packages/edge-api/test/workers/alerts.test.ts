/**
 * The booking-rate alert on Workers: past a clinic's hourly ceiling the Worker posts the alert to
 * ALERT_WEBHOOK_URL inside the request's waitUntil. The receiver is a loopback HTTP server in the
 * Node process running vitest (test/alert-receiver.ts, started by vitest.workers.config.ts), which
 * workerd reaches by ordinary fetch; ALERT_RECEIVER_URL is its address.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, test, vi } from "vitest";
import { type ReceivedAlert, WORKERS_TEST } from "./constants.ts";
import {
  book,
  bookingFor,
  captureLogs,
  freeSlots,
  freshSandbox,
  patient,
  self,
  workerWith,
} from "./harness.ts";

const ids = freshSandbox();
afterEach(() => {
  vi.restoreAllMocks();
});

const token = "workers-alert-token-0123456789abcdef";
const base = WORKERS_TEST.clinics.clinics[0]!;

/** The Worker with one clinic `slug` whose ceiling is 2 bookings an hour, posting alerts to `url`. */
const ceilingWorker = (slug: string, url: string) =>
  workerWith({
    CLINICS_JSON: JSON.stringify({
      clinics: [
        {
          ...base,
          slug,
          limits: { ...base.limits, clinicBookings: { limit: 2, windowSeconds: 3_600 } },
        },
      ],
    }),
    ALERT_WEBHOOK_URL: url,
    ALERT_WEBHOOK_TOKEN: token,
  });

/** Books `n` distinct patients into the day's free slots (from the `skip`th) through `edge`, one at a time. */
async function bookMany(
  edge: ReturnType<typeof workerWith>,
  slug: string,
  date: string,
  n: number,
  skip = 0,
) {
  const slots = await freeSlots(self, ids, date);
  const statuses: number[] = [];
  for (let i = skip; i < skip + n; i++) {
    const res = await book(edge, bookingFor(ids, slots[i]!, patient("Alert")), `${slug}-${i}`, slug);
    statuses.push(res.status);
  }
  return statuses;
}

/** What the receiver took at `path`. */
async function receivedAt(path: string): Promise<ReceivedAlert[]> {
  const res = await fetch(`${env.ALERT_RECEIVER_URL}/received`);
  expect(res.status).toBe(200);
  return ((await res.json()) as ReceivedAlert[]).filter((r) => r.path === path);
}

describe("the booking-rate alert on Workers", () => {
  test("past the ceiling it is posted once to ALERT_WEBHOOK_URL with the token, within waitUntil", async () => {
    // The receiver records the post 400 ms after it arrives: a post not held by waitUntil is still
    // unrecorded when settled() returns.
    const path = "/delay/400/slack/alerts/workers-ceiling";
    const logs = captureLogs();
    const edge = ceilingWorker("alert-ceiling", `${env.ALERT_RECEIVER_URL}${path}`);
    expect(await bookMany(edge, "alert-ceiling", "2026-12-08", 3)).toEqual([201, 201, 429]);
    // The requests' waitUntil work is done: the post has been answered, without polling for it.
    await edge.settled();
    expect(await receivedAt(path)).toEqual([
      {
        path,
        auth: `Bearer ${token}`,
        body: { alert: "booking-rate", clinic: "alert-ceiling", count: 3, limit: 2, windowMinutes: 60 },
      },
    ]);
    expect(await bookMany(edge, "alert-ceiling", "2026-12-08", 1, 3)).toEqual([429]);
    await edge.settled();
    expect(await receivedAt(path), "one alert a window").toHaveLength(1);
    const lines = logs.join("\n");
    expect(lines).toContain('"msg":"alert webhook posted"');
    expect(lines).not.toContain(token);
  });

  test("a failed post is logged without the token; the visitors' answers are unchanged", async () => {
    const logs = captureLogs();
    const path = "/status/500/slack/alerts/workers-failing";
    const failing = ceilingWorker("alert-failing", `${env.ALERT_RECEIVER_URL}${path}`);
    expect(await bookMany(failing, "alert-failing", "2026-12-09", 3)).toEqual([201, 201, 429]);
    // Port 9 (discard) on loopback: nothing listens, the connection is refused (workerd prints the
    // refused connect as an "uncaught exception" even though the poster catches it).
    const unreachable = ceilingWorker("alert-unreachable", "http://127.0.0.1:9/slack/alerts");
    expect(await bookMany(unreachable, "alert-unreachable", "2026-12-10", 3)).toEqual([201, 201, 429]);
    await Promise.all([failing.settled(), unreachable.settled()]);
    expect(await receivedAt(path)).toHaveLength(1);
    const failures = logs
      .filter((l) => l.includes('"msg":"alert webhook failed"'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(failures).toEqual([
      expect.objectContaining({ clinic: "alert-failing", reason: "answered 500" }),
      expect.objectContaining({ clinic: "alert-unreachable", reason: "unreachable" }),
    ]);
    expect(logs.join("\n")).not.toContain(token);
  });
});
