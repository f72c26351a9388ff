/**
 * Availability: free slots by day in the location's zone, merged over every bookable practitioner
 * unless one is named, with the booking rules applied (minimum notice, maximum days ahead, at most
 * 31 days per query) and `nextAvailable` looked up past `to` when the range is empty.
 */
import {
  addDays,
  dateInZone,
  formatInZone,
  type AvailabilityQuery as UpstreamAvailabilityQuery,
  zonedTimeToInstant,
} from "@coreplus-kit/core";
import { type RequestScope, readVersioned } from "../app/scope.js";
import type {
  Catalogue,
  CatalogueLocation,
  CataloguePractitioner,
  CatalogueType,
} from "../catalogue/catalogue.js";
import { practitionersFor } from "../catalogue/catalogue.js";
import { getCatalogueVersioned, READ_WAIT_MS, requireLocation } from "../catalogue/read-catalogue.js";
import { validationProblem } from "../http/problem.js";
import type {
  AvailabilityDay,
  AvailabilityQuery,
  AvailabilityResponse,
  PublicSlot,
} from "../schemas/public.js";

/** The most days one availability query may span (coreplus's own limit). */
export const MAX_RANGE_DAYS = 31;

/** One upstream slot as cached: [start ISO, end ISO, practitionerId, local date, start ms, slot key]. */
export type SlotRow = [string, string, string, string, number, string];

/** The key under which a slot is locked and remembered as taken. */
export function slotKey(practitionerId: string, startMs: number): string {
  return `${practitionerId}|${startMs}`;
}

/** The validated subject of an availability or booking query. */
export interface SlotSubject {
  location: CatalogueLocation;
  type: CatalogueType;
  /** The practitioners whose slots count, in display order. */
  practitioners: CataloguePractitioner[];
}

/** Checks that the location, type and (optional) practitioner are bookable together. */
export function resolveSubject(
  cat: Catalogue,
  ids: { locationId: string; appointmentTypeId: string; practitionerId?: string | undefined },
  pointers: { locationId: string; appointmentTypeId: string; practitionerId: string },
): SlotSubject {
  const location = requireLocation(cat, ids.locationId.toLowerCase(), pointers.locationId);
  const typeId = ids.appointmentTypeId.toLowerCase();
  const type = cat.appointmentTypes.find((t) => t.id === typeId);
  const offeredBy = type ? practitionersFor(cat, type, location.id) : [];
  if (!type || offeredBy.length === 0)
    throw validationProblem([
      {
        pointer: pointers.appointmentTypeId,
        code: "not_bookable",
        detail: "is not bookable at this location",
      },
    ]);
  if (ids.practitionerId === undefined) return { location, type, practitioners: offeredBy };
  const pid = ids.practitionerId.toLowerCase();
  const one = offeredBy.find((p) => p.id === pid);
  if (!one)
    throw validationProblem([
      {
        pointer: pointers.practitionerId,
        code: "not_bookable",
        detail: "does not offer this appointment type at this location",
      },
    ]);
  return { location, type, practitioners: [one] };
}

/** The bookable window in the location's zone at business time `now`. */
export function bookingWindow(scope: RequestScope, zone: string) {
  const { rules } = scope.rt.config;
  const nowMs = scope.now.getTime();
  const today = dateInZone(nowMs, zone);
  return {
    today,
    lastDate: addDays(today, rules.maxDaysAhead),
    earliestMs: nowMs + rules.minNoticeMinutes * 60_000,
  };
}

/** Upstream slots for [start, end] (dates in the location's zone), cached for seconds. */
export async function upstreamSlots(
  scope: RequestScope,
  subject: SlotSubject,
  start: string,
  end: string,
  opts: { fresh?: boolean; signal?: AbortSignal } = {},
): Promise<SlotRow[]> {
  return (await upstreamSlotsVersioned(scope, subject, start, end, opts)).value;
}

/** {@link upstreamSlots} with the cache entry's version (undefined when loaded just now). */
async function upstreamSlotsVersioned(
  scope: RequestScope,
  subject: SlotSubject,
  start: string,
  end: string,
  opts: { fresh?: boolean; signal?: AbortSignal } = {},
): Promise<{ value: SlotRow[]; version: number | undefined }> {
  const { location, type, practitioners } = subject;
  const single = practitioners.length === 1 && practitioners[0] ? practitioners[0].id : undefined;
  const load = async (): Promise<SlotRow[]> => {
    const query: UpstreamAvailabilityQuery = {
      startDate: start,
      endDate: end,
      timezoneId: location.timezoneId,
      locationId: location.id,
      appointmentTypeId: type.id,
    };
    if (single) query.practitionerId = single;
    const rows = await scope.rt.upstream.client.availability
      .iterate(query, { signal: opts.signal ?? AbortSignal.timeout(READ_WAIT_MS) })
      .toArray();
    const out: SlotRow[] = [];
    for (const r of rows) {
      const pid = r.practitionerId ?? single;
      if (!pid) continue;
      const s = Date.parse(r.startDateTime);
      out.push([
        formatInZone(s, location.timezone),
        formatInZone(Date.parse(r.endDateTime), location.timezone),
        pid,
        dateInZone(s, location.timezone),
        s,
        slotKey(pid, s),
      ]);
    }
    return out;
  };
  if (opts.fresh) return { value: await load(), version: undefined };
  const ttl = scope.rt.config.cache.availabilityTtlMs;
  const key = `avail:${location.id}:${type.id}:${single ?? "*"}:${start}:${end}`;
  return readVersioned(scope, key, { freshMs: ttl, staleMs: ttl * 3 }, load);
}

/**
 * GET /v1/clinics/{clinic}/availability, as JSON text. The text is remembered per query (a derived,
 * per-process memo) for as long as its inputs stand: the same catalogue and upstream entries, the
 * same taken slots among them, and business time before the next slot falls inside the minimum
 * notice or the date changes.
 */
export async function availabilityJson(scope: RequestScope, q: AvailabilityQuery): Promise<string> {
  if (q.to < q.from)
    throw validationProblem([
      { pointer: "/query/to", code: "before_from", detail: "must not be before from" },
    ]);
  if (daysBetween(q.from, q.to) + 1 > MAX_RANGE_DAYS)
    throw validationProblem([
      { pointer: "/query/to", code: "range_too_long", detail: `at most ${MAX_RANGE_DAYS} days per query` },
    ]);
  const cat = await getCatalogueVersioned(scope);
  const subject = resolveSubject(cat.value, q, {
    locationId: "/query/locationId",
    appointmentTypeId: "/query/appointmentTypeId",
    practitionerId: "/query/practitionerId",
  });
  const zone = subject.location.timezone;
  const win = bookingWindow(scope, zone);
  const nowMs = scope.now.getTime();
  const qStart = laterDate(q.from, win.today);
  const qEnd = earlierDate(q.to, win.lastDate);
  const main = qStart <= qEnd ? await upstreamSlotsVersioned(scope, subject, qStart, qEnd) : undefined;
  const rows = main?.value ?? [];
  const takenKeys = await scope.rt.state.takenSlots();
  const taken = takenKeys.length > 0 ? new Set(takenKeys) : undefined;
  let takenSig = "";
  if (taken) for (const r of rows) if (taken.has(r[5])) takenSig += `${r[5]};`;

  const memoKey = `${subject.location.id}|${subject.type.id}|${q.practitionerId?.toLowerCase() ?? ""}|${q.from}|${q.to}`;
  const memo = scope.rt.memo.get(memoKey);
  if (
    memo &&
    cat.version !== undefined &&
    memo.catalogue === cat.version &&
    memo.rows === main?.version &&
    memo.takenSig === takenSig &&
    nowMs >= memo.validFrom &&
    nowMs < memo.validUntil
  )
    return memo.body;

  const order = new Map(subject.practitioners.map((p, i) => [p.id, i]));
  const usable = (row: SlotRow) =>
    row[4] >= win.earliestMs && row[3] <= win.lastDate && order.has(row[2]) && !taken?.has(row[5]);
  const days: AvailabilityDay[] = [];
  const byDate = new Map<string, PublicSlot[]>();
  for (let d = q.from; d <= q.to; d = addDays(d, 1)) {
    const slots: PublicSlot[] = [];
    days.push({ date: d, slots });
    byDate.set(d, slots);
  }
  const kept = rows.filter(usable);
  kept.sort((a, b) => a[4] - b[4] || (order.get(a[2]) ?? 0) - (order.get(b[2]) ?? 0));
  let nextAvailable: string | null = null;
  for (const r of kept) {
    byDate.get(r[3])?.push({ start: r[0], end: r[1], practitionerId: r[2], locationId: subject.location.id });
    if (nextAvailable === null || r[3] < nextAvailable) nextAvailable = r[3];
  }
  // Nothing in range: look further, up to the last bookable day, a month at a time (not memoised).
  let lookedAhead = false;
  let from = laterDate(addDays(q.to, 1), win.today);
  while (nextAvailable === null && from <= win.lastDate) {
    lookedAhead = true;
    const to = earlierDate(addDays(from, MAX_RANGE_DAYS - 1), win.lastDate);
    for (const r of await upstreamSlots(scope, subject, from, to)) {
      if (usable(r) && (nextAvailable === null || r[3] < nextAvailable)) nextAvailable = r[3];
    }
    from = addDays(to, 1);
  }
  const response: AvailabilityResponse = { timezone: zone, nextAvailable, days };
  const body = JSON.stringify(response);
  if (!lookedAhead && cat.version !== undefined && (main === undefined || main.version !== undefined)) {
    // Valid until the first kept slot falls inside the notice, or midnight moves the window.
    let validUntil = zonedTimeToInstant(addDays(win.today, 1), "00:00", zone).getTime();
    const first = kept[0];
    if (first) validUntil = Math.min(validUntil, first[4] - (win.earliestMs - nowMs) + 1);
    scope.rt.memo.set(memoKey, {
      catalogue: cat.version,
      rows: main?.version,
      takenSig,
      validFrom: nowMs,
      validUntil,
      body,
    });
  }
  return body;
}

/** A remembered availability answer and what it was computed from. */
export interface AvailabilityMemo {
  catalogue: number;
  rows: number | undefined;
  takenSig: string;
  validFrom: number;
  validUntil: number;
  body: string;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

// "YYYY-MM-DD" strings order like the dates they name.
function laterDate(a: string, b: string): string {
  return a > b ? a : b;
}

function earlierDate(a: string, b: string): string {
  return a < b ? a : b;
}
