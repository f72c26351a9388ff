/**
 * Appointments (§4.6): list, get, book, update/reschedule (POST or PUT on the item, or POST to the
 * collection with the id in the body) and both forms of cancel.
 */
import { AppointmentBook, AppointmentCancel, AppointmentUpdate, Boolish } from "@coreplus-kit/core";
import type { Context } from "hono";
import { bookAppointment, cancelAppointment, updateAppointment } from "../appointments.js";
import { localInstant } from "../availability.js";
import { methodNotAllowed, type RouteRegistrar, readJsonBody, type SandboxEnv } from "../http/env.js";
import { listEnvelope, readDateRange, readPaging, readQuery, readZone } from "../http/query.js";
import { badRequest, notFound, parseOr400 } from "../http/result.js";
import { appointmentJson } from "../http/wire.js";
import type { SandboxRuntime } from "../internal/runtime.js";
import type { AppointmentRecord } from "../types.js";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The value of a key matched case-insensitively ("AppointmentId", "Deleted"). */
function field(body: Record<string, unknown>, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(body)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** `deleted` read as a boolean: absent → false; anything but a boolean or "true"/"false" → 400. */
function deletedFlag(body: Record<string, unknown>): boolean {
  const raw = field(body, "deleted");
  if (raw === undefined || raw === null) return false;
  const parsed = Boolish.safeParse(raw);
  if (!parsed.success) throw badRequest('deleted must be true, false, "true" or "false"');
  return parsed.data;
}

/** Times in the appointment's location's zone (single-resource answers). */
function single(
  rt: SandboxRuntime,
  a: AppointmentRecord,
  opts: { profiles?: boolean; cancellation?: boolean } = {},
) {
  const zone = rt.store.location(a.locationId)?.zone ?? "Australia/Melbourne";
  return {
    appointment: appointmentJson(a, zone, {
      practitioner: opts.profiles ? rt.store.practitioner(a.practitionerId) : undefined,
      cancellation: opts.cancellation ?? false,
    }),
  };
}

/** Cancel when `deleted` is true, otherwise update. Everything after the body is read is synchronous. */
function changeAppointment(rt: SandboxRuntime, id: string, body: unknown) {
  if (!rt.store.appointment(id)) throw notFound("Appointment not found");
  if (!isRecord(body)) throw badRequest("The request body must be a JSON object");
  if (deletedFlag(body)) {
    const cancel = parseOr400(AppointmentCancel, {
      deleted: true,
      cancellationReasonId: field(body, "cancellationReasonId"),
      cancellationNotes: field(body, "cancellationNotes"),
    });
    return single(rt, cancelAppointment(rt.store, rt.clock.now().getTime(), id, cancel), {
      cancellation: true,
    });
  }
  const rest = Object.fromEntries(
    Object.entries(body).filter(([k]) => !["deleted", "appointmentid"].includes(k.toLowerCase())),
  );
  const update = parseOr400(AppointmentUpdate, rest);
  return single(rt, updateAppointment(rt.store, rt.clock.now().getTime(), id, update));
}

/** GET/POST /Appointment/, GET/POST/PUT /Appointment/{id}/. */
export const registerAppointments: RouteRegistrar = (api, rt) => {
  api.get("/appointment", (c) => {
    const query = readQuery(c.req.url);
    const { startDate, endDate } = readDateRange(query);
    const zone = readZone(query);
    const page = readPaging(query);
    const from = localInstant(startDate, "00:00", zone);
    const to = localInstant(endDate, "24:00", zone);
    const practitionerIds = query.ids("practitionerId");
    const locationIds = query.ids("locationId");
    const clientIds = query.ids("clientId");
    const includeCancelled = query.flag("includeCancelled");
    const profiles = query.flag("getPractitionerProfiles");
    const items = [...rt.store.appointments.values()]
      .filter(
        (a) =>
          a.start >= from &&
          a.start < to &&
          (includeCancelled || a.status !== "Cancelled") &&
          (practitionerIds.length === 0 || practitionerIds.includes(a.practitionerId)) &&
          (locationIds.length === 0 || locationIds.includes(a.locationId)) &&
          (clientIds.length === 0 || clientIds.includes(a.clientId)),
      )
      .sort((a, b) => a.start - b.start || (a.appointmentId < b.appointmentId ? -1 : 1));
    return c.json(
      listEnvelope("appointments", items, page, (a) =>
        appointmentJson(a, zone, {
          practitioner: profiles ? rt.store.practitioner(a.practitionerId) : undefined,
        }),
      ),
    );
  });

  api.get("/appointment/:id", (c) => {
    const appointment = rt.store.appointment(c.req.param("id"));
    if (!appointment) throw notFound("Appointment not found");
    const query = readQuery(c.req.url);
    return c.json(
      single(rt, appointment, {
        profiles: query.flag("getPractitionerProfiles"),
        cancellation: query.flag("cancellationId"),
      }),
    );
  });

  api.post("/appointment", async (c) => {
    const body = await readJsonBody(c);
    // A POST to the collection that names an appointment is a cancel (with `deleted`) or an update.
    if (isRecord(body)) {
      const id = field(body, "appointmentId");
      if (id !== undefined && id !== null && id !== "") {
        if (typeof id !== "string") throw badRequest("appointmentId must be a GUID string");
        return c.json(changeAppointment(rt, id, body));
      }
    }
    const booking = parseOr400(AppointmentBook, body);
    return c.json(single(rt, bookAppointment(rt.store, rt.clock.now().getTime(), booking)));
  });

  const change = async (c: Context<SandboxEnv>) => {
    const body = await readJsonBody(c);
    return c.json(changeAppointment(rt, c.req.param("id") ?? "", body));
  };
  api.post("/appointment/:id", change);
  api.put("/appointment/:id", change);
  api.all("/appointment", methodNotAllowed("GET, POST"));
  api.all("/appointment/:id", methodNotAllowed("GET, POST, PUT"));
};
