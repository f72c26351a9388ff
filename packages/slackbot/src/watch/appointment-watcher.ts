/**
 * The watcher: coreplus has no webhooks, so the bot reads the coming days' appointments on a schedule
 * (every 2 minutes by default) and compares them with what it saw last (changes.ts). It keeps within
 * its share of the consumer's request budget by counting the requests of each poll and stretching the
 * interval when a poll costs more than the share allows. The last snapshot lives in the state store,
 * so a restart compares with what was seen before it.
 */
import type { CoreplusClient } from "@coreplus-kit/core";
import { addDays, dateInZone, parseCoreplusDateTime, zonedTimeToInstant } from "@coreplus-kit/core";
import { createLoop } from "../internal/loop.js";
import type { StateStore } from "../state/store.js";
import type { ClinicDirectory } from "../types.js";
import { type ChangeEvent, diffSnapshots, type SlotEntry, type Snapshot } from "./changes.js";

/** Options of `createAppointmentWatcher`. */
export interface AppointmentWatcherOptions {
  client: CoreplusClient;
  directory: () => Promise<ClinicDirectory>;
  store: StateStore;
  /** Business clock. */
  now: () => Date;
  /** Called once per poll that found changes (a burst is one call). */
  onChanges: (events: ChangeEvent[]) => Promise<void> | void;
  /** Days ahead, today included (default 7). */
  days?: number;
  /** Poll interval (default 120 000 ms), stretched when the budget requires it. */
  intervalMs?: number;
  /** Share of the consumer's budget the watcher may use (default 0.05). */
  budgetShare?: number;
  /** The consumer's budget in requests per second (coreplus: 10). */
  budgetPerSecond?: number;
  signal?: AbortSignal;
  warn?: (message: string) => void;
}

/** What a poll cost and found. */
export interface PollResult {
  /** coreplus requests this poll made (one per page). */
  calls: number;
  appointments: number;
  events: ChangeEvent[];
  /** The delay until the next poll, after the budget check. */
  nextDelayMs: number;
}

/** The running watcher. */
export interface AppointmentWatcher {
  start(): void;
  stop(): Promise<void>;
  /** Polls now (never overlapping the loop's polls). */
  poll(): Promise<PollResult>;
  /** Resolves with the next poll that completes. */
  nextPoll(): Promise<PollResult>;
  /** Requests an hour at the current pace next to what the share allows. */
  budget(): { callsPerHour: number; allowedPerHour: number; intervalMs: number };
}

const SNAPSHOT_KEY = "watch:snapshot";
const PAGE = 100;

/** The smallest interval at which `calls` per poll stay within `allowedPerHour`. */
export function intervalForBudget(calls: number, allowedPerHour: number, intervalMs: number): number {
  if (allowedPerHour <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(intervalMs, Math.ceil((calls * 3_600_000) / allowedPerHour));
}

/** Creates the watcher (not started). */
export function createAppointmentWatcher(opts: AppointmentWatcherOptions): AppointmentWatcher {
  const days = opts.days ?? 7;
  const intervalMs = opts.intervalMs ?? 120_000;
  const allowedPerHour = (opts.budgetShare ?? 0.05) * (opts.budgetPerSecond ?? 10) * 3600;
  const warn = opts.warn ?? (() => {});
  let delayMs = intervalMs;
  let lastCalls = 0;
  let lastSaved: string | undefined;

  /** Reads every location group's coming days, page by page, counting requests. */
  async function read(): Promise<{ snapshot: Snapshot; calls: number }> {
    const directory = await opts.directory();
    const now = opts.now();
    const groups = new Map<string, { zone: string; ids: Set<string> }>();
    for (const l of directory.locations) {
      const key = l.timezoneId.toLowerCase();
      const group = groups.get(key) ?? { zone: l.zone, ids: new Set<string>() };
      group.ids.add(l.id.toLowerCase());
      groups.set(key, group);
    }
    const entries: Record<string, SlotEntry> = {};
    let calls = 0;
    let to = Number.POSITIVE_INFINITY;
    let from = Number.NEGATIVE_INFINITY;
    for (const [timezoneId, group] of groups) {
      const startDate = dateInZone(now, group.zone);
      const endDate = addDays(startDate, days - 1);
      from = Math.max(from, zonedTimeToInstant(startDate, "00:00", group.zone).getTime());
      to = Math.min(to, zonedTimeToInstant(addDays(endDate, 1), "00:00", group.zone).getTime());
      for (let pageNumber = 1; ; pageNumber += 1) {
        calls += 1;
        // One page per request: toArray stops at the page size without asking for the next page.
        const page = await opts.client.appointments
          .iterate(
            { startDate, endDate, timezoneId, includeCancelled: true, pageNumber, pageSize: PAGE },
            opts.signal ? { signal: opts.signal } : {},
          )
          .toArray({ limit: PAGE });
        for (const r of page) {
          if (!group.ids.has(r.locationId.toLowerCase())) continue;
          // Only when, who, where and which type: the subject and notes are never kept.
          const entry: SlotEntry = {
            start: parseCoreplusDateTime(r.startDateTime).instant.toISOString(),
            end: parseCoreplusDateTime(r.endDateTime).instant.toISOString(),
            practitionerId: r.practitioner.practitionerId.toLowerCase(),
            locationId: r.locationId.toLowerCase(),
            status: r.status,
          };
          if (r.appointmentTypeId) entry.typeId = r.appointmentTypeId.toLowerCase();
          entries[r.appointmentId.toLowerCase()] = entry;
        }
        if (page.length < PAGE) break;
      }
    }
    return { snapshot: { from, to, entries }, calls };
  }

  async function runPoll(): Promise<PollResult> {
    const previous = await opts.store.get<Snapshot>(SNAPSHOT_KEY);
    const { snapshot, calls } = await read();
    const events = previous ? diffSnapshots(previous, snapshot, opts.now().getTime()) : [];
    // Most polls see what the last one saw: write only when something changed.
    const serialised = JSON.stringify(snapshot);
    if (serialised !== lastSaved) {
      await opts.store.set(SNAPSHOT_KEY, snapshot);
      lastSaved = serialised;
    }
    lastCalls = calls;
    delayMs = intervalForBudget(calls, allowedPerHour, intervalMs);
    if (events.length > 0) await opts.onChanges(events);
    return { calls, appointments: Object.keys(snapshot.entries).length, events, nextDelayMs: delayMs };
  }

  const loop = createLoop({
    run: runPoll,
    delayMs: () => delayMs,
    failed: (): PollResult => ({ calls: 0, appointments: 0, events: [], nextDelayMs: delayMs }),
    onError: (error) => warn(`appointment watch failed: ${(error as Error).message ?? String(error)}`),
  });

  return {
    start: loop.start,
    stop: loop.stop,
    poll: loop.runNow,
    nextPoll: loop.next,
    budget() {
      return {
        callsPerHour: Math.round((lastCalls * 3_600_000) / delayMs),
        allowedPerHour,
        intervalMs: delayMs,
      };
    },
  };
}
