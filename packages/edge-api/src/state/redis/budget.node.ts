/**
 * A coreplus consumer's request budget on Redis: ONE sliding window shared by every process, leased
 * like core's limiter (a slot stays taken until the response is back, and frees a window after
 * that), so two requests sharing a slot reach coreplus more than a window apart whoever sends them.
 *
 * A caller reserves its start time atomically (BUDGET_RESERVE) and waits for it in its own process.
 * When every slot is leased it waits for a release (a pub/sub wake-up, else polling) and asks again;
 * that wait is first come first served only as far as the wake-ups arrive in order.
 *
 * The priority lane (as core's limiter): with `reserved` slots, an ordinary request starts only while
 * more than `reserved` slots are free now and at least `windowMs / (limit - reserved)` after the last
 * ordinary start (so that slots free evenly), and a priority request (`{ priority: true }`) finds a
 * slot without waiting behind reads.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { RequestLimiter } from "@coreplus-kit/core";
import { BudgetWaitAbortedError } from "../../upstream/index.js";
import type { RedisConnection } from "./connection.node.js";
import { BUDGET_RELEASE, BUDGET_RESERVE } from "./scripts.js";

/** The budget of one consumer. */
export interface RedisBudget {
  limit: number;
  windowMs: number;
  /** Refuse rather than wait longer than this for a start. */
  maxWaitMs: number;
  /** A lease never released (its process died) ends this long after its start. */
  holdMs: number;
  /** Slots ordinary requests leave unleased for priority ones (bookings, cancels, reschedules); default 0. */
  reserved?: number;
}

/** Added to every window, as core's limiter does: timers that fire early and whole-ms clocks. */
const MARGIN_MS = 1;

interface Ticket {
  id: string;
  slot: number;
  startAt: number;
  previousFreeAt: number;
}

/** The consumer's limiter on the budget hash `key`. */
export function redisBudgetLimiter(conn: RedisConnection, key: string, budget: RedisBudget): RequestLimiter {
  const span = budget.windowMs + MARGIN_MS;
  const reserved = budget.reserved ?? 0;
  const end = (t: Ticket, mode: "release" | "cancel") =>
    conn
      .eval(BUDGET_RELEASE, [key], [t.id, t.slot, span, mode, t.previousFreeAt, t.startAt, conn.channel])
      .catch(() => undefined); // Lost: the lease ends after holdMs instead.

  async function take(signal: AbortSignal | undefined, priority: boolean): Promise<Ticket> {
    const deadline = Date.now() + budget.maxWaitMs;
    for (;;) {
      signal?.throwIfAborted();
      const id = randomUUID().replaceAll("-", "");
      const r = (await conn.eval(
        BUDGET_RESERVE,
        [key],
        [
          budget.limit,
          span,
          budget.holdMs,
          Math.max(0, deadline - Date.now()),
          id,
          priority ? 0 : reserved,
          priority || reserved === 0 ? 0 : span / (budget.limit - reserved),
        ],
      )) as number[];
      if (r[0] === 1) {
        const ticket: Ticket = { id, slot: r[1]!, startAt: r[4]!, previousFreeAt: r[3]! };
        const waitMs = r[2]!;
        try {
          signal?.throwIfAborted();
          if (waitMs > 0) await sleep(waitMs, undefined, signal ? { signal } : {});
        } catch (err) {
          // Hand the start back so that someone else may use it.
          await end(ticket, "cancel");
          // As the limiter contract says: the signal's reason (Node's timer rejects with an AbortError).
          throw signal?.aborted ? signal.reason : err;
        }
        return ticket;
      }
      if (r[1] !== -1 && r[1] !== -2)
        throw new BudgetWaitAbortedError(new Error(`the coreplus budget is booked ${r[1]} ms ahead`));
      const left = deadline - Date.now();
      if (left <= 0) throw new BudgetWaitAbortedError(new Error("every coreplus budget slot stayed leased"));
      // -2: the reserve or the pace holds this ordinary request back for r[2] ms; -1: wait for a release.
      if (r[1] === -2)
        await sleep(Math.min(left, r[2]!), undefined, signal ? { signal } : {}).catch((err: unknown) => {
          throw signal?.aborted ? signal.reason : err;
        });
      else await conn.wait(key, Math.min(left, conn.pollMs), signal);
    }
  }

  return {
    async acquire(signal, opts) {
      // Reported at once: the slot frees a window after this request actually started.
      void end(await take(signal, opts?.priority === true), "release");
    },
    async lease(signal, opts) {
      const ticket = await take(signal, opts?.priority === true);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        void end(ticket, "release");
      };
    },
  };
}
