/**
 * The JSON shapes of managing a booking (architecture.md, "Managing a booking"): lookup by reference,
 * the booking a manage token stands for, cancel and reschedule. Bodies are plain objects (not strict),
 * so a `proof` (the challenge) passes through to its check. Each documents the `proof` it carries; the
 * handlers validate the body without it (the proof has its own check and answer, 422 challenge-…).
 */
import { z } from "@hono/zod-openapi";
import { Proof } from "./challenge.js";
import {
  BookingSummary,
  CalendarDate,
  ClinicParams,
  ManageLink,
  OffsetDateTime,
  PublicId,
} from "./public.js";

/** A booking as its patient manages it: the summary, its status, and what may still be changed online. */
export const ManagedBooking = BookingSummary.extend({
  status: z.enum(["booked", "cancelled"]),
  changeable: z.object({
    cancel: z.boolean(),
    reschedule: z.boolean(),
    until: OffsetDateTime.openapi({ description: "Changes online are possible before this instant" }),
  }),
}).openapi("ManagedBooking");
export type ManagedBooking = z.infer<typeof ManagedBooking>;

/** POST …/bookings/lookup body. */
export const LookupRequest = z
  .object({
    reference: z
      .string()
      .trim()
      .regex(/^\d{1,20}$/, { error: "must be the booking reference (digits)" })
      .openapi({ example: "100616" }),
    lastName: z.string().trim().min(1, { error: "is required" }).max(50),
    dateOfBirth: CalendarDate,
    proof: Proof.optional(),
  })
  .openapi("LookupRequest");
export type LookupRequest = z.infer<typeof LookupRequest>;

/** 200 of lookup and of reschedule: the booking and a (new) manage token. */
export const ManagedBookingWithLink = z
  .object({ booking: ManagedBooking, manage: ManageLink })
  .openapi("ManagedBookingWithLink");
export type ManagedBookingWithLink = z.infer<typeof ManagedBookingWithLink>;

/** 200 of GET …/bookings/{token} and of cancel. */
export const ManagedBookingResponse = z.object({ booking: ManagedBooking }).openapi("ManagedBookingResponse");
export type ManagedBookingResponse = z.infer<typeof ManagedBookingResponse>;

/** POST …/bookings/{token}/cancel body. */
export const CancelRequest = z
  .object({ reason: z.string().trim().max(200).optional(), proof: Proof.optional() })
  .openapi("CancelRequest");
export type CancelRequest = z.infer<typeof CancelRequest>;

/** POST …/bookings/{token}/reschedule body: same location and type, a new start (and practitioner). */
export const RescheduleRequest = z
  .object({ start: OffsetDateTime, practitionerId: PublicId.optional(), proof: Proof.optional() })
  .openapi("RescheduleRequest");
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;

/** The path of every route under one manage token. */
export const TokenParams = ClinicParams.extend({
  token: z
    .string()
    .max(2048)
    .openapi({ param: { name: "token", in: "path" }, description: "A manage token" }),
});

/** The longest `manage` link a calendar file takes. */
export const MANAGE_LINK_MAX = 2000;

/**
 * GET …/bookings/{token}/calendar.ics query: only `manage` is read. The handler also requires the link's
 * origin to be one the clinic allows (as CORS does), which needs the clinic: 422 on `/query/manage`.
 */
export const CalendarQuery = z.object({
  manage: z
    .url({ protocol: /^https?$/, error: "must be an absolute http: or https: URL" })
    .max(MANAGE_LINK_MAX)
    .optional()
    .openapi({
      param: { name: "manage", in: "query" },
      description:
        "The patient's \"Change or cancel\" page, written into the file's URL and description: an absolute " +
        `http: or https: URL of at most ${MANAGE_LINK_MAX} characters on a website the clinic allows (its CORS origins).`,
      example:
        "https://harbourside.example/manage?coreplus_booking=eyJhbGciOiJIUzI1NiJ9.eyJhcHB0IjoiMTAwNjE2In0.c2ln",
    }),
});
export type CalendarQuery = z.infer<typeof CalendarQuery>;
