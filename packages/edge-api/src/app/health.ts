/**
 * /healthz: the last upstream result per clinic, as seen by every coreplus exchange, with a probe at
 * most every 30 s when nothing else has talked to coreplus. A refused (e.g. expired) access token
 * shows as `auth-failed`.
 */
import type { ClinicHealth, HealthReport } from "../schemas/public.js";
import type { ClinicRuntime } from "../types.js";
import type { UpstreamObserver, UpstreamOutcome } from "../upstream/index.js";

/** Probes are at most this frequent per clinic. */
export const PROBE_INTERVAL_MS = 30_000;
const PROBE_WAIT_MS = 3_000;

const DETAIL: Record<UpstreamOutcome, string> = {
  ok: "coreplus answered",
  "auth-failed": "coreplus refused the credentials: the access token may have expired or been revoked",
  "rate-limited": "coreplus answered 429 (request budget exceeded by another user of this consumer?)",
  "upstream-error": "coreplus failed or could not be reached",
};

/** Tracks upstream outcomes per clinic and answers /healthz. */
export class HealthTracker {
  readonly #last = new Map<string, { outcome: UpstreamOutcome; at: number }>();
  readonly #probing = new Map<string, Promise<void>>();
  readonly #lastProbe = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** The observer to hand to a clinic's coreplus client. */
  observer(slug: string): UpstreamObserver {
    return {
      onExchange: (outcome) => {
        this.#last.set(slug, { outcome, at: this.#now() });
      },
    };
  }

  /** The health document, probing clinics whose last result is older than 30 s. */
  async report(
    runtimes: Iterable<ClinicRuntime>,
    defer: (p: Promise<unknown>) => void,
  ): Promise<HealthReport> {
    const waits: Promise<unknown>[] = [];
    const list = [...runtimes];
    for (const rt of list) {
      const slug = rt.config.slug;
      const last = this.#last.get(slug);
      const lastProbe = this.#lastProbe.get(slug) ?? 0;
      const now = this.#now();
      if ((!last || now - last.at >= PROBE_INTERVAL_MS) && now - lastProbe >= PROBE_INTERVAL_MS) {
        this.#lastProbe.set(slug, now);
        // One page of locations: the cheapest authenticated read.
        const probe = rt.coreplus.locations
          .list({}, { signal: AbortSignal.timeout(10_000) })
          .then(
            () => undefined,
            () => undefined,
          )
          .finally(() => this.#probing.delete(slug));
        this.#probing.set(slug, probe);
        defer(probe);
      }
      const running = this.#probing.get(slug);
      if (running) waits.push(running);
    }
    // Wait briefly for probes so that the answer is current; never long (the endpoint must stay cheap).
    if (waits.length > 0)
      await Promise.race([Promise.all(waits), new Promise((r) => setTimeout(r, PROBE_WAIT_MS))]);
    const clinics: Record<string, ClinicHealth> = {};
    let degraded = false;
    for (const rt of list) {
      const last = this.#last.get(rt.config.slug);
      if (!last) {
        clinics[rt.config.slug] = { status: "unknown", checkedAt: null };
        continue;
      }
      const status: ClinicHealth["status"] = last.outcome === "ok" ? "ok" : last.outcome;
      if (status === "auth-failed" || status === "upstream-error") degraded = true;
      clinics[rt.config.slug] = {
        status,
        checkedAt: new Date(last.at).toISOString(),
        detail: DETAIL[last.outcome],
      };
    }
    return { status: degraded ? "degraded" : "ok", clinics };
  }
}
