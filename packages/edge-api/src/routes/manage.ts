/**
 * Managing a booking (architecture.md, "Managing a booking"): POST …/bookings/lookup,
 * GET …/bookings/{token}, its calendar file GET …/bookings/{token}/calendar.ics, POST
 * …/bookings/{token}/cancel and …/reschedule. Lookup answers every kind of miss with one 404 body; a bad,
 * forged, expired or other clinic's token is the same 404.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { TypedResponse } from "hono";
import { requireIdempotencyKey } from "../bookings/index.js";
import { getCatalogue } from "../catalogue/index.js";
import { withoutProof } from "../challenge/index.js";
import { answer, validationProblem, zodProblem } from "../http/index.js";
import { bookingCalendar, calendarFilename } from "../manage/calendar.js";
import { type ChangeKind, type CheckedChangeRequest, handleChange } from "../manage/change.js";
import { lookupBooking } from "../manage/lookup.js";
import { appointmentOfToken, managedBooking, resolveAppointment } from "../manage/managed-booking.js";
import { pageAllowed } from "../middleware/index.js";
import {
  CalendarQuery,
  CancelRequest,
  LookupRequest,
  ManagedBookingResponse,
  ManagedBookingWithLink,
  RescheduleRequest,
  TokenParams,
} from "../schemas/manage.js";
import { ClinicParams } from "../schemas/public.js";
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
  withHeaders,
} from "./openapi.js";

const IdempotencyHeaders = idempotencyHeaders("b7e1c2d4-cancel-attempt-1");

const notFound = problem("booking-not-found: the same body for every kind of miss or bad token");
const bodyProblems = {
  400: problem("malformed-body or idempotency-key-missing"),
  413: problem("payload-too-large"),
  415: problem("unsupported-media-type"),
};

/** POST /v1/clinics/{clinic}/bookings/lookup */
export const lookupRoute = createRoute({
  method: "post",
  path: "/v1/clinics/{clinic}/bookings/lookup",
  operationId: "lookupBooking",
  tags: ["manage"],
  summary: "Find a booking by reference, last name and date of birth",
  description:
    "Answers the booking and a manage token. Every kind of miss is the same 404 booking-not-found; at most " +
    "5 lookups an hour per reference and per visitor (configurable: limits.lookups), then 429.",
  request: {
    params: ClinicParams,
    body: { required: true, content: { "application/json": { schema: LookupRequest } } },
  },
  responses: {
    200: json(ManagedBookingWithLink, "Found"),
    ...readProblems,
    ...bodyProblems,
    404: notFound,
  },
});

/** GET /v1/clinics/{clinic}/bookings/{token} */
export const managedBookingRoute = createRoute({
  method: "get",
  path: "/v1/clinics/{clinic}/bookings/{token}",
  operationId: "getManagedBooking",
  tags: ["manage"],
  summary: "The booking a manage token stands for",
  description:
    "The token comes from a lookup, a booking's `manage` link or a reschedule. A bad, forged, expired or " +
    "other clinic's token is the same 404 booking-not-found.",
  request: { params: TokenParams },
  responses: { 200: json(ManagedBookingResponse, "The booking"), ...readProblems, 404: notFound },
});

/** GET /v1/clinics/{clinic}/bookings/{token}/calendar.ics */
export const bookingCalendarRoute = createRoute({
  method: "get",
  path: "/v1/clinics/{clinic}/bookings/{token}/calendar.ics",
  operationId: "getBookingCalendar",
  tags: ["manage"],
  summary: "The booking a manage token stands for, as a calendar file (.ics)",
  description:
    "One RFC 5545 event in UTC, built from the booking as it is now (a rescheduled booking's new times; " +
    "`STATUS:CANCELLED` once cancelled), with no patient detail. With `manage`, the patient's change-or-cancel " +
    "page goes into its URL and description. Personal (the URL holds a token): `Cache-Control: no-store`. A bad, " +
    "forged, expired or other clinic's token is the same 404 booking-not-found as GET …/bookings/{token}.",
  request: { params: TokenParams, query: CalendarQuery },
  responses: {
    200: withHeaders(
      {
        description: "The calendar file, as an attachment `appointment-<reference>.ics`",
        content: {
          "text/calendar": {
            schema: z.string().openapi({ example: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…END:VCALENDAR\r\n" }),
          },
        },
      },
      "Cache-Control",
      "Content-Disposition",
    ),
    ...readProblems,
    404: notFound,
    422: problem(
      "validation: `manage` (`/query/manage`) is not an http(s) link on a website the clinic allows",
    ),
  },
});

/** What a calendar file's `manage` link on a website the clinic does not allow is told. */
const FOREIGN_LINK = {
  pointer: "/query/manage",
  code: "origin_not_allowed",
  detail: "must be a page of a website this clinic allows",
};

const changeRoute = (kind: ChangeKind) =>
  createRoute({
    method: "post",
    path: `/v1/clinics/{clinic}/bookings/{token}/${kind}`,
    operationId: kind === "cancel" ? "cancelBooking" : "rescheduleBooking",
    tags: ["manage"],
    summary:
      kind === "cancel"
        ? "Cancel the booking"
        : "Move the booking to another slot (same location and type, the same coreplus appointment)",
    description:
      "Send an Idempotency-Key and reuse it for every retry: final outcomes (200, 404, 409, 422) are replayed " +
      "for the same key and body for 24 hours; after a 429, 5xx or timeout the same key resumes.",
    request: {
      params: TokenParams,
      headers: IdempotencyHeaders,
      body: {
        required: true,
        content: { "application/json": { schema: kind === "cancel" ? CancelRequest : RescheduleRequest } },
      },
    },
    responses: {
      200: replayable(json(kind === "cancel" ? ManagedBookingResponse : ManagedBookingWithLink, "Changed")),
      ...readProblems,
      ...bodyProblems,
      404: replayable(notFound),
      409: replayable(
        problem(
          kind === "cancel"
            ? "too-late-to-change (with the location's phone) or booking-cancelled"
            : "too-late-to-change (with the location's phone), slot-unavailable or booking-cancelled",
        ),
      ),
      422: replayable(problem("validation or idempotency-key-reused")),
    },
  });

/** POST /v1/clinics/{clinic}/bookings/{token}/cancel */
export const cancelRoute = changeRoute("cancel");
/** POST /v1/clinics/{clinic}/bookings/{token}/reschedule */
export const rescheduleRoute = changeRoute("reschedule");

/** Options for {@link manageRoutes}. */
export interface ManageRoutesOptions {
  /** Larger bodies get 413 payload-too-large. */
  bodyLimitBytes: number;
}

/** The routes of managing a booking. */
export const manageRoutes = (opts: ManageRoutesOptions) => {
  const app = routesApp();
  for (const route of [lookupRoute, cancelRoute, rescheduleRoute]) app.openAPIRegistry.registerPath(route);
  const lookupBody = jsonObjectBody(opts.bodyLimitBytes, "lookup", (body) => {
    // The proof has its own check (and answer) in the handler: it travels beside the validated fields.
    const parsed = LookupRequest.safeParse(withoutProof(body));
    if (!parsed.success) throw zodProblem(parsed.error, "");
    return { ...parsed.data, proof: (body as { proof?: unknown }).proof };
  });
  const changeBody = (kind: ChangeKind) =>
    jsonObjectBody(
      opts.bodyLimitBytes,
      kind === "cancel" ? "cancellation" : "reschedule",
      (body, c): CheckedChangeRequest => ({
        kind,
        token: c.req.param("token") ?? "",
        body,
        idempotencyKey: requireIdempotencyKey(c.req.header("idempotency-key")),
      }),
    );
  const changeHandler = (route: typeof cancelRoute, kind: ChangeKind) =>
    app.openapi(
      {
        ...route,
        hide: true,
        middleware: changeBody(kind),
        request: {
          ...route.request,
          body: {
            required: true,
            content: { "application/json": { schema: validatedByHandler(CancelRequest) } },
          },
        },
      },
      async (c) => {
        const answer = await handleChange(c.get("scope"), c.get("checked"));
        c.get("logFields").change = answer.outcome;
        // A recorded answer: the 200 of the change, or the problem of a 404, 409 or 422.
        return recordedAnswer(c, answer) as unknown as TypedResponse<ManagedBookingResponse, 200, "json">;
      },
    );
  changeHandler(cancelRoute, "cancel");
  changeHandler(rescheduleRoute, "reschedule");
  return app
    .openapi(
      {
        ...lookupRoute,
        hide: true,
        middleware: lookupBody,
        request: {
          ...lookupRoute.request,
          body: {
            required: true,
            content: { "application/json": { schema: validatedByHandler(LookupRequest) } },
          },
        },
      },
      async (c) => {
        const answer = await lookupBooking(c.get("scope"), c.get("visitor"), c.get("checked"));
        return c.json(answer, 200);
      },
    )
    .openapi(managedBookingRoute, async (c) => {
      const scope = c.get("scope");
      const [cat, appointment] = await Promise.all([
        getCatalogue(scope),
        appointmentOfToken(scope, c.req.valid("param").token),
      ]);
      return c.json(
        { booking: managedBooking(scope, cat, resolveAppointment(scope, cat, appointment)) },
        200,
      );
    })
    .openapi(bookingCalendarRoute, async (c) => {
      const scope = c.get("scope");
      const { manage } = c.req.valid("query");
      // Checked before the token: a bad link costs no coreplus call.
      if (manage !== undefined && !pageAllowed(scope.rt.config, manage))
        throw validationProblem([FOREIGN_LINK]);
      const [cat, appointment] = await Promise.all([
        getCatalogue(scope),
        appointmentOfToken(scope, c.req.valid("param").token),
      ]);
      const booking = managedBooking(scope, cat, resolveAppointment(scope, cat, appointment));
      // The link as the URL parser writes it: no line break or other control character reaches the file.
      const link = manage === undefined ? undefined : new URL(manage).href;
      const text = bookingCalendar(booking, scope.rt.config.name, scope.now, link);
      // Built by answer(), not c.body(): never through cachedJson, so the answer memo never keeps it.
      return answer(c, text, 200, {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `attachment; filename="${calendarFilename(booking.reference)}"`,
        "cache-control": "no-store",
      });
    });
};
