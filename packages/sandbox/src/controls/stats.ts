/** Counts of /API requests, for other packages' benchmarks (how many calls reached "coreplus"). */

/** The counts as the `stats` control returns them. */
export interface SandboxStats {
  /** Every /API request since the last reset. */
  requests: number;
  /** Requests refused by the rate limiter (not forced 429s). */
  rateLimited: number;
  /** Requests per route, keyed like "GET /Appointment/{id}/". */
  byRoute: Record<string, number>;
}

const RESOURCES = [
  "Location",
  "Practitioner",
  "AppointmentType",
  "Client",
  "AvailabilitySlot",
  "Appointment",
];
const CANONICAL = new Map(RESOURCES.map((r) => [r.toLowerCase(), r]));

/** "GET /Client/{id}/" for "/api/core/v2.1/client/3f…/"; unknown routes keep their path. */
export function routeKey(method: string, path: string): string {
  const m = /^\/api\/core\/[^/]+\/([^/]+)(?:\/([^/]+))?\/?$/i.exec(path);
  const resource = m?.[1] ? CANONICAL.get(m[1].toLowerCase()) : undefined;
  if (!m || !resource) return `${method.toUpperCase()} ${path.toLowerCase()}`;
  return `${method.toUpperCase()} /${resource}/${m[2] ? "{id}/" : ""}`;
}

/** Mutable request counters. */
export class Stats {
  #requests = 0;
  #rateLimited = 0;
  #byRoute = new Map<string, number>();

  count(method: string, path: string): void {
    this.#requests += 1;
    const key = routeKey(method, path);
    this.#byRoute.set(key, (this.#byRoute.get(key) ?? 0) + 1);
  }
  countRateLimited(): void {
    this.#rateLimited += 1;
  }
  snapshot(): SandboxStats {
    return {
      requests: this.#requests,
      rateLimited: this.#rateLimited,
      byRoute: Object.fromEntries(this.#byRoute),
    };
  }
  reset(): void {
    this.#requests = 0;
    this.#rateLimited = 0;
    this.#byRoute.clear();
  }
}
