/**
 * ConsumerDurableObject: one per coreplus consumer (base URL + consumer id), shared by every clinic,
 * isolate and edge location that uses the consumer. It hands out request start times so that no
 * more than `limit` requests start in any `windowMs`, whoever sends them.
 *
 * The schedule is a sliding window over `limit` slots, like core's in-process limiter: each start
 * takes the slot that frees first and keeps it for a window. Callers wait in their own isolate until
 * their start time, so the object answers at once and never holds a queue of connections. The slots
 * are stored on every reservation, so a restart cannot forget starts already promised.
 */
import { DurableObject } from "cloudflare:workers";
import type { WorkerEnv } from "./env.js";
import type { BudgetRequest, BudgetReservation, BudgetTicket, ConsumerObjectRpc } from "./protocol.js";

/** The per-consumer Durable Object. */
export class ConsumerDurableObject extends DurableObject<WorkerEnv> implements ConsumerObjectRpc {
  readonly #sql: SqlStorage;
  /** When each slot may start a request again (epoch ms). */
  #freeAt: number[];
  #windowMs = 1000;

  constructor(ctx: DurableObjectState, env: WorkerEnv) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    this.#sql.exec("CREATE TABLE IF NOT EXISTS budget (id INTEGER PRIMARY KEY, free_at TEXT NOT NULL)");
    const row = this.#sql.exec<{ free_at: string }>("SELECT free_at FROM budget WHERE id = 1").toArray()[0];
    this.#freeAt = row ? (JSON.parse(row.free_at) as number[]) : [];
  }

  /** Promises the caller the earliest start the budget allows, or refuses if that is too far off. */
  async reserve(req: BudgetRequest): Promise<BudgetReservation> {
    const now = Date.now();
    this.#fit(req.limit, req.windowMs);
    let slot = 0;
    for (let i = 1; i < this.#freeAt.length; i++)
      if ((this.#freeAt[i] as number) < (this.#freeAt[slot] as number)) slot = i;
    const previousFreeAt = this.#freeAt[slot] as number;
    const startAt = Math.max(now, previousFreeAt);
    if (startAt - now > req.maxWaitMs) return { granted: false, retryAfterMs: startAt - now };
    this.#freeAt[slot] = startAt + req.windowMs;
    this.#save();
    return { granted: true, waitMs: startAt - now, ticket: { slot, startAt, previousFreeAt } };
  }

  /**
   * Hands back a start the caller will not use (it gave up waiting). Only the latest start of its
   * slot can be handed back; an earlier one has others scheduled after it and simply lapses.
   */
  async cancel(ticket: BudgetTicket): Promise<boolean> {
    if (this.#freeAt[ticket.slot] !== ticket.startAt + this.#windowMs) return false;
    if (ticket.startAt <= Date.now()) return false;
    this.#freeAt[ticket.slot] = ticket.previousFreeAt;
    this.#save();
    return true;
  }

  /** Adapts the slots to the caller's budget; a change never frees a slot earlier than promised. */
  #fit(limit: number, windowMs: number): void {
    this.#windowMs = windowMs;
    if (this.#freeAt.length === limit) return;
    const latest = this.#freeAt.length > 0 ? Math.max(...this.#freeAt) : Number.NEGATIVE_INFINITY;
    this.#freeAt = new Array<number>(limit).fill(latest);
  }

  #save(): void {
    // -Infinity is not JSON; a slot that was never used is free since the epoch.
    const slots = this.#freeAt.map((t) => (Number.isFinite(t) ? t : 0));
    this.#sql.exec("INSERT OR REPLACE INTO budget (id, free_at) VALUES (1, ?)", JSON.stringify(slots));
  }
}
