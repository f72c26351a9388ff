/**
 * The morning-message loop: every `tickMs` it looks for subscriptions that are due (due.ts), claims
 * each (user, local date) in the state store, and only the winner of the claim sends. A restart, a
 * second process or a slow tick can therefore never send the same morning twice.
 */
import { createLoop } from "../internal/loop.js";
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

  const empty = (): TickResult => ({ sent: [], alreadySent: [], failed: [] });
  const loop = createLoop({
    run: runTick,
    delayMs: () => tickMs,
    failed: empty,
    onError: (error) => warn(`morning tick failed: ${(error as Error).message ?? String(error)}`),
  });

  return {
    start: loop.start,
    stop: loop.stop,
    tick: () =>
      loop.runNow().catch((error: unknown) => {
        warn(`morning tick failed: ${(error as Error).message ?? String(error)}`);
        return empty();
      }),
    nextTick: loop.next,
  };
}
