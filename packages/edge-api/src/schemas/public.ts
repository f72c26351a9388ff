/**
 * The public JSON shapes of the edge API (architecture.md, "Edge API contract"). These zod schemas
 * validate requests, shape responses and generate /openapi.json, so the three never disagree.
 * Fields may be added; none may change without a version bump.
 */
import { z } from "@hono/zod-openapi";

/** An identifier as coreplus issues them (lower-case GUIDs in practice; any short token is accepted). */
export const PublicId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: "must be an identifier" })
  .openapi({ example: "3f2c6a4e-9b1d-4c7a-8e21-5d0f4b6a7c11" });

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date YYYY-MM-DD" })
  .refine(isRealDate, { error: "must be a real calendar date", params: { code: "invalid_date" } })
  .openapi({ example: "2026-12-01", format: "date" });

/** An ISO 8601 date-time with an explicit offset (seconds optional, `Z` accepted). */
export const OffsetDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/, {
    error: "must be a date-time with an offset, e.g. 2026-12-01T09:00:00+11:00",
  })
  .refine((s) => isRealDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), {
    error: "must be a real date-time",
    params: { code: "invalid_date" },
  })
  .openapi({ example: "2026-12-01T09:00:00+11:00", format: "date-time" });

/** A location as the public sees it. */
export const PublicLocation = z
  .object({
    id: PublicId,
    name: z.string(),
    timezone: z.string().openapi({ example: "Australia/Melbourne", description: "IANA zone name" }),
    address: z.string(),
    phone: z.string(),
  })
  .openapi("PublicLocation");
export type PublicLocation = z.infer<typeof PublicLocation>;

/** The booking rules the widget needs to know. */
export const BookingRules = z
  .object({
    minNoticeMinutes: z.number().int().nonnegative().openapi({ example: 120 }),
    maxDaysAhead: z.number().int().positive().openapi({ example: 60 }),
  })
  .openapi("BookingRules");
export type BookingRules = z.infer<typeof BookingRules>;

/** GET /v1/clinics/{clinic} */
export const ClinicProfileResponse = z
  .object({
    clinic: z.object({
      slug: z.string().openapi({ example: "harbourside" }),
      name: z.string(),
      locations: z.array(PublicLocation),
      rules: BookingRules,
    }),
  })
  .openapi("ClinicProfileResponse");
export type ClinicProfileResponse = z.infer<typeof ClinicProfileResponse>;

/** A bookable practitioner. */
export const PublicPractitioner = z
  .object({
    id: PublicId,
    displayName: z.string(),
    title: z.string().optional(),
    locationIds: z.array(PublicId),
    appointmentTypeIds: z.array(PublicId),
  })
  .openapi("PublicPractitioner");
export type PublicPractitioner = z.infer<typeof PublicPractitioner>;

/** GET /v1/clinics/{clinic}/practitioners */
export const PractitionersResponse = z
  .object({ practitioners: z.array(PublicPractitioner) })
  .openapi("PractitionersResponse");
export type PractitionersResponse = z.infer<typeof PractitionersResponse>;

/** A bookable appointment type. */
export const PublicAppointmentType = z
  .object({
    id: PublicId,
    name: z.string(),
    durationMinutes: z.number().int().positive().openapi({ example: 30 }),
  })
  .openapi("PublicAppointmentType");
export type PublicAppointmentType = z.infer<typeof PublicAppointmentType>;

/** GET /v1/clinics/{clinic}/appointment-types */
export const AppointmentTypesResponse = z
  .object({ appointmentTypes: z.array(PublicAppointmentType) })
  .openapi("AppointmentTypesResponse");
export type AppointmentTypesResponse = z.infer<typeof AppointmentTypesResponse>;

/** One free slot: a (start, practitioner) pair at a location. */
export const PublicSlot = z
  .object({
    start: OffsetDateTime,
    end: OffsetDateTime,
    practitionerId: PublicId,
    locationId: PublicId,
  })
  .openapi("PublicSlot");
export type PublicSlot = z.infer<typeof PublicSlot>;

/** One calendar day in the location's zone; an empty day has `slots: []`. */
export const AvailabilityDay = z
  .object({ date: CalendarDate, slots: z.array(PublicSlot) })
  .openapi("AvailabilityDay");
export type AvailabilityDay = z.infer<typeof AvailabilityDay>;

/** GET /v1/clinics/{clinic}/availability */
export const AvailabilityResponse = z
  .object({
    timezone: z.string().openapi({ example: "Australia/Melbourne" }),
    nextAvailable: CalendarDate.nullable().openapi({
      description: "The first day with a slot, looking past `to` up to the clinic's maxDaysAhead.",
    }),
    days: z.array(AvailabilityDay),
  })
  .openapi("AvailabilityResponse");
export type AvailabilityResponse = z.infer<typeof AvailabilityResponse>;

/** Query of GET /practitioners. */
export const PractitionersQuery = z.object({
  locationId: PublicId.optional().openapi({ param: { name: "locationId", in: "query" } }),
});
export type PractitionersQuery = z.infer<typeof PractitionersQuery>;

/** Query of GET /appointment-types. */
export const AppointmentTypesQuery = z.object({
  locationId: PublicId.optional().openapi({ param: { name: "locationId", in: "query" } }),
  practitionerId: PublicId.optional().openapi({ param: { name: "practitionerId", in: "query" } }),
});
export type AppointmentTypesQuery = z.infer<typeof AppointmentTypesQuery>;

/** Query of GET /availability (at most 31 days per query). */
export const AvailabilityQuery = z.object({
  locationId: PublicId.openapi({ param: { name: "locationId", in: "query" } }),
  appointmentTypeId: PublicId.openapi({ param: { name: "appointmentTypeId", in: "query" } }),
  from: CalendarDate.openapi({ param: { name: "from", in: "query" }, example: "2026-12-01" }),
  to: CalendarDate.openapi({ param: { name: "to", in: "query" }, example: "2026-12-07" }),
  practitionerId: PublicId.optional().openapi({ param: { name: "practitionerId", in: "query" } }),
});
export type AvailabilityQuery = z.infer<typeof AvailabilityQuery>;

/** The path parameter shared by every clinic route. */
export const ClinicParams = z.object({
  clinic: z.string().openapi({ param: { name: "clinic", in: "path" }, example: "harbourside" }),
});

/** The patient's details on the public form (never logged, never stored by the edge API). */
export const BookingPatient = z
  .object({
    firstName: z.string().trim().min(1, { error: "is required" }).max(50),
    lastName: z.string().trim().min(1, { error: "is required" }).max(50),
    dateOfBirth: CalendarDate,
    email: z.email({ error: "must be an email address" }).max(50),
    mobile: z
      .string()
      .max(50)
      .regex(/^\+?[\d\s().-]+$/, { error: "must be a phone number" })
      .refine((s) => digitCount(s) >= 8 && digitCount(s) <= 15, {
        error: "must have 8 to 15 digits",
        params: { code: "invalid_phone" },
      })
      .openapi({ example: "0400 000 000" }),
  })
  .openapi("BookingPatient");
export type BookingPatient = z.infer<typeof BookingPatient>;

/** The slot being booked, as availability listed it. */
export const BookingSlot = z
  .object({
    locationId: PublicId,
    practitionerId: PublicId,
    appointmentTypeId: PublicId,
    start: OffsetDateTime,
  })
  .openapi("BookingSlot");
export type BookingSlot = z.infer<typeof BookingSlot>;

/** POST /v1/clinics/{clinic}/bookings body. `website` is a honeypot: left empty by people. */
export const BookingRequest = z
  .object({
    slot: BookingSlot,
    patient: BookingPatient,
    note: z.string().max(300).optional(),
    consent: z.literal(true, { error: "must be true" }),
    website: z.string().max(200).optional().openapi({ description: "Honeypot: must be empty." }),
  })
  .openapi("BookingRequest");
export type BookingRequest = z.infer<typeof BookingRequest>;

/** The booking summary (no patient details). */
export const BookingSummary = z
  .object({
    reference: z.string(),
    start: OffsetDateTime,
    end: OffsetDateTime,
    timezone: z.string(),
    location: z.object({ id: PublicId, name: z.string(), address: z.string(), phone: z.string() }),
    practitioner: z.object({ id: PublicId, displayName: z.string() }),
    appointmentType: PublicAppointmentType,
    reminders: z.object({ email: z.boolean(), sms: z.boolean() }),
  })
  .openapi("BookingSummary");
export type BookingSummary = z.infer<typeof BookingSummary>;

/** 201 answer of POST /bookings. */
export const BookingResponse = z.object({ booking: BookingSummary }).openapi("BookingResponse");
export type BookingResponse = z.infer<typeof BookingResponse>;

/** The names at the end of every problem `type` URI. */
export const PROBLEM_TYPES = [
  "slot-unavailable",
  "validation",
  "idempotency-key-reused",
  "idempotency-key-missing",
  "malformed-body",
  "spam",
  "clinic-not-found",
  "rate-limited",
  "upstream-unavailable",
  "not-found",
  "method-not-allowed",
  "payload-too-large",
  "unsupported-media-type",
  "forbidden-origin",
  "internal",
] as const;
/** One of {@link PROBLEM_TYPES}. */
export type ProblemType = (typeof PROBLEM_TYPES)[number];

/** One field-level validation failure. */
export const ProblemFieldError = z
  .object({
    pointer: z.string().openapi({ example: "/patient/email", description: "JSON Pointer (RFC 6901)" }),
    code: z.string().openapi({ example: "invalid_email" }),
    detail: z.string(),
  })
  .openapi("ProblemFieldError");
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

/** RFC 9457 problem details, served as application/problem+json. */
export const ProblemDetails = z
  .object({
    type: z.string().openapi({ example: "https://coreplus-kit.dev/problems/slot-unavailable" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(ProblemFieldError).optional(),
  })
  .openapi("ProblemDetails");
export type ProblemDetails = z.infer<typeof ProblemDetails>;

/** GET /healthz */
export const HealthResponse = z
  .object({
    status: z.enum(["ok", "degraded"]),
    clinics: z.record(
      z.string(),
      z.object({
        status: z.enum(["ok", "unknown", "auth-failed", "upstream-error", "rate-limited"]),
        checkedAt: z.string().nullable(),
        detail: z.string().optional(),
      }),
    ),
    /** Present when the state lives in another process (Redis): whether it can be reached. */
    state: z.object({ store: z.string(), status: z.enum(["ok", "down"]) }).optional(),
  })
  .openapi("HealthResponse");
export type HealthResponse = z.infer<typeof HealthResponse>;

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function digitCount(s: string): number {
  return s.replace(/\D/g, "").length;
}
