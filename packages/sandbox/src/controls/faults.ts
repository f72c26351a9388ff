/**
 * Injected faults for the test controls: added latency, forced statuses, malformed bodies and dropped
 * connections, each limited to matching /API requests and, optionally, to a number of uses.
 */

/** Which /API requests a fault applies to; both parts optional. */
export interface Match {
  /** HTTP method, any case. */
  method?: string;
  /** Case-insensitive substring of the request path, e.g. "/appointment". */
  path?: string;
}

/** A fault that replaces or spoils a response. */
export type Fault =
  | { kind: "status"; status: 429 | 500 | 502 | 503 | 504; retryAfter?: number }
  | { kind: "malformed" }
  | { kind: "drop"; after: "before" | "after" };

interface Rule {
  fault: Fault;
  match: Match;
  remaining: number;
}

function matches(match: Match, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path && !path.toLowerCase().includes(match.path.toLowerCase())) return false;
  return true;
}

/** The sandbox's current faults. */
export class Faults {
  #latency: { ms: number; match: Match }[] = [];
  #rules: Rule[] = [];

  /** Sets the delay for requests matching `match` (replacing one with the same match); 0 removes it. */
  setLatency(ms: number, match: Match = {}): void {
    const key = matchKey(match);
    this.#latency = this.#latency.filter((l) => matchKey(l.match) !== key);
    if (ms > 0) this.#latency.push({ ms, match });
  }

  /** The delay for a request: the largest matching one. */
  latencyFor(method: string, path: string): number {
    let ms = 0;
    for (const l of this.#latency) if (matches(l.match, method, path)) ms = Math.max(ms, l.ms);
    return ms;
  }

  /** Queues a fault for `times` matching requests (default: every one until cleared). */
  add(fault: Fault, opts: { times?: number | undefined; match?: Match | undefined } = {}): void {
    this.#rules.push({ fault, match: opts.match ?? {}, remaining: opts.times ?? Number.POSITIVE_INFINITY });
  }

  /** The first queued fault matching this request, used up once. */
  take(method: string, path: string): Fault | undefined {
    for (const rule of this.#rules) {
      if (rule.remaining > 0 && matches(rule.match, method, path)) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) this.#rules = this.#rules.filter((r) => r !== rule);
        return rule.fault;
      }
    }
    return undefined;
  }

  /** Removes every fault and every latency. */
  clear(): void {
    this.#latency = [];
    this.#rules = [];
  }
}

function matchKey(match: Match): string {
  return `${(match.method ?? "").toUpperCase()} ${(match.path ?? "").toLowerCase()}`;
}

/** Marks a response whose connection must be dropped; the Node entry destroys the socket on seeing it. */
export const DROP_HEADER = "x-sandbox-fault";

/**
 * A "dropped connection" in Web API terms: a response whose body stream errors. Runtimes abort the
 * connection mid-response; the Node entry destroys the socket before sending anything.
 */
export function droppedResponse(): Response {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.error(new Error("connection dropped by the sandbox (test control)"));
    },
  });
  return new Response(body, {
    status: 200,
    headers: { [DROP_HEADER]: "drop", "content-type": "application/json" },
  });
}

/** Whether `res` asks for its connection to be dropped. */
export function isDroppedResponse(res: Response): boolean {
  return res.headers.get(DROP_HEADER) === "drop";
}
