/**
 * Limits on bookings that reach coreplus: per patient (email, mobile digits, name + date of birth;
 * `limits.perPatient`, 3 a day by default) and per clinic (`limits.clinicBookings`, 60 an hour). The
 * patient keys are HMAC-SHA-256 of the normalised detail, keyed by the clinic's consumer secret (a
 * secret every instance shares), so neither the state nor a log ever holds a patient detail. Past the
 * clinic's ceiling, bookings get 429 and the first refusal of each window logs one
 * `"alert":"booking-rate"` line and calls the app's alert hook (the Slack bot subscribes to it).
 */
import type { VisitorLimit } from "../config/index.js";
import { ProblemError } from "../http/index.js";
import { hmacHex, hmacKey } from "../internal/crypto.js";
import type { BookingRequest } from "../schemas/public.js";
import type { BookingRateAlert, RequestScope } from "../types.js";

export type { BookingRateAlert };

/** The patient details the per-patient limits count (the carer's contact when booking for someone else). */
export interface LimitedPatient {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email?: string | undefined;
  mobile?: string | undefined;
}

/** The person counted: the patient's name and date of birth, and the contact the booking uses (the carer's with `bookedBy`). */
export function limitedPatient(req: BookingRequest): LimitedPatient {
  const { patient, bookedBy } = req;
  const contact = bookedBy ?? patient;
  return {
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: patient.dateOfBirth,
    email: contact.email,
    mobile: contact.mobile,
  };
}

const keys = new Map<string, Promise<CryptoKey>>();

/** HMAC-SHA-256 (hex) of `text` under `secret` (its imported key kept for the next booking). */
export async function patientKey(secret: string, text: string): Promise<string> {
  let key = keys.get(secret);
  if (!key) {
    key = hmacKey(secret);
    keys.set(secret, key);
  }
  return hmacHex(await key, text);
}

const fold = (s: string) => s.normalize("NFKC").trim().toLowerCase();

/** The normalised details counted per patient, each under its own prefix. */
function patientDetails(p: LimitedPatient): string[] {
  const details = [`name|${fold(p.firstName)}|${fold(p.lastName)}|${p.dateOfBirth}`];
  if (p.email) details.push(`email|${fold(p.email)}`);
  const digits = p.mobile?.replace(/\D/g, "");
  if (digits) details.push(`mobile|${digits}`);
  return details;
}

function refused(detail: string, retryAfterMs: number): ProblemError {
  return new ProblemError("rate-limited", detail, {
    retryAfter: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  });
}

/**
 * Counts one booking that is about to reach coreplus against the patient's and the clinic's limits.
 * Throws a 429 problem past either; a patient refused is not counted against the clinic.
 */
export async function chargeBookingLimits(scope: RequestScope, patient: LimitedPatient): Promise<void> {
  const { config, state } = scope.rt;
  const perPatient = config.limits.perPatient;
  if (perPatient) {
    const secret = config.coreplus.consumerSecret;
    const results = await Promise.all(
      patientDetails(patient).map(async (d) =>
        state.hit(`patient:${await patientKey(secret, d)}`, perPatient.limit, perPatient.windowMs),
      ),
    );
    const worst = results.filter((r) => !r.allowed).sort((a, b) => b.retryAfterMs - a.retryAfterMs)[0];
    if (worst)
      throw refused(
        "This person has made several online bookings today. Please phone the clinic to book another.",
        worst.retryAfterMs,
      );
  }
  const ceiling = config.limits.clinicBookings;
  if (ceiling) {
    const result = await state.hit("clinic:bookings", ceiling.limit, ceiling.windowMs);
    if (!result.allowed) {
      await alertOnce(scope, ceiling);
      throw refused(
        "The clinic is taking an unusual number of online bookings. Please try again later or phone the clinic.",
        result.retryAfterMs,
      );
    }
  }
}

/** The first refusal of each window (across every instance sharing the state) raises the alert. */
async function alertOnce(scope: RequestScope, ceiling: VisitorLimit): Promise<void> {
  const first = await scope.rt.state.hit("alert:booking-rate", 1, ceiling.windowMs);
  if (!first.allowed) return;
  const alert: BookingRateAlert = {
    alert: "booking-rate",
    clinic: scope.rt.config.slug,
    limit: ceiling.limit,
    windowSeconds: ceiling.windowMs / 1000,
    at: new Date(scope.wallNow()).toISOString(),
  };
  scope.log({ level: "warn", msg: "clinic booking ceiling reached", ...alert });
  const failed = (err: unknown) =>
    scope.log({
      level: "warn",
      msg: "alert hook failed",
      error: err instanceof Error ? err.name : "unknown",
    });
  try {
    const pending = scope.rt.onAlert?.(alert);
    // On Workers the post must be handed to waitUntil, or it may be cut off with the answer.
    if (pending instanceof Promise) scope.defer(pending.catch(failed));
  } catch (err) {
    failed(err);
  }
}
