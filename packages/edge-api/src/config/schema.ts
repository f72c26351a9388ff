/**
 * The clinic configuration file format (CLINICS_FILE / CLINICS_JSON) and the resolved `EdgeConfig`
 * the app runs on. Secrets may be written inline or referenced as `{ "env": "VAR_NAME" }`.
 */
import { z } from "zod";
import { type ChallengeConfig, ChallengeConfigFile } from "./challenge.js";
import { type ChangesPolicy, ChangesPolicyEntry } from "./changes.js";
import { DisciplinesFileFields, type ResolvedDisciplines } from "./disciplines-schema.js";
import { type ClinicLimits, LimitsFile } from "./limits.js";
import { PublicUrl } from "./public-url.js";
import { type ClinicQuestion, clinicQuestionFields } from "./questions.js";
import { SecretRef } from "./secret-ref.js";

export type { ClinicLimits, VisitorLimit } from "./limits.js";

export { SecretRef };

const Origin = z.string().refine(
  (s) => {
    if (s === "loopback" || s === "*") return true;
    try {
      const u = new URL(s);
      return (u.protocol === "https:" || u.protocol === "http:") && u.origin === s;
    } catch {
      return false;
    }
  },
  {
    error: 'must be an origin such as "https://www.example.com" (no path, no trailing slash), or "loopback"',
  },
);

/** One clinic as written in the configuration file. */
export const ClinicFileEntry = z.strictObject({
  slug: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
    error: "must be lower-case letters, digits and dashes",
  }),
  name: z.string().min(1).max(200),
  coreplus: z.strictObject({
    baseUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
    version: z.enum(["v2", "v2.1"]).default("v2.1"),
    consumerId: SecretRef,
    consumerSecret: SecretRef,
    accessToken: SecretRef,
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  }),
  allowedOrigins: z.array(Origin).default([]),
  bookable: z
    .strictObject({
      locationIds: z.array(z.string().min(1)).min(1).optional(),
      practitionerIds: z.array(z.string().min(1)).min(1).optional(),
      appointmentTypeIds: z.array(z.string().min(1)).min(1).optional(),
    })
    .default({}),
  rules: z
    .strictObject({
      minNoticeMinutes: z
        .number()
        .int()
        .min(0)
        .max(60 * 24 * 30)
        .default(120),
      maxDaysAhead: z.number().int().min(1).max(366).default(60),
    })
    .default({ minNoticeMinutes: 120, maxDaysAhead: 60 }),
  reminders: z
    .strictObject({ email: z.boolean().default(true), sms: z.boolean().default(true) })
    .default({ email: true, sms: true }),
  notifyPractitioner: z.boolean().default(false),
  limits: LimitsFile,
  cache: z
    .strictObject({
      catalogueSeconds: z.number().min(0).max(86_400).default(300),
      availabilitySeconds: z.number().min(0).max(3_600).default(20),
    })
    .default({ catalogueSeconds: 300, availabilitySeconds: 20 }),
  challenge: ChallengeConfigFile,
  ...DisciplinesFileFields,
  changes: ChangesPolicyEntry.default({ cancel: true, reschedule: true, noticeHours: 24 }),
  ...clinicQuestionFields,
});
export type ClinicFileEntry = z.input<typeof ClinicFileEntry>;

/** The whole configuration file. */
export const EdgeConfigFile = z.strictObject({
  clinics: z.array(ClinicFileEntry).min(1, { error: "must list at least one clinic" }),
  trustProxy: z.boolean().default(false),
  bodyLimitBytes: z.number().int().min(1024).max(1_048_576).default(16_384),
  publicUrl: PublicUrl.optional(),
});
/** What a configuration file may contain (defaults filled in by {@link parseEdgeConfig}). */
export type EdgeConfigFile = z.input<typeof EdgeConfigFile>;

/** One clinic, resolved: secrets read, defaults applied. */
export interface ClinicConfig {
  slug: string;
  name: string;
  coreplus: {
    baseUrl: string;
    version: "v2" | "v2.1";
    consumerId: string;
    consumerSecret: string;
    accessToken: string;
    timeoutMs: number;
  };
  /** Exact origins allowed to call this clinic from a browser. */
  allowedOrigins: string[];
  /** Any http(s)://localhost / 127.0.0.0/8 / [::1] origin is allowed (development). */
  allowLoopbackOrigins: boolean;
  /** Every origin is allowed (the "*" entry). */
  allowAnyOrigin: boolean;
  bookable: { locationIds?: string[]; practitionerIds?: string[]; appointmentTypeIds?: string[] };
  rules: { minNoticeMinutes: number; maxDaysAhead: number };
  reminders: { email: boolean; sms: boolean };
  notifyPractitioner: boolean;
  /** `null` switches a limit off (see config/limits.ts). */
  limits: ClinicLimits;
  cache: { catalogueTtlMs: number; availabilityTtlMs: number };
  /** What a booking (lookup, cancel, reschedule) must prove; `none` only when the clinic says so. */
  challenge: ChallengeConfig;
  /** Disciplines, practitioners' professions and bios, services' descriptions, prices and audiences. */
  disciplines: ResolvedDisciplines["disciplines"];
  practitionerProfiles: ResolvedDisciplines["practitionerProfiles"];
  appointmentTypeInfo: ResolvedDisciplines["appointmentTypeInfo"];
  /** Managing a booking: whether patients may cancel or reschedule online, and until how long before. */
  changes: ChangesPolicy;
  /** The clinic's own questions (none when absent). */
  questions?: ClinicQuestion[];
  /** The clinic's privacy policy, linked beside consent. */
  privacyUrl?: string | null;
}

/** The configuration the app runs on. */
export interface EdgeConfig {
  clinics: ClinicConfig[];
  /** Take the visitor address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  bodyLimitBytes: number;
  /**
   * The deployment secret (EDGE_SECRET): keys the idempotency records' body HMAC and signs altcha
   * challenges. Absent: the development secret, and the start-up log says so.
   */
  secret?: string;
  /** HEALTH_TOKEN: `Authorization: Bearer <it>` on /healthz shows the per-clinic detail. */
  healthToken?: string;
  /** The API's public URL, /openapi.json's `servers` (EDGE_API_PUBLIC_URL, else the file's `publicUrl`). */
  publicUrl?: string;
  /** Where the configuration came from, for the start-up log. */
  source: "file" | "inline" | "default-sandbox" | "code";
}
