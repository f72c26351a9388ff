/**
 * The `limits` of a clinic: limits a person never meets and a bot always does. Per visitor address
 * (IPv6 counted per prefix, /64 by default): reads, bookings, and upstream cache misses (a tighter,
 * separate count of the reads that cost coreplus a call). Per patient: bookings per email, per mobile
 * and per name + date of birth (counted under HMAC keys, never the details). Per clinic: a ceiling on
 * online bookings, past which bookings get 429 and one `"alert":"booking-rate"` log line. Per
 * reference and per visitor: booking lookups (5 an hour by default).
 */
import { z } from "zod";

const Limit = z.strictObject({
  limit: z.number().int().positive(),
  windowSeconds: z.number().positive().max(86_400),
});

/** A limit: at most `limit` per `windowMs`. */
export interface VisitorLimit {
  limit: number;
  windowMs: number;
}

const DEFAULTS = {
  reads: { limit: 300, windowSeconds: 60 },
  bookings: { limit: 10, windowSeconds: 3_600 },
  misses: { limit: 60, windowSeconds: 600 },
  perPatient: { limit: 3, windowSeconds: 86_400 },
  clinicBookings: { limit: 60, windowSeconds: 3_600 },
  lookups: { limit: 5, windowSeconds: 3_600 },
  ipv6Prefix: 64,
} as const;

/** `limits` as written in the configuration file; `null` switches one off. */
export const LimitsFile = z
  .strictObject({
    reads: Limit.nullable().default(DEFAULTS.reads),
    bookings: Limit.nullable().default(DEFAULTS.bookings),
    misses: Limit.nullable().default(DEFAULTS.misses),
    perPatient: Limit.nullable().default(DEFAULTS.perPatient),
    clinicBookings: Limit.nullable().default(DEFAULTS.clinicBookings),
    lookups: Limit.nullable().default(DEFAULTS.lookups),
    ipv6Prefix: z
      .number()
      .int()
      .min(32, { error: "must be a prefix length from 32 to 128" })
      .max(128, { error: "must be a prefix length from 32 to 128" })
      .default(DEFAULTS.ipv6Prefix),
  })
  .default(DEFAULTS);

/** A clinic's limits, resolved. */
export interface ClinicLimits {
  /** Visitor reads (GET). `null`: off. */
  reads: VisitorLimit | null;
  /** Visitor booking requests (POST). `null`: off. */
  bookings: VisitorLimit | null;
  /** Visitor reads that missed the cache and called coreplus. Absent or `null`: off. */
  misses?: VisitorLimit | null;
  /** Bookings per email, per mobile (digits) and per name + date of birth. Absent or `null`: off. */
  perPatient?: VisitorLimit | null;
  /** Online bookings of the whole clinic. Absent or `null`: off. */
  clinicBookings?: VisitorLimit | null;
  /** Booking lookups per reference and per visitor (POST …/bookings/lookup). Absent: 5 an hour; `null`: off. */
  lookups?: VisitorLimit | null;
  /** IPv6 visitors are counted per this prefix; default 64. */
  ipv6Prefix?: number;
}

/** The lookup limit a configuration that does not name one gets (it was fixed before it was configurable). */
export const DEFAULT_LOOKUPS: VisitorLimit = {
  limit: DEFAULTS.lookups.limit,
  windowMs: DEFAULTS.lookups.windowSeconds * 1000,
};

const resolve = (l: z.output<typeof Limit> | null): VisitorLimit | null =>
  l && { limit: l.limit, windowMs: l.windowSeconds * 1000 };

/** Resolves the file's `limits` (seconds become milliseconds). */
export function resolveLimits(file: z.output<typeof LimitsFile>): ClinicLimits {
  return {
    reads: resolve(file.reads),
    bookings: resolve(file.bookings),
    misses: resolve(file.misses),
    perPatient: resolve(file.perPatient),
    clinicBookings: resolve(file.clinicBookings),
    lookups: resolve(file.lookups),
    ipv6Prefix: file.ipv6Prefix,
  };
}
