/**
 * The consumer budget's two settings, read from the environment (Workers vars, or the Node program's
 * environment): `COREPLUS_REQUESTS_PER_SECOND` (1–10, default 9; coreplus allows 10) and
 * `COREPLUS_PRIORITY_RESERVE` (0 to one less than the rate, default 1): the slots of every second that
 * reads leave to bookings, cancels and reschedules (0 switches the priority lane's reserve off).
 * The memory, Redis and Durable Object states all take the result.
 */
import { EdgeConfigError } from "./parse-config.js";

/** Options every state factory takes for the consumer budget. */
export interface BudgetOptions {
  requestsPerSecond?: number;
  reservedForPriority?: number;
}

function wholeNumber(env: Record<string, string | undefined>, name: string, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new EdgeConfigError([{ path: name, message: `must be a whole number from ${min} to ${max}` }]);
  return n;
}

/** Reads the budget's settings; throws {@link EdgeConfigError} naming the variable. */
export function budgetFromEnv(env: Record<string, string | undefined>): BudgetOptions {
  const out: BudgetOptions = {};
  const rate = wholeNumber(env, "COREPLUS_REQUESTS_PER_SECOND", 1, 10);
  if (rate !== undefined) out.requestsPerSecond = rate;
  const reserve = wholeNumber(env, "COREPLUS_PRIORITY_RESERVE", 0, (rate ?? 9) - 1);
  if (reserve !== undefined) out.reservedForPriority = reserve;
  return out;
}
