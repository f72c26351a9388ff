/**
 * Upstream slots for a subject and a date range, read through the clinic's cache (seconds) and
 * decoded once, when loaded, into named fields that availability and bookings read directly.
 */
import {
  dateInZone,
  formatInZone,
  type AvailabilityQuery as UpstreamAvailabilityQuery,
} from "@coreplus-kit/core";
import { READ_WAIT_MS } from "../catalogue/index.js";
import type { RequestScope } from "../types.js";
import { readVersioned, type Versioned } from "../upstream/index.js";
import type { SlotSubject } from "./subject.js";

/** One upstream slot as cached (JSON). */
export type Slot = {
  /** Start, ISO 8601 with the location's offset. */
  start: string;
  end: string;
  practitionerId: string;
  /** The start's date in the location's zone. */
  date: string;
  /** The start in epoch ms. */
  startMs: number;
  /** {@link slotKey} of the slot. */
  key: string;
};

/** Options of a slot read. */
export interface SlotReadOptions {
  /** Skip the cache (a booking's re-check). */
  fresh?: boolean;
  signal?: AbortSignal;
}

/** The key under which a slot is locked and remembered as taken. */
export function slotKey(practitionerId: string, startMs: number): string {
  return `${practitionerId}|${startMs}`;
}

/** Upstream slots for [start, end] (dates in the location's zone), cached for seconds. */
export async function upstreamSlots(
  scope: RequestScope,
  subject: SlotSubject,
  start: string,
  end: string,
  opts: SlotReadOptions = {},
): Promise<Slot[]> {
  return (await upstreamSlotsVersioned(scope, subject, start, end, opts)).value;
}

/** {@link upstreamSlots} with the cache entry's version (undefined when loaded just now). */
export async function upstreamSlotsVersioned(
  scope: RequestScope,
  subject: SlotSubject,
  start: string,
  end: string,
  opts: SlotReadOptions = {},
): Promise<Versioned<Slot[]>> {
  const { location, type, practitioners } = subject;
  const single = practitioners.length === 1 && practitioners[0] ? practitioners[0].id : undefined;
  // Where the clinic maps a discipline to a coreplus specialty, coreplus narrows the read too.
  const specialty = single ? undefined : subject.discipline?.specialtyId;
  const load = async (): Promise<Slot[]> => {
    const query: UpstreamAvailabilityQuery = {
      startDate: start,
      endDate: end,
      timezoneId: location.timezoneId,
      locationId: location.id,
      appointmentTypeId: type.id,
    };
    if (single) query.practitionerId = single;
    else if (specialty) query.specialtyId = specialty;
    const rows = await scope.rt.coreplus.availability
      .iterate(query, { signal: opts.signal ?? AbortSignal.timeout(READ_WAIT_MS) })
      .toArray();
    const out: Slot[] = [];
    for (const r of rows) {
      const practitionerId = r.practitionerId ?? single;
      if (!practitionerId) continue;
      const startMs = Date.parse(r.startDateTime);
      out.push({
        start: formatInZone(startMs, location.timezone),
        end: formatInZone(Date.parse(r.endDateTime), location.timezone),
        practitionerId,
        date: dateInZone(startMs, location.timezone),
        startMs,
        key: slotKey(practitionerId, startMs),
      });
    }
    return out;
  };
  if (opts.fresh) return { value: await load(), version: undefined };
  const ttl = scope.rt.config.cache.availabilityTtlMs;
  const key = `avail:${location.id}:${type.id}:${single ?? (specialty ? `~${specialty}` : "*")}:${start}:${end}`;
  return readVersioned(scope, key, { freshMs: ttl, staleMs: ttl * 3 }, load);
}
