/**
 * GET /v1/clinics/{clinic}/availability as JSON text: free slots by day in the location's zone,
 * merged over every bookable practitioner unless one is named, with the booking rules applied
 * (minimum notice, maximum days ahead, at most 31 days per query) and `nextAvailable` looked up past
 * `to` when the range is empty. Slots come from the week entries of slots.ts.
 */
import { addDays, zonedTimeToInstant } from "@coreplus-kit/core";
import { type Catalogue, getCatalogueVersioned } from "../catalogue/index.js";
import { validationProblem } from "../http/index.js";
import type {
  AvailabilityDay,
  AvailabilityQuery,
  AvailabilityResponse,
  PublicSlot,
} from "../schemas/public.js";
import type { RequestScope } from "../types.js";
import type { Versioned } from "../upstream/index.js";
import {
  mondayOf,
  type Slot,
  type SlotRange,
  sliceWeeks,
  weekEntries,
  weekSlots,
  weeksOf,
  weeksVersion,
} from "./slots.js";
import { resolveSubject } from "./subject.js";
import {
  type BookingWindow,
  bookingWindow,
  daysBetween,
  earlierDate,
  laterDate,
  MAX_LOOKAHEAD_QUERIES,
  MAX_RANGE_DAYS,
  onOrBefore,
} from "./window.js";

/**
 * The answer as JSON text. The text is remembered per query (a derived, per-process memo) for as
 * long as its inputs stand: the same catalogue and upstream entries, the same taken slots among
 * them, and business time before the next slot falls inside the minimum notice or the date changes.
 */
export async function availabilityJson(
  scope: RequestScope,
  q: AvailabilityQuery,
  known?: Versioned<Catalogue>,
): Promise<string> {
  // Keyed by the query as asked. While the catalogue and the day stand, a remembered answer's
  // subject, range and weeks are those this query resolves to, so a hit skips checking, resolving
  // and slicing: it reads the same cache entries (their outcomes noted, a stale one refreshed),
  // compares versions and the taken slots, and returns the remembered text.
  const memoKey = `${q.locationId}|${q.appointmentTypeId}|${q.practitionerId ?? ""}|${q.from}|${q.to}|${q.disciplineId ?? ""}`;
  const memo = scope.rt.memo.get(memoKey);
  // A remembered query has passed these checks, which read the query alone.
  if (!memo) {
    if (!onOrBefore(q.from, q.to))
      throw validationProblem([
        { pointer: "/query/to", code: "before_from", detail: "must not be before from" },
      ]);
    if (daysBetween(q.from, q.to) + 1 > MAX_RANGE_DAYS)
      throw validationProblem([
        { pointer: "/query/to", code: "range_too_long", detail: `at most ${MAX_RANGE_DAYS} days per query` },
      ]);
  }
  const cat = known ?? (await getCatalogueVersioned(scope));
  const nowMs = scope.now.getTime();
  const same =
    memo !== undefined &&
    cat.version !== undefined &&
    memo.catalogue === cat.version &&
    nowMs >= memo.validFrom &&
    nowMs < memo.validUntil
      ? memo
      : undefined;
  const subject =
    same?.subject ??
    resolveSubject(
      cat.value,
      q,
      {
        locationId: "/query/locationId",
        appointmentTypeId: "/query/appointmentTypeId",
        practitionerId: "/query/practitionerId",
      },
      { config: scope.rt.config, disciplineId: q.disciplineId, pointer: "/query/disciplineId" },
    );
  const zone = subject.location.timezone;
  const fresh = same ? undefined : bookingWindow(scope, zone);
  const range = fresh ? rangeIn(q, fresh) : same?.range;
  const mondays = fresh ? (range ? weeksOf(range.start, range.end) : []) : (same?.weeks ?? []);
  const weeks = range ? await weekEntries(scope, subject, mondays) : undefined;
  const rows = weeks ? weeksVersion(weeks) : undefined;
  const takenKeys = await scope.rt.state.takenSlots();
  const taken = takenKeys.length > 0 ? new Set(takenKeys) : undefined;
  const takenSigOf = (slots: readonly Slot[]) => {
    let sig = "";
    if (taken) for (const s of slots) if (taken.has(s.key)) sig += `${s.key};`;
    return sig;
  };
  if (same && same.rows === rows && same.takenSig === takenSigOf(same.slots)) {
    if (same.validUntil < scope.validUntil) scope.validUntil = same.validUntil;
    return same.body;
  }

  const slots = weeks && range ? sliceWeeks(weeks, range.start, range.end) : [];
  const takenSig = takenSigOf(slots);
  const win = fresh ?? bookingWindow(scope, zone);
  const order = new Map(subject.practitioners.map((p, i) => [p.id, i]));
  const usable = (s: Slot) =>
    s.startMs >= win.earliestMs &&
    s.date <= win.lastDate &&
    order.has(s.practitionerId) &&
    !taken?.has(s.key);
  const days: AvailabilityDay[] = [];
  const byDate = new Map<string, PublicSlot[]>();
  for (let d = q.from; d <= q.to; d = addDays(d, 1)) {
    const daySlots: PublicSlot[] = [];
    days.push({ date: d, slots: daySlots });
    byDate.set(d, daySlots);
  }
  const kept = slots.filter(usable);
  kept.sort(
    (a, b) =>
      a.startMs - b.startMs || (order.get(a.practitionerId) ?? 0) - (order.get(b.practitionerId) ?? 0),
  );
  let nextAvailable: string | null = null;
  for (const s of kept) {
    byDate.get(s.date)?.push({
      start: s.start,
      end: s.end,
      practitionerId: s.practitionerId,
      locationId: subject.location.id,
    });
    if (nextAvailable === null || s.date < nextAvailable) nextAvailable = s.date;
  }
  // Nothing in range: look further, a week at a time (the cached week entries), up to the last
  // bookable day (maxDaysAhead caps it); not memoised.
  let lookedAhead = false;
  let from = laterDate(addDays(q.to, 1), win.today);
  for (
    let n = 0;
    nextAvailable === null && onOrBefore(from, win.lastDate) && n < MAX_LOOKAHEAD_QUERIES;
    n++
  ) {
    lookedAhead = true;
    const monday = mondayOf(from);
    for (const s of (await weekSlots(scope, subject, monday)).value) {
      if (s.date >= from && usable(s) && (nextAvailable === null || s.date < nextAvailable))
        nextAvailable = s.date;
    }
    from = addDays(monday, 7);
  }
  const response: AvailabilityResponse = { timezone: zone, nextAvailable, days };
  const body = JSON.stringify(response);
  if (!lookedAhead && cat.version !== undefined && (range === undefined || rows !== undefined)) {
    // Valid until the first kept slot falls inside the notice, or midnight moves the window.
    let validUntil = zonedTimeToInstant(addDays(win.today, 1), "00:00", zone).getTime();
    const first = kept[0];
    if (first) validUntil = Math.min(validUntil, first.startMs - (win.earliestMs - nowMs) + 1);
    scope.rt.memo.set(memoKey, {
      catalogue: cat.version,
      subject,
      range,
      weeks: mondays,
      rows,
      slots,
      takenSig,
      validFrom: nowMs,
      validUntil,
      body,
    });
    if (validUntil < scope.validUntil) scope.validUntil = validUntil;
  } else {
    // Not remembered here (a look ahead, or a catalogue loaded just now): nor as a finished answer.
    scope.validUntil = Number.NEGATIVE_INFINITY;
  }
  return body;
}

/** The part of the query's dates that can be booked in `win`, if any. */
function rangeIn(q: AvailabilityQuery, win: BookingWindow): SlotRange | undefined {
  const start = laterDate(q.from, win.today);
  const end = earlierDate(q.to, win.lastDate);
  return onOrBefore(start, end) ? { start, end } : undefined;
}
