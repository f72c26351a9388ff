/**
 * POST /v1/clinics/{clinic}/bookings. The order of the checks is part of the contract: body size,
 * media type, JSON, honeypot and Idempotency-Key first (route middleware, nothing stored yet), then
 * the handler validates the body with BookingRequest under the key's lock, so that an invalid
 * request is recorded and replayed like any final answer.
 */
import { createRoute } from "@hono/zod-openapi";
import type { TypedResponse } from "hono";
import { checkBookingRequest, handleBooking } from "../bookings/index.js";
import { ProblemError } from "../http/index.js";
import { BookingRequest, BookingResponse, ClinicParams } from "../schemas/public.js";
import { jsonObjectBody } from "./json-body.js";
import {
  idempotencyHeaders,
  json,
  problem,
  readProblems,
  recordedAnswer,
  replayable,
  routesApp,
  validatedByHandler,
} from "./openapi.js";

const IdempotencyHeaders = idempotencyHeaders("b7e1c2d4-booking-attempt-1");

/** POST /v1/clinics/{clinic}/bookings (as documented). */
export const bookingRoute = createRoute({
  method: "post",
  path: "/v1/clinics/{clinic}/bookings",
  operationId: "createBooking",
  tags: ["bookings"],
  summary: "Book a slot",
  description:
    "Send one Idempotency-Key per (slot + patient details) and reuse it for every retry. Final outcomes (201, 409, " +
    "422) are replayed for the same key and body for 24 hours; after a 429, 5xx or timeout the same key resumes.",
  request: {
    params: ClinicParams,
    headers: IdempotencyHeaders,
    body: { required: true, content: { "application/json": { schema: BookingRequest } } },
  },
  responses: {
    201: replayable(json(BookingResponse, "Booked")),
    400: problem("malformed-body or idempotency-key-missing"),
    409: replayable(problem("slot-unavailable")),
    413: problem("payload-too-large"),
    415: problem("unsupported-media-type"),
    ...readProblems,
    422: replayable(
      problem(
        "validation, spam or idempotency-key-reused. A practitioner outside `slot.disciplineId` is a validation " +
          "error on /slot/practitionerId (code not_in_discipline); a service whose audience contradicts " +
          "`returning` is one on /slot/appointmentTypeId (code audience_mismatch).",
      ),
    ),
  },
});

/** The checks made before anything is stored; the checked request is handed on as `checked`. */
const checkRequest = (bodyLimitBytes: number) =>
  jsonObjectBody(bodyLimitBytes, "booking", (body, c) =>
    checkBookingRequest(body, c.req.header("idempotency-key")),
  );

/** Options for {@link bookingsRoutes}. */
export interface BookingsRoutesOptions {
  /** Larger bodies get 413 payload-too-large. */
  bodyLimitBytes: number;
}

/** The bookings route, and 405 for the other methods on its path. */
export const bookingsRoutes = (opts: BookingsRoutesOptions) => {
  const app = routesApp();
  app.openAPIRegistry.registerPath(bookingRoute);
  app.on(["GET", "PUT", "PATCH", "DELETE"], "/v1/clinics/:clinic/bookings", () => {
    throw new ProblemError("method-not-allowed", "Bookings are made with POST.", { allow: "POST, OPTIONS" });
  });
  return app.openapi(
    {
      ...bookingRoute,
      hide: true,
      middleware: checkRequest(opts.bodyLimitBytes),
      request: {
        ...bookingRoute.request,
        body: {
          required: true,
          content: { "application/json": { schema: validatedByHandler(BookingRequest) } },
        },
      },
    },
    async (c) => {
      const answer = await handleBooking(c.get("scope"), c.get("checked"));
      c.get("logFields").booking = answer.outcome;
      // A recorded answer: the BookingResponse of a 201, or the problem of a 409 or 422.
      return recordedAnswer(c, answer) as unknown as TypedResponse<BookingResponse, 201, "json">;
    },
  );
};
