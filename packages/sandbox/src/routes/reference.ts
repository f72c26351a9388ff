/** Locations and practitioners (read-only) and appointment types (list and create): §4.1–4.3. */
import { AppointmentTypeCreate } from "@coreplus-kit/core";
import type { RouteRegistrar } from "../http/env.js";
import { methodNotAllowed, readJsonBody } from "../http/env.js";
import { listEnvelope, readPaging, readQuery } from "../http/query.js";
import { badRequest, notFound, parseOr400 } from "../http/result.js";
import { appointmentTypeJson, locationJson, practitionerJson } from "../http/wire.js";
import { byKeys } from "../internal/sort.js";
import type { AppointmentTypeRecord, LocationRecord, PractitionerRecord } from "../types.js";

const byLocationName = byKeys<LocationRecord>(
  (l) => l.name,
  (l) => l.locationId,
);
const byPractitionerName = byKeys<PractitionerRecord>(
  (p) => p.lastName,
  (p) => p.firstName,
  (p) => p.practitionerId,
);
const byDescription = byKeys<AppointmentTypeRecord>(
  (t) => t.description,
  (t) => t.appointmentTypeId,
);

/** GET /Location/, GET /Location/{id}/. */
export const registerLocations: RouteRegistrar = (api, rt) => {
  api.get("/location", (c) => {
    const query = readQuery(c.req.url);
    const items = [...rt.store.locations.values()].sort(byLocationName);
    return c.json(listEnvelope("locations", items, readPaging(query), locationJson));
  });
  api.get("/location/:id", (c) => {
    const location = rt.store.location(c.req.param("id"));
    if (!location) throw notFound("Location not found");
    return c.json({ location: locationJson(location) });
  });
  api.all("/location", methodNotAllowed("GET"));
  api.all("/location/:id", methodNotAllowed("GET"));
};

/** GET /Practitioner/ (optional locationId filter), GET /Practitioner/{id}/. */
export const registerPractitioners: RouteRegistrar = (api, rt) => {
  api.get("/practitioner", (c) => {
    const query = readQuery(c.req.url);
    const locationIds = query.ids("locationId");
    const items = [...rt.store.practitioners.values()]
      .filter((p) => locationIds.length === 0 || p.locationIds.some((id) => locationIds.includes(id)))
      .sort(byPractitionerName);
    return c.json(listEnvelope("practitioners", items, readPaging(query), practitionerJson));
  });
  api.get("/practitioner/:id", (c) => {
    const practitioner = rt.store.practitioner(c.req.param("id"));
    if (!practitioner) throw notFound("Practitioner not found");
    return c.json({ practitioner: practitionerJson(practitioner) });
  });
  api.all("/practitioner", methodNotAllowed("GET"));
  api.all("/practitioner/:id", methodNotAllowed("GET"));
};

const DEFAULT_DURATION_MINUTES = 30;

/** GET /AppointmentType/, POST /AppointmentType/ (response unwrapped, as coreplus does). */
export const registerAppointmentTypes: RouteRegistrar = (api, rt) => {
  api.get("/appointmenttype", (c) => {
    const query = readQuery(c.req.url);
    const items = [...rt.store.appointmentTypes.values()].sort(byDescription);
    return c.json(listEnvelope("appointmentTypes", items, readPaging(query), appointmentTypeJson));
  });
  api.post("/appointmenttype", async (c) => {
    const body = parseOr400(AppointmentTypeCreate, await readJsonBody(c));
    if (body.practitionerId && !rt.store.practitioner(body.practitionerId))
      throw badRequest("Unknown practitionerId");
    if (body.locationId && !rt.store.location(body.locationId)) throw badRequest("Unknown locationId");
    const type: AppointmentTypeRecord = {
      appointmentTypeId: rt.store.newId(),
      description: body.description,
      durationMinutes: body.durationMinutes ?? DEFAULT_DURATION_MINUTES,
      blockColour: body.blockColour ? `#${body.blockColour.replace(/^#/, "").toUpperCase()}` : "#9E9E9E",
      practitionerId: body.practitionerId ?? null,
      locationId: body.locationId ?? null,
      clientGroupId: body.clientGroupId ?? null,
    };
    rt.store.appointmentTypes.set(type.appointmentTypeId, type);
    return c.json({ appointmentTypeId: type.appointmentTypeId, description: type.description });
  });
  api.all("/appointmenttype", methodNotAllowed("GET, POST"));
};
