/**
 * The activity channel's messages, as pure functions: a burst of change events becomes one message
 * of short lines, each naming only time, practitioner, location and (per SLACK_SHOW_TYPES) type.
 * Events carry no patient, so no line can name one.
 */
import { formatInZone } from "@coreplus-kit/core";
import type { types } from "@slack/bolt";
import type { SlackMessage } from "../blocks/day-blocks.js";
import { escapeMrkdwn as esc, plural, shortDate } from "../blocks/format.js";
import { sameId, typeLabel } from "../day/build-day.js";
import { shortLocationName } from "../day/location-name.js";
import type { ClinicDirectory } from "../types.js";
import type { ChangeEvent, Slot } from "../watch/changes.js";

/** What a line needs to name things. */
export interface ActivityContext {
  directory: ClinicDirectory;
  showTypes: boolean;
  /** The bot's zone, for a slot whose location is unknown. */
  zone: string;
}

/** Lines per message before the rest is summarised (a section holds 3000 characters). */
const MAX_LINES = 25;

/** "Thu 3 Dec 14:00 with Priya Sharma at Docklands": the location's own zone and short name. */
export function slotText(slot: Slot, ctx: ActivityContext): string {
  const location = ctx.directory.locations.find((l) => sameId(l.id, slot.locationId));
  const zone = location?.zone ?? ctx.zone;
  const local = formatInZone(new Date(slot.start), zone);
  const practitioner =
    ctx.directory.practitioners.find((p) => sameId(p.id, slot.practitionerId))?.name ?? "a practitioner";
  const where = location ? ` at ${esc(shortLocationName(location.name, ctx.directory))}` : "";
  return `${shortDate(local.slice(0, 10))} ${local.slice(11, 16)} with ${esc(practitioner)}${where}`;
}

function typeText(slot: Slot, ctx: ActivityContext): string {
  return esc(typeLabel(ctx.directory, slot.typeId, ctx.showTypes));
}

/** One event as one line; a cancellation is said through its freed slot, so it is not repeated. */
export function eventLine(event: ChangeEvent, ctx: ActivityContext): string | undefined {
  switch (event.kind) {
    case "booked":
      return `:calendar: New booking: ${slotText(event.slot, ctx)} · ${typeText(event.slot, ctx)}`;
    case "moved":
      return `:arrows_counterclockwise: Moved: ${slotText(event.from, ctx)} → ${slotText(event.slot, ctx)} · ${typeText(event.slot, ctx)}`;
    case "freed-slot":
      return `:large_green_circle: ${slotText(event.slot, ctx)} is free again${event.because === "cancelled" ? " (cancelled)" : " (moved)"}`;
    case "cancelled":
      return undefined;
  }
}

/** The message for a burst of events, or undefined when none is worth a line. */
export function activityMessage(
  events: readonly ChangeEvent[],
  ctx: ActivityContext,
): SlackMessage | undefined {
  const lines = events.map((e) => eventLine(e, ctx)).filter((l): l is string => l !== undefined);
  if (lines.length === 0) return undefined;
  const shown = lines.slice(0, MAX_LINES);
  const counts = {
    booked: events.filter((e) => e.kind === "booked").length,
    moved: events.filter((e) => e.kind === "moved").length,
    freed: events.filter((e) => e.kind === "freed-slot").length,
  };
  const summary = [
    counts.booked > 0 ? plural(counts.booked, "new booking") : "",
    counts.moved > 0 ? plural(counts.moved, "move") : "",
    counts.freed > 0 ? plural(counts.freed, "freed slot") : "",
  ]
    .filter(Boolean)
    .join(", ");
  const blocks: types.KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: shown.join("\n") } }];
  if (lines.length > shown.length)
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `…and ${plural(lines.length - shown.length, "more change")}.` }],
    });
  // Fallback text (notifications): the first line alone when there is one, else the counts.
  const text = (lines.length === 1 ? shown[0]! : summary).replace(/:[a-z_]+: /g, "");
  return { text, blocks };
}

/** The edge API's `booking-rate` alert as a channel message. */
export function bookingRateMessage(alert: {
  clinic: string;
  count: number;
  limit: number;
  windowMinutes: number;
}): SlackMessage {
  const text =
    `:rotating_light: Online bookings for ${esc(alert.clinic)} reached ${alert.count} in the last ` +
    `${alert.windowMinutes} minutes (the limit is ${alert.limit}): further online bookings are refused for now. ` +
    "If this is not a busy day, someone may be flooding the booking page.";
  return {
    text: text.replace(/:[a-z_]+: /g, ""),
    blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
  };
}
