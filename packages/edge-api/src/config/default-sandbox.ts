/**
 * The configuration used when none is given: the local sandbox's clinic group as slug `harbourside`,
 * with the development credentials and any loopback origin allowed, and the disciplines, professions
 * and prices derived from the sandbox's seed (sandbox-clinic.ts). Development only.
 */
import { DEV_DEFAULTS } from "@coreplus-kit/core/dev";
import { ALTCHA_DEVELOPMENT } from "./challenge.js";
import { defaultPolicyText } from "./changes.js";
import { resolveDisciplines } from "./disciplines-schema.js";
import { SANDBOX_CLINIC_CATALOGUE } from "./sandbox-clinic.js";
import type { EdgeConfig } from "./schema.js";

/** Options for {@link defaultSandboxConfig}. */
export interface DefaultSandboxConfigOptions {
  /** The sandbox origin; default the development base URL (http://127.0.0.1:4010). */
  baseUrl?: string;
  /** Credentials to use instead of the development ones (e.g. from COREPLUS_* variables). */
  credentials?: { consumerId: string; consumerSecret: string; accessToken: string };
}

/** The development configuration: one clinic, `harbourside`, on the local sandbox. */
export function defaultSandboxConfig(opts: DefaultSandboxConfigOptions = {}): EdgeConfig {
  const credentials = opts.credentials ?? {
    consumerId: DEV_DEFAULTS.consumerId,
    consumerSecret: DEV_DEFAULTS.consumerSecret,
    accessToken: DEV_DEFAULTS.accessToken,
  };
  const issues: { path: string; message: string }[] = [];
  const catalogue = resolveDisciplines({ ...SANDBOX_CLINIC_CATALOGUE, bookable: {} }, "harbourside", issues);
  // The built-in data is checked by its tests; a mistake in it is a bug, not a configuration error.
  if (issues.length > 0) throw new Error(`the sandbox clinic's catalogue is invalid: ${issues[0]?.path}`);
  return {
    source: "default-sandbox",
    trustProxy: false,
    bodyLimitBytes: 16_384,
    clinics: [
      {
        slug: "harbourside",
        name: "Harbourside Health",
        coreplus: {
          baseUrl: opts.baseUrl ?? DEV_DEFAULTS.baseUrl,
          version: "v2.1",
          timeoutMs: 10_000,
          ...credentials,
        },
        allowedOrigins: [],
        allowLoopbackOrigins: true,
        allowAnyOrigin: false,
        bookable: {},
        rules: { minNoticeMinutes: 120, maxDaysAhead: 60 },
        reminders: { email: true, sms: true },
        notifyPractitioner: false,
        // Generous, so that a whole test suite or a demo can run from one address.
        limits: {
          reads: { limit: 100_000, windowMs: 60_000 },
          bookings: { limit: 5_000, windowMs: 60_000 },
          misses: { limit: 100_000, windowMs: 60_000 },
          perPatient: { limit: 100, windowMs: 86_400_000 },
          clinicBookings: { limit: 5_000, windowMs: 3_600_000 },
          lookups: { limit: 5, windowMs: 3_600_000 },
          ipv6Prefix: 64,
        },
        cache: { catalogueTtlMs: 300_000, availabilityTtlMs: 20_000 },
        // A real challenge, but cheap: it solves in a few milliseconds (tests, the demo).
        challenge: { kind: "altcha", ...ALTCHA_DEVELOPMENT },
        ...catalogue,
        changes: { cancel: true, reschedule: true, noticeHours: 24, policy: defaultPolicyText(24) },
      },
    ],
  };
}
