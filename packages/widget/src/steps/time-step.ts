/**
 * The date and time step: a week of days (days without times shown but disabled), that day's times
 * as pills under Morning / Afternoon / Evening, the zone line, and "Next available" when empty.
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
import type { FirstMessages } from "../messages/first-screen.js";

/** Everything the time step shows and the handlers it calls. */
export interface TimeStepProps {
  m: FirstMessages;
  locale: string;
  timezone: string;
  from: CalendarDate;
  to: CalendarDate;
  canEarlier: boolean;
  canLater: boolean;
  /** Undefined while loading. */
  data: AvailabilityResponse | undefined;
  /** Set when loading failed: replaces the times with this template. */
  failure: TemplateResult | undefined;
  day: CalendarDate | undefined;
  slot: PublicSlot | undefined;
  notice: string;
  contact: string | undefined;
  onEarlier(): void;
  onLater(): void;
  onDay(date: CalendarDate): void;
  onSlot(slot: PublicSlot): void;
  onJump(date: CalendarDate): void;
}

/** Renders the step body. */
export function timeStep(p: TimeStepProps): TemplateResult {
  const { m, locale } = p;
  const dates = Array.from({ length: 7 }, (_, i) => addDays(p.from, i));
  const range = dateFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).formatRange(
    toUtcNoon(p.from),
    toUtcNoon(p.to),
  );
  return html`
    ${p.notice ? html`<p class="notice info" part="notice">${p.notice}</p>` : nothing}
    <div class="time-layout">
      <div class="days-col">
        <div class="week-nav">
          <button type="button" class="icon" part="secondary-button" aria-label=${m.earlier} ?disabled=${!p.canEarlier} @click=${p.onEarlier}>
            <span aria-hidden="true">‹</span>
          </button>
          <span class="range">${range}</span>
          <button type="button" class="icon" part="secondary-button" aria-label=${m.later} ?disabled=${!p.canLater} @click=${p.onLater}>
            <span aria-hidden="true">›</span>
          </button>
        </div>
        <ul class="days" role="list" aria-label=${m.days} aria-busy=${p.data ? "false" : "true"}>
          ${dates.map((date) => dayButton(p, date))}
        </ul>
      </div>
      <div class="times-col">${p.failure ?? times(p)}</div>
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
      aria-pressed=${p.day === date ? "true" : "false"}
      ?disabled=${!p.data || !inRange || n === 0}
      @click=${() => p.onDay(date)}
    >
      <span class="wd">${parts.weekday}</span>
      <span class="dn">${parts.day}</span>
      <span class="mo">${parts.month}</span>
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
  const day = p.data.days.find((d) => d.date === p.day);
  if (!day || day.slots.length === 0) {
    const next = p.data.nextAvailable;
    return html`<div class="empty">
      <p>${m.noTimesInRange(shortDay(p.from, p.locale), shortDay(p.to, p.locale))}</p>
      ${
        next && next > p.to
          ? html`<button type="button" class="secondary" part="secondary-button" @click=${() => p.onJump(next)}>
            ${m.nextAvailable(shortDay(next, p.locale))}
          </button>`
          : html`<p>${m.noTimesAhead}${p.contact ? ` ${m.callInstead(p.contact)}` : ""}</p>`
      }
    </div>`;
  }
  return html`<div class="times">
    ${groupSlots(day.slots, p.timezone).map(
      (group) => html`<div class="group" role="group" aria-labelledby="period-${group.period}">
        <h3 id="period-${group.period}" class="period">${m.period[group.period]}</h3>
        <ul class="pills" role="list">
          ${group.slots.map(
            (slot) => html`<li>
              <button
                type="button"
                class="pill"
                part="time"
                aria-pressed=${p.slot?.start === slot.start ? "true" : "false"}
                @click=${() => p.onSlot(slot)}
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
export function zoneLine(p: Pick<TimeStepProps, "m" | "locale" | "timezone" | "from">): string {
  const instant = toUtcNoon(p.from);
  const name = (zone: string) => p.m.zoneName(zoneCity(zone), zoneAbbreviation(zone, p.locale, instant));
  const line = p.m.zoneLine(name(p.timezone));
  const mine = visitorZone();
  return mine && !sameOffset(mine, p.timezone, instant) ? `${line} ${p.m.visitorZone(name(mine))}` : line;
}
