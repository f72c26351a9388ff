/**
 * What the booking flow's controller and the manage views' share (controller/booking-controller.ts,
 * manage/manage-controller.ts): a state only their transitions change, the host updating only when
 * something really changed; the week of times they show ("today" in the booking's zone, the last
 * bookable day, the week arrows, "Next available"); focusing by id; and the element's events.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { type CoreplusEventDetails, emitCoreplus } from "../events.js";
import { addDays, type CalendarDate, dateIn, earlier, later } from "../internal/dates.js";

/** What these controllers need of their element. */
export type StateHost = ReactiveControllerHost & {
  readonly datalayer: boolean;
  readonly now: () => Date;
  readonly renderRoot: ParentNode;
  dispatchEvent(event: Event): boolean;
};

/** The part of the state the week of times reads and the week arrows change. */
export interface WeekState {
  weekFrom?: CalendarDate | undefined;
  day?: CalendarDate | undefined;
  notice: string;
}

/** A controller with a state and a week of times; it adds itself to `host`. */
export abstract class StateController<S extends WeekState> implements ReactiveController {
  readonly #host: StateHost;
  #state: S;

  constructor(host: StateHost, state: S) {
    this.#host = host;
    this.#state = state;
    host.addController(this);
  }

  /** The current state (read only: change it through the transitions). */
  get state(): Readonly<S> {
    return this.#state;
  }

  /** After each render: moves focus where the last transition asked. */
  abstract hostUpdated(): void;

  /** The clinic's profile, once loaded (its booking rules). */
  abstract get profile(): { rules: { maxDaysAhead: number } } | undefined;

  /** The zone that decides "today" (the location's), when known. */
  protected abstract get zone(): string | undefined;

  /** Changes state; the host updates only when something really changed. */
  protected set(patch: Partial<S>): void {
    const keys = Object.keys(patch) as (keyof S)[];
    if (keys.every((key) => Object.is(this.#state[key], patch[key]))) return;
    this.#state = { ...this.#state, ...patch };
    this.#host.requestUpdate();
  }

  /** "Today" in the zone, by the host's clock. */
  today(): CalendarDate {
    return dateIn(this.zone ?? "UTC", this.#host.now());
  }

  /** The last day the clinic takes bookings for. */
  lastDay(): CalendarDate {
    return addDays(this.today(), this.profile?.rules.maxDaysAhead ?? 60);
  }

  /** The shown week's last day (never past {@link lastDay}); undefined before a week shows. */
  weekTo(): CalendarDate | undefined {
    const from = this.#state.weekFrom;
    return from && earlier(addDays(from, 6), this.lastDay());
  }

  /** The week arrows: seven days back (never before today) or on. */
  shiftWeek(days: -7 | 7): void {
    const from = this.#state.weekFrom ?? this.today();
    const weekFrom = days < 0 ? later(addDays(from, days), this.today()) : addDays(from, days);
    this.set({ weekFrom, notice: "" } as Partial<S>);
  }

  /** "Next available": that day, in its week. */
  jumpTo(date: CalendarDate): void {
    this.set({ day: date, weekFrom: date, notice: "" } as Partial<S>);
  }

  /** Moves focus to an element of the view by id (the error summary's links). */
  focus(id: string): void {
    this.#host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  protected emit<K extends keyof CoreplusEventDetails>(name: K, detail: CoreplusEventDetails[K]): void {
    emitCoreplus(this.#host, name, detail);
  }
}
