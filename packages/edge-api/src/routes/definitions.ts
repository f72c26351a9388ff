/**
 * The OpenAPI route definitions: the same zod schemas validate requests and generate /openapi.json.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  AppointmentTypesQuery,
  AppointmentTypesResponse,
  AvailabilityQuery,
  AvailabilityResponse,
  BookingRequest,
  BookingResponse,
  ClinicParams,
  ClinicProfileResponse,
  HealthResponse,
  PractitionersQuery,
  PractitionersResponse,
  ProblemDetails,
} from "../schemas/public.js";

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemDetails } },
});

const readProblems = {
  404: problem("clinic-not-found"),
  403: problem("forbidden-origin: the Origin is not on the clinic's allowlist"),
  422: problem("validation"),
  429: problem("rate-limited (with Retry-After)"),
  502: problem("upstream-unavailable"),
  503: problem("upstream-unavailable (with Retry-After)"),
  504: problem("upstream-unavailable (timeout)"),
} as const;

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** GET /v1/clinics/{clinic} */
export const profileRoute = createRoute({
  method: "get",
  path: "/v1/clinics/{clinic}",
  tags: ["clinic"],
  summary: "The clinic's public profile: locations and booking rules",
  request: { params: ClinicParams },
  responses: { 200: json(ClinicProfileResponse, "The profile"), ...readProblems },
});

/** GET /v1/clinics/{clinic}/practitioners */
export const practitionersRoute = createRoute({
  method: "get",
  path: "/v1/clinics/{clinic}/practitioners",
  tags: ["clinic"],
  summary: "Bookable practitioners, with the locations and appointment types they take",
  request: { params: ClinicParams, query: PractitionersQuery },
  responses: { 200: json(PractitionersResponse, "The practitioners"), ...readProblems },
});

/** GET /v1/clinics/{clinic}/appointment-types */
export const appointmentTypesRoute = createRoute({
  method: "get",
  path: "/v1/clinics/{clinic}/appointment-types",
  tags: ["clinic"],
  summary: "Bookable appointment types",
  request: { params: ClinicParams, query: AppointmentTypesQuery },
  responses: { 200: json(AppointmentTypesResponse, "The appointment types"), ...readProblems },
});

/** GET /v1/clinics/{clinic}/availability */
export const availabilityRoute = createRoute({
  method: "get",
  path: "/v1/clinics/{clinic}/availability",
  tags: ["availability"],
  summary: "Free slots by day in the location's zone (at most 31 days per query)",
  description:
    "Every day of the range appears (an empty one with `slots: []`). Without `practitionerId` the slots are every " +
    "(start, practitioner) pair, sorted by start then practitioner order. `nextAvailable` looks past `to` up to the " +
    "clinic's maxDaysAhead.",
  request: { params: ClinicParams, query: AvailabilityQuery },
  responses: { 200: json(AvailabilityResponse, "Availability"), ...readProblems },
});

/** POST /v1/clinics/{clinic}/bookings (documented here; the handler validates with the same schema itself). */
export const bookingRoute = createRoute({
  method: "post",
  path: "/v1/clinics/{clinic}/bookings",
  tags: ["bookings"],
  summary: "Book a slot",
  description:
    "Send one Idempotency-Key per (slot + patient details) and reuse it for every retry. Final outcomes (201, 409, " +
    "422) are replayed for the same key and body for 24 hours; after a 429, 5xx or timeout the same key resumes.",
  request: {
    params: ClinicParams,
    headers: z.object({
      "Idempotency-Key": z
        .string()
        .min(8)
        .max(128)
        .openapi({ param: { name: "Idempotency-Key", in: "header" }, example: "b7e1c2d4-booking-attempt-1" }),
    }),
    body: { required: true, content: { "application/json": { schema: BookingRequest } } },
  },
  responses: {
    201: json(BookingResponse, "Booked"),
    400: problem("malformed-body or idempotency-key-missing"),
    409: problem("slot-unavailable"),
    413: problem("payload-too-large"),
    415: problem("unsupported-media-type"),
    ...readProblems,
    422: problem("validation, spam or idempotency-key-reused"),
  },
});

/** GET /healthz */
export const healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["operations"],
  summary: "Health: the last upstream result per clinic (probed at most every 30 s)",
  responses: { 200: json(HealthResponse, "Health") },
});
