/**
 * The date and time step: a week of days (days without times shown but disabled), that day's times
 * as pills under Morning / Afternoon / Evening, the zone line, and "Next available" when empty. It
 * reads a {@link WeekFlow} (the booking flow's and the manage views' controllers are both one), so the
 * two callers hand it the same few things.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { AvailabilityResponse, PublicSlot } from "../api/types.js";
import {
  addDays,
  type CalendarDate,
  dateFormat,
  dayParts,
  formatTime,
  sameOffset,
  shortDay,
  toUtcNoon,
  visitorZone,
  zoneAbbreviation,
  zoneCity,
} from "../internal/dates.js";
import { countTimes, groupSlots } from "../internal/slots.js";
import { TaskStatus } from "../internal/task.js";
import type { FirstMessages } from "../messages/first-screen.js";
import { type Loadable, problem } from "../view/problem.js";

/** A flow that shows a week of times: the booking controller, the manage controller. */
export interface WeekFlow {
  readonly state: {
    readonly weekFrom?: CalendarDate | undefined;
    readonly day?: CalendarDate | undefined;
    readonly chosen?: PublicSlot | undefined;
    readonly notice: string;
  };
  today(): CalendarDate;
  lastDay(): CalendarDate;
  /** The shown week's last day (undefined before a week is shown). */
  weekTo(): CalendarDate | undefined;
  /** The week arrows. */
  shiftWeek(days: -7 | 7): void;
  pickDay(date: CalendarDate): void;
  pickSlot(slot: PublicSlot): void;
  /** "Next available". */
  jumpTo(date: CalendarDate): void;
}

/** What the parts of the step read. */
interface TimeStepProps {
  c: WeekFlow;
  m: FirstMessages;
  locale: string;
  timezone: string;
  from: CalendarDate;
  to: CalendarDate;
  /** Undefined while loading. */
  data: AvailabilityResponse | undefined;
  contact: string | undefined;
}

/**
 * Renders the step body for `c`, its times from `task` (a failed load shows with "Try again");
 * `zone` is the location's until the times name theirs, `contact` the phone line for failures.
 */
export function timeStep(
  c: WeekFlow,
  task: Loadable<AvailabilityResponse>,
  m: FirstMessages,
  locale: string,
  zone: string,
  contact: string | undefined,
): TemplateResult {
  const s = c.state;
  const today = c.today();
  const from = s.weekFrom ?? today;
  const to = c.weekTo() ?? from;
  const data = task.status === TaskStatus.COMPLETE ? task.value : undefined;
  const p: TimeStepProps = { c, m, locale, timezone: task.value?.timezone ?? zone, from, to, data, contact };
  const dates = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  const range = dateFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).formatRange(
    toUtcNoon(from),
    toUtcNoon(to),
  );
  return html`
    ${s.notice ? html`<p class="notice" part="notice">${s.notice}</p>` : nothing}
    <div class="time-layout">
      <div>
        <div class="week-nav">
          <button type="button" class="icon" part="secondary-button" aria-label=${m.earlier} ?disabled=${from <= today} @click=${() => c.shiftWeek(-7)}>
            <span aria-hidden="true">‹</span>
          </button>
          <span class="range">${range}</span>
          <button type="button" class="icon" part="secondary-button" aria-label=${m.later} ?disabled=${addDays(from, 7) > c.lastDay()} @click=${() => c.shiftWeek(7)}>
            <span aria-hidden="true">›</span>
          </button>
        </div>
        <ul class="days" role="list" aria-label=${m.days} aria-busy=${String(!data)}>
          ${dates.map((date) => dayButton(p, date))}
        </ul>
      </div>
      <div>${task.status === TaskStatus.ERROR ? problem(task.error, () => task.run(), m, contact) : times(p)}</div>
    </div>
    <p class="zone">${zoneLine(p)}</p>
  `;
}

function dayButton(p: TimeStepProps, date: CalendarDate): TemplateResult {
  const parts = dayParts(date, p.locale);
  const inRange = date <= p.to;
  const day = p.data?.days.find((d) => d.date === date);
  const n = countTimes(day);
  return html`<li>
    <button
      type="button"
      class="day"
      part="day"
      aria-pressed=${String(p.c.state.day === date)}
      ?disabled=${!p.data || !inRange || n === 0}
      @click=${() => p.c.pickDay(date)}
    >
      <span>${parts.weekday}</span>
      <span class="dn">${parts.day}</span>
      <span>${parts.month}</span>
      <span class="count"><span class="sr-only">, </span>${p.data ? (inRange ? p.m.dayTimes(n) : "") : p.m.loading}</span>
    </button>
  </li>`;
}

function times(p: TimeStepProps): TemplateResult {
  const { m } = p;
  if (!p.data) {
    return html`<div class="times" aria-hidden="true">
      <div class="skeleton line"></div>
      <div class="pills">${Array.from({ length: 6 }, () => html`<div class="pill skeleton"></div>`)}</div>
    </div>`;
  }
  const day = p.data.days.find((d) => d.date === p.c.state.day);
  if (!day || day.slots.length === 0) {
    const next = p.data.nextAvailable;
    return html`<div>
      <p>${m.noTimesInRange(shortDay(p.from, p.locale), shortDay(p.to, p.locale))}</p>
      ${
        next && next > p.to
          ? html`<button type="button" class="secondary" part="secondary-button" @click=${() => p.c.jumpTo(next)}>
            ${m.nextAvailable(shortDay(next, p.locale))}
          </button>`
          : html`<p>${m.noTimesAhead}${p.contact ? ` ${m.callInstead(p.contact)}` : ""}</p>`
      }
    </div>`;
  }
  return html`<div class="times">
    ${groupSlots(day.slots, p.timezone).map(
      (group) => html`<div role="group" aria-labelledby="period-${group.period}">
        <h3 id="period-${group.period}">${m.period[group.period]}</h3>
        <ul class="pills" role="list">
          ${group.slots.map(
            (slot) => html`<li>
              <button
                type="button"
                class="pill"
                part="time"
                aria-pressed=${String(p.c.state.chosen?.start === slot.start)}
                @click=${() => p.c.pickSlot(slot)}
              >
                ${formatTime(slot.start, p.locale, p.timezone)}
              </button>
            </li>`,
          )}
        </ul>
      </div>`,
    )}
  </div>`;
}

/** "Times are in Melbourne time (AEDT)." plus the visitor's own zone when its offset differs. */
function zoneLine(p: Pick<TimeStepProps, "m" | "locale" | "timezone" | "from">): string {
  const instant = toUtcNoon(p.from);
  const name = (zone: string) => p.m.zoneName(zoneCity(zone), zoneAbbreviation(zone, p.locale, instant));
  const line = p.m.zoneLine(name(p.timezone));
  const mine = visitorZone();
  return mine && !sameOffset(mine, p.timezone, instant) ? `${line} ${p.m.visitorZone(name(mine))}` : line;
}
