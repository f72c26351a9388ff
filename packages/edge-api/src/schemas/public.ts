/**
 * The public JSON shapes of the edge API (architecture.md, "Edge API contract"). These zod schemas
 * validate requests, shape responses and generate /openapi.json, so the three never disagree.
 * Fields may be added; none may change without a version bump.
 */
import { z } from "@hono/zod-openapi";
import {
  Attribution,
  BookedBy,
  BookingAnswer,
  ContactEmail,
  ContactMobile,
  PublicQuestion,
} from "./booking-extras.js";
import { Proof } from "./challenge.js";

/** An identifier as coreplus issues them (lower-case GUIDs in practice; any short token is accepted). */
export const PublicId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: "must be an identifier" })
  .openapi({ example: "3f2c6a4e-9b1d-4c7a-8e21-5d0f4b6a7c11" });

/** A calendar date, `YYYY-MM-DD`, in the years 1900 to 2100 (nothing the edge API serves lies outside). */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date YYYY-MM-DD" })
  .refine(isRealDate, { error: "must be a real calendar date", params: { code: "invalid_date" } })
  .refine((s) => s >= "1900-01-01" && s <= "2100-12-31", {
    error: "must be a date from 1900 to 2100",
    params: { code: "out_of_range" },
  })
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

/** A discipline: the clinic's grouping of practitioners ("Physiotherapy"). */
export const PublicDiscipline = z
  .object({
    id: z.string().openapi({ example: "physiotherapy" }),
    name: z.string().openapi({ example: "Physiotherapy" }),
    description: z.string().optional(),
  })
  .openapi("PublicDiscipline");
export type PublicDiscipline = z.infer<typeof PublicDiscipline>;
/** What patients may change online, until `noticeHours` before the start; `policy` is shown to them. */
export const ChangesPolicy = z
  .object({
    cancel: z.boolean(),
    reschedule: z.boolean(),
    noticeHours: z.number().int().nonnegative().openapi({ example: 24 }),
    policy: z.string(),
  })
  .openapi("ChangesPolicy");
export type ChangesPolicy = z.infer<typeof ChangesPolicy>;

/** GET /v1/clinics/{clinic} */
export const ClinicProfileResponse = z
  .object({
    clinic: z.object({
      slug: z.string().openapi({ example: "harbourside" }),
      name: z.string(),
      locations: z.array(PublicLocation),
      rules: BookingRules,
      disciplines: z.array(PublicDiscipline).openapi({
        description:
          "The clinic's disciplines, in its order; `[]` when it has none (the widget then skips that step).",
      }),
      changes: ChangesPolicy,
      questions: z.array(PublicQuestion),
      privacyUrl: z.url().nullable(),
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
    profession: z
      .string()
      .optional()
      .openapi({ example: "Physiotherapist", description: "As the clinic configures it." }),
    disciplineIds: z.array(z.string()).openapi({ example: ["physiotherapy"] }),
    bio: z.string().optional(),
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

/** A price in cents of a currency (AUD). */
export const Price = z
  .object({
    amountCents: z.number().int().nonnegative().openapi({ example: 9500 }),
    currency: z.literal("AUD"),
  })
  .openapi("Price");
export type Price = z.infer<typeof Price>;

/** An appointment type as GET /appointment-types lists it: with disciplines, description, price and audience. */
export const OfferedAppointmentType = PublicAppointmentType.extend({
  disciplineIds: z.array(z.string()).openapi({ example: ["physiotherapy", "psychology"] }),
  description: z.string().optional(),
  price: Price.optional(),
  audience: z.enum(["new", "existing", "all"]).openapi({
    description: "Who may book it: new patients, returning (existing) ones, or anyone.",
  }),
}).openapi("OfferedAppointmentType");
export type OfferedAppointmentType = z.infer<typeof OfferedAppointmentType>;

/** GET /v1/clinics/{clinic}/appointment-types */
export const AppointmentTypesResponse = z
  .object({ appointmentTypes: z.array(OfferedAppointmentType) })
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

/** The `disciplineId` query parameter of GET /appointment-types and /availability. */
const DisciplineIdQuery = z
  .string()
  .max(64)
  .optional()
  .openapi({
    param: { name: "disciplineId", in: "query" },
    example: "physiotherapy",
    description: "Only what the discipline's practitioners offer; without practitionerId, only their slots.",
  });

/** Query of GET /practitioners. */
export const PractitionersQuery = z.object({
  locationId: PublicId.optional().openapi({ param: { name: "locationId", in: "query" } }),
  disciplineId: DisciplineIdQuery.openapi({ description: "Only the practitioners in that discipline." }),
});
export type PractitionersQuery = z.infer<typeof PractitionersQuery>;

/** Query of GET /appointment-types. */
export const AppointmentTypesQuery = z.object({
  locationId: PublicId.optional().openapi({ param: { name: "locationId", in: "query" } }),
  practitionerId: PublicId.optional().openapi({ param: { name: "practitionerId", in: "query" } }),
  disciplineId: DisciplineIdQuery,
});
export type AppointmentTypesQuery = z.infer<typeof AppointmentTypesQuery>;

/** Query of GET /availability (at most 31 days per query). */
export const AvailabilityQuery = z.object({
  locationId: PublicId.openapi({ param: { name: "locationId", in: "query" } }),
  appointmentTypeId: PublicId.openapi({ param: { name: "appointmentTypeId", in: "query" } }),
  from: CalendarDate.openapi({ param: { name: "from", in: "query" }, example: "2026-12-01" }),
  to: CalendarDate.openapi({ param: { name: "to", in: "query" }, example: "2026-12-07" }),
  practitionerId: PublicId.optional().openapi({ param: { name: "practitionerId", in: "query" } }),
  disciplineId: DisciplineIdQuery,
});
export type AvailabilityQuery = z.infer<typeof AvailabilityQuery>;

/** The path parameter shared by every clinic route. */
export const ClinicParams = z.object({
  clinic: z.string().openapi({ param: { name: "clinic", in: "path" }, example: "harbourside" }),
});

/** Control (Cc), format (Cf: bidi overrides, zero-width characters), surrogates and unassigned code points. */
const NOT_IN_A_NAME = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\u2028\u2029]/u;

/**
 * A person's name on the public form: 1 to 50 characters after trimming, at least one letter, and no
 * control or format characters (NUL, bidi overrides and zero-width characters are refused, not stripped).
 */
export const PersonName = z
  .string()
  .trim()
  .min(1, { error: "is required" })
  .max(50)
  .refine((s) => !NOT_IN_A_NAME.test(s), {
    error: "must not contain control or invisible formatting characters",
    params: { code: "invalid_characters" },
  })
  .refine((s) => /\p{L}/u.test(s), { error: "must contain a letter", params: { code: "no_letter" } });

/** The patient's details on the public form (never logged, never stored by the edge API). */
export const BookingPatient = z
  .object({
    firstName: PersonName,
    lastName: PersonName,
    dateOfBirth: CalendarDate,
    /** May be omitted with `bookedBy`: the carer's contact is used. */
    email: ContactEmail.optional(),
    /** May be omitted with `bookedBy`: the carer's contact is used. */
    mobile: ContactMobile.optional(),
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
    disciplineId: z.string().max(64).optional().openapi({
      example: "physiotherapy",
      description: "The discipline chosen; the practitioner must be in it, else 422 on /slot/practitionerId.",
    }),
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
    returning: z.boolean().optional().openapi({
      description:
        "Whether the patient has been seen before; refused (422) when it contradicts the service's audience.",
    }),
    website: z.string().max(200).optional().openapi({ description: "Honeypot: must be empty." }),
    proof: Proof.optional(),
    bookedBy: BookedBy.optional(),
    answers: z.array(BookingAnswer).max(20).optional(),
    attribution: Attribution.optional(),
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

/** A manage token (a JWS naming only the clinic and the appointment) and when it expires: the start. */
export const ManageLink = z
  .object({
    token: z.string().openapi({ description: "For GET …/bookings/{token} and its cancel and reschedule" }),
    expiresAt: OffsetDateTime,
  })
  .openapi("ManageLink");
export type ManageLink = z.infer<typeof ManageLink>;

/** 201 answer of POST /bookings. */
export const BookingResponse = z
  .object({ booking: BookingSummary.extend({ status: z.literal("booked") }), manage: ManageLink })
  .openapi("BookingResponse");
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
  "challenge-required",
  "challenge-failed",
  "booking-not-found",
  "too-late-to-change",
  "booking-cancelled",
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
    phone: z.string().optional().openapi({ description: "too-late-to-change: the location's phone" }),
  })
  .openapi("ProblemDetails");
export type ProblemDetails = z.infer<typeof ProblemDetails>;

/** One clinic's line of the health detail: its last upstream result. */
const ClinicHealth = z.object({
  status: z.enum(["ok", "unknown", "auth-failed", "upstream-error", "rate-limited"]),
  checkedAt: z.string().nullable(),
  detail: z.string().optional(),
});
export type ClinicHealth = z.infer<typeof ClinicHealth>;

/** GET /healthz: one aggregate status; per-clinic detail only for `Authorization: Bearer <HEALTH_TOKEN>`. */
export const HealthResponse = z
  .object({
    status: z.enum(["ok", "degraded"]),
    clinics: z
      .record(z.string(), ClinicHealth)
      .optional()
      .openapi({ description: "Only with `Authorization: Bearer <HEALTH_TOKEN>`" }),
    /** Present when the state lives in another process (Redis): whether it can be reached. */
    state: z.object({ store: z.string(), status: z.enum(["ok", "down"]) }).optional(),
  })
  .openapi("HealthResponse");
export type HealthResponse = z.infer<typeof HealthResponse>;

/** The health answer in full, as the tracker reports it: every clinic's detail (the public answer is its `status`). */
export interface HealthReport extends HealthResponse {
  clinics: Record<string, ClinicHealth>;
}

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
