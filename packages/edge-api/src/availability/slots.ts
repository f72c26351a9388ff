/**
 * Upstream slots for a subject and a date range, read through the clinic's cache (seconds) and
 * decoded once, when loaded, into named fields that availability and bookings read directly.
 *
 * Cached reads go to coreplus in whole weeks of the location's zone (Monday to Sunday), one cache
 * entry per week, and are sliced here: whatever `from`/`to` a visitor picks, a query costs at most the
 * weeks it touches, and overlapping queries share them. Only a booking's fresh re-check asks for its
 * exact day.
 */
import {
  addDays,
  dateInZone,
  formatInZone,
  type AvailabilityQuery as UpstreamAvailabilityQuery,
} from "@coreplus-kit/core";
import { READ_WAIT_MS } from "../catalogue/index.js";
import type { RequestScope } from "../types.js";
import { readVersioned, type Versioned } from "../upstream/index.js";
import type { Slot, SlotRange } from "./shapes.js";
import type { SlotSubject } from "./subject.js";

export type { Slot, SlotRange };

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

/** The Monday of the week (Monday to Sunday) that holds `date` ("YYYY-MM-DD", a calendar date). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The Mondays of the weeks that [start, end] touches. */
export function weeksOf(start: string, end: string): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(start); monday <= end; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
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

/** {@link upstreamSlots} with the cache entries' version (undefined when any was loaded just now). */
export async function upstreamSlotsVersioned(
  scope: RequestScope,
  subject: SlotSubject,
  start: string,
  end: string,
  opts: SlotReadOptions = {},
): Promise<Versioned<Slot[], string>> {
  if (opts.fresh)
    return { value: await loadSlots(scope, subject, start, end, opts.signal), version: undefined };
  const weeks = await weekEntries(scope, subject, weeksOf(start, end));
  return { value: sliceWeeks(weeks, start, end), version: weeksVersion(weeks) };
}

/** The cached entries of the weeks starting on `mondays` ({@link weeksOf}), each read's outcome noted on the scope. */
export function weekEntries(
  scope: RequestScope,
  subject: SlotSubject,
  mondays: readonly string[],
): Promise<Versioned<Slot[]>[]> {
  return Promise.all(mondays.map((monday) => weekSlots(scope, subject, monday)));
}

/** The version of slots read from `weeks`: their entries' versions, or undefined when any was loaded just now. */
export function weeksVersion(weeks: readonly Versioned<Slot[]>[]): string | undefined {
  let version = "";
  for (const week of weeks) {
    if (week.version === undefined) return undefined;
    version += `${week.version};`;
  }
  return version;
}

/** The slots of `weeks` dated within [start, end]. */
export function sliceWeeks(weeks: readonly Versioned<Slot[]>[], start: string, end: string): Slot[] {
  const value: Slot[] = [];
  for (const week of weeks)
    for (const slot of week.value) if (slot.date >= start && slot.date <= end) value.push(slot);
  return value;
}

/** One week's slots (Monday to Sunday), read through the cache as one upstream query. */
export function weekSlots(
  scope: RequestScope,
  subject: SlotSubject,
  monday: string,
): Promise<Versioned<Slot[]>> {
  const { location, type } = subject;
  const { single, specialty } = narrowing(subject);
  const ttl = scope.rt.config.cache.availabilityTtlMs;
  const key = `availw:${location.id}:${type.id}:${single ?? (specialty ? `~${specialty}` : "*")}:${monday}`;
  return readVersioned(scope, key, { freshMs: ttl, staleMs: ttl * 3 }, () =>
    loadSlots(scope, subject, monday, addDays(monday, 6), undefined),
  );
}

/**
 * How the upstream read is narrowed: to the one practitioner, else (where the clinic maps a
 * discipline to a coreplus specialty) to that specialty.
 */
function narrowing(subject: SlotSubject): { single?: string; specialty?: string } {
  const { practitioners } = subject;
  const single = practitioners.length === 1 && practitioners[0] ? practitioners[0].id : undefined;
  if (single) return { single };
  const specialty = subject.discipline?.specialtyId;
  return specialty ? { specialty } : {};
}

/** Reads [start, end] from coreplus and decodes it. */
async function loadSlots(
  scope: RequestScope,
  subject: SlotSubject,
  start: string,
  end: string,
  signal: AbortSignal | undefined,
): Promise<Slot[]> {
  const { location, type } = subject;
  const { single, specialty } = narrowing(subject);
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
    .iterate(query, { signal: signal ?? AbortSignal.timeout(READ_WAIT_MS) })
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
}
