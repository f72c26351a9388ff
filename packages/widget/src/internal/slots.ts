/**
 * Turning the edge API's slot lists into what the time step shows: one button per start time, grouped
 * into morning, afternoon and evening by the hour in the location's zone.
 */
import type { AvailabilityDay, PublicSlot } from "../api/types.js";
import { partOf, wallClock } from "./dates.js";

/** The three pill groups of the time step, in order. */
export type DayPeriod = "morning" | "afternoon" | "evening";

/** One group of time buttons. */
export interface SlotGroup {
  period: DayPeriod;
  slots: PublicSlot[];
}

/**
 * One slot per start time: without a practitioner filter the edge API lists every (start,
 * practitioner) pair sorted by start then practitioner order, and the widget books the first listed.
 */
export function uniqueStarts(slots: readonly PublicSlot[]): PublicSlot[] {
  const seen = new Set<number>();
  const out: PublicSlot[] = [];
  for (const slot of slots) {
    const t = Date.parse(slot.start);
    if (seen.has(t)) continue;
    seen.add(t);
    out.push(slot);
  }
  return out;
}

/** Morning before 12:00, afternoon before 17:00, evening after (by the hour, 0–23, in `timeZone`). */
export function periodOf(iso: string, timeZone: string): DayPeriod {
  const hour = Number(partOf(wallClock(timeZone).formatToParts(new Date(iso)), "hour"));
  return hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
}

/** Unique start times grouped by period; empty groups are left out. */
export function groupSlots(slots: readonly PublicSlot[], timeZone: string): SlotGroup[] {
  const unique = uniqueStarts(slots);
  // Each slot's period once (a formatter call each), not once per group.
  const periods = unique.map((slot) => periodOf(slot.start, timeZone));
  return (["morning", "afternoon", "evening"] as const)
    .map((period) => ({ period, slots: unique.filter((_, i) => periods[i] === period) }))
    .filter((g) => g.slots.length > 0);
}

/** How many distinct start times a day offers. */
export function countTimes(day: AvailabilityDay | undefined): number {
  return day ? uniqueStarts(day.slots).length : 0;
}

/** `day` while it has a time in `days`, else the first day that has one (or undefined). */
export function dayWithTimes(days: readonly AvailabilityDay[], day: string | undefined): string | undefined {
  return days.some((d) => d.date === day && d.slots.length > 0)
    ? day
    : days.find((d) => d.slots.length > 0)?.date;
}
