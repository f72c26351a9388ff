/** Retry timing: capped, jittered exponential backoff and Retry-After parsing. */

/** Retry settings after defaults. */
export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Resolves the client's `retry` option. */
export function retryPolicy(
  opts: { retries?: number; baseDelayMs?: number; maxDelayMs?: number } = {},
): RetryPolicy {
  const policy = {
    retries: opts.retries ?? 3,
    baseDelayMs: opts.baseDelayMs ?? 200,
    maxDelayMs: opts.maxDelayMs ?? 5000,
  };
  if (!Number.isInteger(policy.retries) || policy.retries < 0)
    throw new RangeError("retry.retries must be ≥ 0");
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= 0))
    throw new RangeError("retry delays must be ≥ 0");
  return policy;
}

/**
 * Delay before retry number `attempt` (0-based): exponential, capped at maxDelayMs, with "equal
 * jitter" (half fixed, half random) so synchronised clients spread out but never retry instantly.
 */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

/** Retry-After as milliseconds from now: delay-seconds or an HTTP date; undefined when absent/unparseable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
