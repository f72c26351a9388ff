/** GET /AvailabilitySlot/: free slots, split by the type's duration when one is given (§4.5). */
import { availableSlots, localInstant } from "../availability.js";
import { methodNotAllowed, type RouteRegistrar } from "../http/env.js";
import { listEnvelope, readDateRange, readPaging, readQuery, readZone } from "../http/query.js";
import { badRequest } from "../http/result.js";
import { slotJson } from "../http/wire.js";

/** The longest range one query may cover, in days. */
const MAX_RANGE_DAYS = 31;

/** GET /AvailabilitySlot/ (31 days at most per query). */
export const registerAvailability: RouteRegistrar = (api, rt) => {
  api.get("/availabilityslot", (c) => {
    const query = readQuery(c.req.url);
    const { startDate, endDate } = readDateRange(query, MAX_RANGE_DAYS);
    const zone = readZone(query);
    const page = readPaging(query);
    const requestedType = query.get("appointmentTypeId");
    const type = requestedType === undefined ? undefined : rt.store.appointmentType(requestedType);
    if (requestedType !== undefined && !type) throw badRequest("Unknown appointmentTypeId");
    const slots = availableSlots(rt.store, {
      from: localInstant(startDate, "00:00", zone),
      to: localInstant(endDate, "24:00", zone),
      now: rt.clock.now().getTime(),
      practitionerIds: query.ids("practitionerId"),
      locationIds: query.ids("locationId"),
      specialtyIds: query.ids("specialtyId"),
      ...(type ? { type } : {}),
    });
    const typeId = type?.appointmentTypeId;
    return c.json(listEnvelope("timeslots", slots, page, (s) => slotJson(s, zone, typeId)));
  });
  api.all("/availabilityslot", methodNotAllowed("GET"));
};
