/**
 * Everyone's day for reception, as one glance: per practitioner the count, first and last time and
 * the gaps, in a Block Kit table (the installed @slack/types has `table`), and a button per
 * practitioner (a menu when there are many) to open one practitioner's full day. Pure functions.
 */
import type { types } from "@slack/bolt";
import { isCancelled } from "../day/build-day.js";
import type { DayAnswer, PractitionerDay } from "../types.js";
import { dayBlockGroups, type SlackMessage } from "./day-blocks.js";
import { escapeMrkdwn as esc, longDate, truncate } from "./format.js";

type KnownBlock = types.KnownBlock;

/** The action id of the "show one practitioner's day" menu; its buttons add `:<n>`. */
export const EXPAND_PRACTITIONER_ACTION_ID = "appointments_expand_practitioner";
/** A table holds 100 rows (one is the heading); beyond that the summary is written as sections. */
const MAX_TABLE_ROWS = 99;
/** A static menu holds 100 options. */
const MAX_OPTIONS = 100;

/** What the expand menu's value says: which day, whose, where. */
export interface ExpandValue {
  date: string;
  practitionerId: string;
  locationId?: string;
}

/** Encodes a menu option's value (Slack allows 150 characters; ids are GUIDs). */
export function expandValue(v: ExpandValue): string {
  return JSON.stringify(v.locationId ? [v.date, v.practitionerId, v.locationId] : [v.date, v.practitionerId]);
}

/** Decodes a menu value; undefined when it is not one of ours. */
export function parseExpandValue(raw: string): ExpandValue | undefined {
  try {
    const parts = JSON.parse(raw) as unknown;
    if (!Array.isArray(parts) || parts.length < 2 || parts.some((p) => typeof p !== "string"))
      return undefined;
    const [date, practitionerId, locationId] = parts as string[];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date!)) return undefined;
    return locationId
      ? { date: date!, practitionerId: practitionerId!, locationId }
      : { date: date!, practitionerId: practitionerId! };
  } catch {
    return undefined;
  }
}

/** Count, first and last time, and the gaps of one practitioner's day. */
export function practitionerSummary(day: PractitionerDay): { count: string; span: string; gaps: string } {
  const active = day.items.flatMap((i) =>
    i.kind === "appointment" && !isCancelled(i.appointment.status) ? [i.appointment] : [],
  );
  const gaps = day.items.flatMap((i) => (i.kind === "gap" ? [`${i.gap.startTime}–${i.gap.endTime}`] : []));
  const first = active[0];
  const last = active[active.length - 1];
  const cancelled = day.cancelledCount > 0 ? ` (+${day.cancelledCount} cancelled)` : "";
  return {
    count: `${day.activeCount}${cancelled}`,
    span: first && last ? `${first.startTime}–${last.endTime}` : "—",
    gaps: gaps.length === 0 ? "none" : truncate(gaps.join(", "), 200),
  };
}

const cell = (text: string): types.RawTextElement => ({ type: "raw_text", text: text === "" ? "—" : text });

function table(days: PractitionerDay[]): KnownBlock {
  return {
    type: "table",
    column_settings: [{ is_wrapped: true }, { align: "right" }, {}, { is_wrapped: true }],
    rows: [
      [cell("Practitioner"), cell("Appointments"), cell("First–last"), cell("Free")],
      ...days.map((d) => {
        const s = practitionerSummary(d);
        return [cell(truncate(d.practitioner.name, 80)), cell(s.count), cell(s.span), cell(s.gaps)];
      }),
    ],
  };
}

function sections(days: PractitionerDay[]): KnownBlock[] {
  const lines = days.map((d) => {
    const s = practitionerSummary(d);
    return `*${esc(d.practitioner.name)}* · ${s.count} · ${s.span} · free ${s.gaps}`;
  });
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < lines.length && blocks.length < 40; i += 20)
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: truncate(lines.slice(i, i + 20).join("\n"), 3000) },
    });
  return blocks;
}

/** Up to this many practitioners get a button each; more get one menu. */
const MAX_BUTTONS = 10;

function expandControls(answer: DayAnswer, days: PractitionerDay[]): KnownBlock {
  const menuValue = (d: PractitionerDay): string =>
    expandValue({
      date: answer.date,
      practitionerId: d.practitioner.id,
      ...(answer.location ? { locationId: answer.location.id } : {}),
    });
  const label = (d: PractitionerDay) => ({
    type: "plain_text" as const,
    text: truncate(d.practitioner.name, 75),
    emoji: false,
  });
  if (days.length <= MAX_BUTTONS) {
    return {
      type: "actions",
      block_id: "appointments_expand",
      elements: days.map((d, i) => ({
        type: "button" as const,
        // Action ids must differ within a block; the listener matches them by prefix.
        action_id: `${EXPAND_PRACTITIONER_ACTION_ID}:${i}`,
        text: label(d),
        value: menuValue(d),
      })),
    };
  }
  return {
    type: "actions",
    block_id: "appointments_expand",
    elements: [
      {
        type: "static_select",
        action_id: EXPAND_PRACTITIONER_ACTION_ID,
        placeholder: { type: "plain_text", text: "Show one practitioner's day", emoji: false },
        options: days.slice(0, MAX_OPTIONS).map((d) => ({ text: label(d), value: menuValue(d) })),
      },
    ],
  };
}

/**
 * Everyone's day as a summary: the heading and totals of the full answer, then one row per
 * practitioner with appointments, and the menu to expand one. No patient appears in it.
 */
export function allSummaryMessage(answer: DayAnswer): SlackMessage {
  const intro = dayBlockGroups(answer, "summary")[0] ?? [];
  const days = answer.days.filter((d) => d.items.length > 0);
  const text = `${longDate(answer.date)} · all practitioners`;
  if (days.length === 0) return { text, blocks: intro };
  const body = days.length <= MAX_TABLE_ROWS ? [table(days)] : sections(days);
  return { text, blocks: [...intro, ...body, expandControls(answer, days)] };
}
