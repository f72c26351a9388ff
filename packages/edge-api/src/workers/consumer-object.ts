/**
 * ConsumerDurableObject: one per coreplus consumer (base URL + consumer id), shared by every clinic,
 * isolate and edge location that uses the consumer. It hands out request start times so that no
 * more than `limit` requests start in any `windowMs`, whoever sends them.
 *
 * The schedule is a sliding window over `limit` slots, like core's in-process limiter: each start
 * takes the slot that frees first. Callers wait in their own isolate until their start time, so the
 * object answers at once instead of holding a connection per queued request, except when every slot
 * is leased: then it answers as soon as a lease is released.
 *
 * Every start leases its slot until the caller reports back (core's client: when the response is
 * in; a plain `acquire`: when it actually started), and the slot frees a window after that report.
 * So two requests sharing a slot are a window apart as they happen, not merely as scheduled, whatever
 * the latency between an edge location, this object and coreplus, or a busy caller's event loop.
 * The slots are stored on every change, so a restart cannot forget starts already promised.
 *
 * The priority lane (as core's limiter): with `reserved` slots, an ordinary request (a read) starts only
 * while more than `reserved` slots are free now, and queued ordinary requests start at least
 * `windowMs / (limit - reserved)` apart, so that slots free evenly; queued priority requests
 * (bookings, cancels, reschedules) are served first and may be promised a slot's next start.
 */
import { DurableObject } from "cloudflare:workers";
import type { BudgetRequest, BudgetReservation, BudgetTicket, ConsumerObjectRpc } from "./protocol.js";

interface Hold {
  id: string;
  /** A lease not released by then (its isolate vanished) is released then. */
  until: number;
  timer: ReturnType<typeof setTimeout>;
}

interface Waiter {
  req: BudgetRequest;
  deadline: number;
  resolve: (r: BudgetReservation) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** The per-consumer Durable Object. */
export class ConsumerDurableObject extends DurableObject<unknown> implements ConsumerObjectRpc {
  readonly #sql: SqlStorage;
  /** When each slot may start a request again (epoch ms); +Infinity while leased. */
  #freeAt: number[];
  readonly #holds = new Map<number, Hold>();
  readonly #queue: Waiter[] = [];
  #windowMs = 1000;
  #reserved = 0;
  /** The last ordinary start (epoch ms), for the pace of queued ordinary requests. */
  #lastOrdinaryAt = Number.NEGATIVE_INFINITY;
  #drainTimer: ReturnType<typeof setTimeout> | undefined;

  // The objects read no bindings (their env is the Worker's, typed in env.ts, which names them).
  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    this.#sql.exec("CREATE TABLE IF NOT EXISTS budget (id INTEGER PRIMARY KEY, free_at TEXT NOT NULL)");
    const row = this.#sql.exec<{ free_at: string }>("SELECT free_at FROM budget WHERE id = 1").toArray()[0];
    this.#freeAt = row ? (JSON.parse(row.free_at) as number[]) : [];
  }

  /**
   * Promises the earliest start the budget allows and leases its slot: the slot stays taken until
   * {@link release} (or `holdMs` after the start). Refuses when the start would be more than
   * `maxWaitMs` away.
   */
  async reserve(req: BudgetRequest): Promise<BudgetReservation> {
    this.#fit(req.limit, req.windowMs);
    this.#reserved = Math.min(req.reserved ?? 0, req.limit - 1);
    const now = Date.now();
    const mayGoNow = req.priority
      ? !this.#queue.some((w) => w.req.priority)
      : this.#queue.length === 0 && this.#ordinaryFrom(false) <= now;
    if (mayGoNow) {
      const slot = this.#earliestSlot();
      if (slot !== undefined) return this.#grant(slot, req, now, now + req.maxWaitMs);
    }
    if (!req.priority && this.#reserved > 0) {
      // An ordinary request that would wait longer than it may, behind the reserve, the pace and the
      // ordinary requests queued before it, is refused at once rather than queued.
      const ahead = this.#queue.filter((w) => !w.req.priority).length;
      const from = Math.max(now, this.#ordinaryFrom(true)) + ahead * this.#pace();
      if (from !== Number.POSITIVE_INFINITY && from - now > req.maxWaitMs)
        return { granted: false, retryAfterMs: from - now };
    }
    // Every slot is leased (or others queue already): wait for a release, first come first served
    // within each lane.
    return new Promise<BudgetReservation>((resolve) => {
      const deadline = Date.now() + req.maxWaitMs;
      const waiter: Waiter = {
        req,
        deadline,
        resolve,
        timer: setTimeout(() => {
          const i = this.#queue.indexOf(waiter);
          if (i >= 0) this.#queue.splice(i, 1);
          resolve({ granted: false, retryAfterMs: this.#windowMs });
        }, req.maxWaitMs),
      };
      this.#queue.push(waiter);
      // A priority waiter may go before a timed ordinary one; an ordinary one may only need time.
      this.#replan();
    });
  }

  /** The response of a leased request is in: its slot frees a window from now. */
  async release(ticket: BudgetTicket): Promise<void> {
    const hold = this.#holds.get(ticket.slot);
    if (!hold || hold.id !== ticket.id) return;
    this.#unhold(ticket.slot, Date.now() + this.#windowMs);
  }

  /** Hands back a start the caller will not use (it gave up waiting before it). */
  async cancel(ticket: BudgetTicket): Promise<boolean> {
    const hold = this.#holds.get(ticket.slot);
    if (!hold || hold.id !== ticket.id) return false;
    const now = Date.now();
    this.#unhold(ticket.slot, ticket.startAt > now ? ticket.previousFreeAt : now + this.#windowMs);
    return true;
  }

  #grant(slot: number, req: BudgetRequest, now: number, deadline: number): BudgetReservation {
    const previousFreeAt = this.#freeAt[slot] as number;
    const startAt = Math.max(now, previousFreeAt);
    if (startAt > deadline) return { granted: false, retryAfterMs: startAt - now };
    if (!req.priority) this.#lastOrdinaryAt = startAt;
    const id = crypto.randomUUID();
    const until = startAt + req.holdMs;
    this.#freeAt[slot] = Number.POSITIVE_INFINITY;
    this.#holds.set(slot, {
      id,
      until,
      timer: setTimeout(() => this.#unhold(slot, until + this.#windowMs), until - now),
    });
    this.#save();
    return { granted: true, waitMs: startAt - now, ticket: { id, slot, startAt, previousFreeAt } };
  }

  #unhold(slot: number, freeAt: number): void {
    const hold = this.#holds.get(slot);
    if (hold) clearTimeout(hold.timer);
    this.#holds.delete(slot);
    this.#freeAt[slot] = freeAt;
    this.#save();
    this.#replan();
  }

  #replan(): void {
    if (this.#drainTimer !== undefined) clearTimeout(this.#drainTimer);
    this.#drainTimer = undefined;
    this.#drain();
  }

  /**
   * Serves queued callers while a slot is free of leases: the first priority waiter, else the first
   * ordinary one once {@link #ordinaryFrom} allows (a timer wakes the queue then).
   */
  #drain(): void {
    this.#drainTimer = undefined;
    while (this.#queue.length > 0) {
      const slot = this.#earliestSlot();
      if (slot === undefined) return;
      const first = this.#queue.findIndex((w) => w.req.priority);
      const index = Math.max(first, 0);
      const now = Date.now();
      if (first < 0) {
        const from = this.#ordinaryFrom(true);
        if (from === Number.POSITIVE_INFINITY) return; // leases hold all but the reserve; a release wakes us
        if (from > now) {
          this.#drainTimer = setTimeout(() => this.#drain(), Math.ceil(from - now));
          return;
        }
      }
      const waiter = this.#queue.splice(index, 1)[0] as Waiter;
      clearTimeout(waiter.timer);
      waiter.resolve(this.#grant(slot, waiter.req, now, waiter.deadline));
    }
  }

  /**
   * When an ordinary request may start (epoch ms): with no reserve, at once (it is promised the
   * earliest slot's next start); with one, once more than `reserved` slots are free (+Infinity while
   * leases hold too many), and for a queued request also the pace after the last ordinary start.
   */
  #ordinaryFrom(queued: boolean): number {
    if (this.#reserved === 0) return Number.NEGATIVE_INFINITY;
    const free = [...this.#freeAt].sort((a, b) => a - b)[this.#reserved] ?? Number.POSITIVE_INFINITY;
    return queued ? Math.max(free, this.#lastOrdinaryAt + this.#pace()) : free;
  }

  /** How far apart queued ordinary requests start. */
  #pace(): number {
    return this.#windowMs / (this.#freeAt.length - this.#reserved);
  }

  /** The unleased slot that frees first, if any. */
  #earliestSlot(): number | undefined {
    let best: number | undefined;
    for (let i = 0; i < this.#freeAt.length; i++) {
      const t = this.#freeAt[i] as number;
      if (t !== Number.POSITIVE_INFINITY && (best === undefined || t < (this.#freeAt[best] as number)))
        best = i;
    }
    return best;
  }

  /** Adapts the slots to the caller's budget; a change never frees a slot earlier than promised. */
  #fit(limit: number, windowMs: number): void {
    this.#windowMs = windowMs;
    if (this.#freeAt.length === limit) return;
    let latest = 0;
    for (let i = 0; i < this.#freeAt.length; i++) {
      const hold = this.#holds.get(i);
      latest = Math.max(latest, hold ? hold.until + windowMs : (this.#freeAt[i] as number));
      if (hold) clearTimeout(hold.timer);
    }
    this.#holds.clear();
    this.#freeAt = new Array<number>(limit).fill(latest);
  }

  /** Stores the slots; a leased one as free a window after its lease would run out (a restart forgets leases). */
  #save(): void {
    const slots = this.#freeAt.map((t, i) => {
      const hold = this.#holds.get(i);
      return hold ? hold.until + this.#windowMs : t;
    });
    this.#sql.exec("INSERT OR REPLACE INTO budget (id, free_at) VALUES (1, ?)", JSON.stringify(slots));
  }
}
