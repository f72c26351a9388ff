/**
 * The bindings the edge API's Worker expects (wrangler.toml declares them; docs/workers.md explains
 * each). Secrets referenced by CLINICS_JSON (`{ "env": "HARBOUR_SECRET" }`) are read from the same
 * `env`, so any string binding may hold one.
 */
import type { ClinicDurableObject } from "./clinic-object.js";
import type { ConsumerDurableObject } from "./consumer-object.js";

/** The Worker's `env`. */
export interface WorkerEnv {
  /** One Durable Object per clinic slug: cache, coalescing, slot locks, idempotency, visitor limits. */
  CLINIC_STATE: DurableObjectNamespace<ClinicDurableObject>;
  /** One Durable Object per coreplus consumer: the request budget. */
  CONSUMER_BUDGET: DurableObjectNamespace<ConsumerDurableObject>;
  /** swagger-ui-dist's files for /docs (wrangler.toml `[assets]`). */
  DOCS_ASSETS?: Fetcher;
  /**
   * Development and tests: the sandbox running as another Worker. coreplus requests whose origin is
   * SANDBOX_ORIGIN go to it instead of the network.
   */
  SANDBOX?: Fetcher;
  /** The origin routed to SANDBOX (default http://127.0.0.1:4010, the development base URL). */
  SANDBOX_ORIGIN?: string;
  /** The clinic configuration as JSON (a secret: it may hold credentials inline). */
  CLINICS_JSON?: string;
  /** Without CLINICS_JSON: the sandbox clinic's coreplus origin and credentials (development defaults). */
  COREPLUS_BASE_URL?: string;
  COREPLUS_CONSUMER_ID?: string;
  COREPLUS_CONSUMER_SECRET?: string;
  COREPLUS_ACCESS_TOKEN?: string;
  /** Signs manage tokens (a secret: `wrangler secret put MANAGE_SECRET`); unset, the development default. */
  MANAGE_SECRET?: string;
  /** Requests per second per coreplus consumer (default 9; coreplus allows 10). */
  COREPLUS_REQUESTS_PER_SECOND?: string;
  /** Slots of each second that reads leave to bookings, cancels and reschedules (default 1; 0: no reserve). */
  COREPLUS_PRIORITY_RESERVE?: string;
  /**
   * Where the booking-rate alert is posted (the Slack bot's `POST /slack/alerts`), with the token as a
   * bearer (a secret). Both or neither; a bad pair refuses every request, the variable named in the log.
   */
  ALERT_WEBHOOK_URL?: string;
  ALERT_WEBHOOK_TOKEN?: string;
  /** Development and tests only: pins the business clock (ISO 8601 instant). Never set in production. */
  BUSINESS_TIME?: string;
  /** Secrets named by CLINICS_JSON, and anything else. */
  [name: string]: unknown;
}

/** The string-valued bindings of `env` (vars and secrets), for configuration parsing. */
export function stringBindings(env: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === "string") out[k] = v;
  return out;
}
