/**
 * The morning-message loop: every `tickMs` it looks for subscriptions that are due (due.ts), claims
 * each (user, local date) in the state store, and only the winner of the claim sends. A restart, a
 * second process or a slow tick can therefore never send the same morning twice.
 */
import type { StateStore } from "../state/store.js";
import { dueDate } from "./due.js";
import type { Subscription, SubscriptionBook } from "./subscriptions.js";

/** Options of `createMorningScheduler`. */
export interface MorningSchedulerOptions {
  book: SubscriptionBook;
  store: StateStore;
  /** The clinic's zone (SLACK_TIMEZONE or the first location's). */
  zone: () => Promise<string>;
  /** Business clock. */
  now: () => Date;
  /** Sends one person's morning for a local date. */
  send: (subscription: Subscription, date: string) => Promise<void>;
  /** How often to look (default 20 s; the time is met within one tick). */
  tickMs?: number;
  /** How late a morning may still go out after a restart (default 60 min). */
  catchUpMs?: number;
  warn?: (message: string) => void;
}

/** What one tick did. */
export interface TickResult {
  /** Mornings sent in this tick (user, date). */
  sent: { userId: string; date: string }[];
  /** Due but already claimed (sent earlier, or by another process). */
  alreadySent: { userId: string; date: string }[];
  failed: { userId: string; date: string }[];
}

/** The running loop. */
export interface MorningScheduler {
  start(): void;
  stop(): Promise<void>;
  /** Runs one tick now (the loop's ticks and this one never overlap). */
  tick(): Promise<TickResult>;
  /** Resolves with the result of the next tick that completes. */
  nextTick(): Promise<TickResult>;
}

/** A claim lives well past the day it is for, so the catch-up window can never reopen it. */
const CLAIM_TTL_MS = 48 * 3_600_000;

/** Creates the loop (not started). */
export function createMorningScheduler(opts: MorningSchedulerOptions): MorningScheduler {
  const tickMs = opts.tickMs ?? 20_000;
  const catchUpMs = opts.catchUpMs ?? 3_600_000;
  const warn = opts.warn ?? (() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<TickResult> | undefined;
  let stopped = true;
  const waiting: ((r: TickResult) => void)[] = [];

  async function runTick(): Promise<TickResult> {
    const result: TickResult = { sent: [], alreadySent: [], failed: [] };
    const subscriptions = await opts.book.list();
    if (subscriptions.length === 0) return result;
    const zone = await opts.zone();
    const now = opts.now();
    for (const subscription of subscriptions) {
      const date = dueDate(subscription, now, zone, catchUpMs);
      if (date === undefined) continue;
      const key = `morning:sent:${subscription.userId}:${date}`;
      const entry = { userId: subscription.userId, date };
      if (!(await opts.store.claim(key, CLAIM_TTL_MS))) {
        result.alreadySent.push(entry);
        continue;
      }
      try {
        await opts.send(subscription, date);
        result.sent.push(entry);
      } catch (error) {
        // Not sent: give the claim back so the next tick tries again (within the catch-up window).
        await opts.store.delete(key).catch(() => {});
        warn(
          `morning message for ${subscription.userId} failed: ${(error as Error).message ?? String(error)}`,
        );
        result.failed.push(entry);
      }
    }
    return result;
  }

  function tick(): Promise<TickResult> {
    const previous = running ?? Promise.resolve(undefined);
    const next = previous
      .catch(() => undefined)
      .then(runTick)
      .then(
        (result) => {
          for (const resolve of waiting.splice(0)) resolve(result);
          return result;
        },
        (error: unknown) => {
          warn(`morning tick failed: ${(error as Error).message ?? String(error)}`);
          const empty: TickResult = { sent: [], alreadySent: [], failed: [] };
          for (const resolve of waiting.splice(0)) resolve(empty);
          return empty;
        },
      );
    running = next;
    return next;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      tick().finally(schedule);
    }, tickMs);
    timer.unref?.();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      tick().finally(schedule);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
    },
    tick,
    nextTick() {
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}
