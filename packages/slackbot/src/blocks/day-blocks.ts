/**
 * Block Kit for a day of appointments. Pure functions: a DayAnswer in, messages out, always within
 * Slack's limits (50 blocks a message, 3000 characters a text, five messages per response URL). A
 * long day is first written compactly, then split, and at worst summarised per practitioner.
 */
import type { types } from "@slack/bolt";
import { isCancelled } from "../day/build-day.js";
import type { DayAnswer, DayAppointment, DayGap, PractitionerDay } from "../types.js";
import { escapeMrkdwn as esc, longDate, plural, truncate, zoneLabel } from "./format.js";

type KnownBlock = types.KnownBlock;

/** A message for `respond()`: fallback text (no patient data) and blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Slack's limit of blocks in one message. */
export const MAX_BLOCKS_PER_MESSAGE = 50;
/** Slack accepts five messages through one response URL. */
export const MAX_MESSAGES_PER_RESPONSE_URL = 5;
/** Slack's limit for a section's text. */
export const MAX_SECTION_TEXT = 3000;
const MAX_HEADER_TEXT = 150;
const MAX_FIELD = 80;

/** How densely a day is written. */
export type DayLayout = "detailed" | "compact" | "summary";

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const context = (text: string): KnownBlock => ({ type: "context", elements: [{ type: "mrkdwn", text }] });
const header = (text: string): KnownBlock => ({
  type: "header",
  text: { type: "plain_text", text: truncate(text, MAX_HEADER_TEXT), emoji: false },
});

function totals(answer: DayAnswer): { active: number; cancelled: number } {
  let active = 0;
  let cancelled = 0;
  for (const day of answer.days) {
    active += day.activeCount;
    cancelled += day.cancelledCount;
  }
  return { active, cancelled };
}

function countText(active: number, cancelled: number): string {
  const base = plural(active, "appointment");
  return cancelled > 0 ? `${base} (${cancelled} cancelled)` : base;
}

/** Fallback text for notifications and screen readers: date, whose day, count. No patient data. */
export function dayFallbackText(answer: DayAnswer): string {
  const { active, cancelled } = totals(answer);
  const who = answer.scope.kind === "all" ? "all practitioners" : answer.scope.practitioner.name;
  return `${longDate(answer.date)} · ${who}: ${countText(active, cancelled)}`;
}

/**
 * The zone times are written against: when every appointment is in one zone, that zone (said once in
 * the summary, not on every line); when they mix zones, the bot's, and the others are marked per line.
 */
export function referenceZone(answer: DayAnswer): string {
  const zones = new Set<string>();
  for (const day of answer.days) {
    for (const item of day.items) if (item.kind === "appointment") zones.add(item.appointment.zone);
  }
  return zones.size === 1 ? [...zones][0]! : answer.zone;
}

function summaryLine(answer: DayAnswer): string {
  const { active, cancelled } = totals(answer);
  const at = answer.location ? ` · at ${esc(answer.location.name)}` : "";
  const ref = referenceZone(answer);
  const zoneNote = ref === answer.zone ? "" : ` · times in ${zoneLabel(ref)}`;
  if (answer.scope.kind === "all") {
    const across = answer.days.length > 0 ? ` across ${plural(answer.days.length, "practitioner")}` : "";
    return `*All practitioners*${at} · ${countText(active, cancelled)}${across}${zoneNote}`;
  }
  return `*${esc(answer.scope.practitioner.name)}*${at} · ${countText(active, cancelled)}${zoneNote}`;
}

function timeRange(a: DayAppointment, zone: string): string {
  const note = a.zone === zone ? "" : ` _(${zoneLabel(a.zone)})_`;
  return `\`${a.startTime}–${a.endTime}\`${note}`;
}

/** One appointment, detailed: two lines, cancelled ones struck through. */
export function appointmentText(a: DayAppointment, zone: string): string {
  const type = esc(truncate(a.typeName, MAX_FIELD));
  const patient = esc(truncate(a.patient, MAX_FIELD));
  const location = esc(truncate(a.locationName, MAX_FIELD));
  if (isCancelled(a.status)) {
    return `~${a.startTime}–${a.endTime}  ${type} · ${patient}~\n${location} · *Cancelled*`;
  }
  return `${timeRange(a, zone)}  *${type}* · ${patient}\n${location} · ${esc(a.status)}`;
}

/** One appointment on one line, for long days. */
export function appointmentLine(a: DayAppointment, zone: string): string {
  const type = esc(truncate(a.typeName, MAX_FIELD));
  const patient = esc(truncate(a.patient, MAX_FIELD));
  const location = esc(truncate(a.locationName, MAX_FIELD));
  if (isCancelled(a.status))
    return `~${a.startTime}–${a.endTime} ${type} · ${patient} · ${location}~ *Cancelled*`;
  return `${timeRange(a, zone)} ${type} · ${patient} · ${location} · ${esc(a.status)}`;
}

/** "free 11:00–12:00". */
export function gapText(gap: DayGap): string {
  return `free ${gap.startTime}–${gap.endTime}`;
}

function practitionerHeading(day: PractitionerDay): string {
  return `*${esc(day.practitioner.name)}* · ${countText(day.activeCount, day.cancelledCount)}`;
}

/** Packs lines into as few sections as fit the text limit. */
function packLines(lines: string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = "";
  for (const line of lines) {
    const next = current === "" ? line : `${current}\n${line}`;
    if (next.length > MAX_SECTION_TEXT && current !== "") {
      blocks.push(section(current));
      current = line;
    } else {
      current = next;
    }
  }
  if (current !== "") blocks.push(section(current));
  return blocks;
}

function dayGroup(day: PractitionerDay, answer: DayAnswer, layout: DayLayout): KnownBlock[] {
  const showHeading = answer.scope.kind === "all";
  const zone = referenceZone(answer);
  if (layout === "summary") {
    const appts = day.items.flatMap((i) => (i.kind === "appointment" ? [i.appointment] : []));
    const active = appts.filter((a) => !isCancelled(a.status));
    const first = active[0];
    const last = active[active.length - 1];
    const span = first && last ? `, ${first.startTime}–${last.endTime}` : "";
    return [section(`${practitionerHeading(day)}${span}`)];
  }
  if (layout === "compact") {
    const lines = day.items.map((i) =>
      i.kind === "appointment" ? appointmentLine(i.appointment, zone) : `      _${gapText(i.gap)}_`,
    );
    return packLines(showHeading ? [practitionerHeading(day), ...lines] : lines);
  }
  const blocks: KnownBlock[] = showHeading ? [section(practitionerHeading(day))] : [];
  for (const item of day.items) {
    blocks.push(
      item.kind === "appointment"
        ? section(appointmentText(item.appointment, zone))
        : context(`_${gapText(item.gap)}_`),
    );
  }
  return blocks;
}

/** The blocks of a day in one layout, as groups that should stay together (intro first). */
export function dayBlockGroups(answer: DayAnswer, layout: DayLayout): KnownBlock[][] {
  const intro: KnownBlock[] = [header(longDate(answer.date)), section(summaryLine(answer))];
  const { active, cancelled } = totals(answer);
  if (active + cancelled === 0) {
    const at = answer.location ? ` at ${esc(answer.location.name)}` : "";
    intro.push(section(`No appointments on ${longDate(answer.date)}${at}.`));
    return [intro];
  }
  const groups = [
    intro,
    ...answer.days.filter((d) => d.items.length > 0).map((d) => dayGroup(d, answer, layout)),
  ];
  const notes: string[] = [];
  if (answer.unknownPatients > 0)
    notes.push(`${plural(answer.unknownPatients, "patient")} could not be looked up.`);
  if (layout === "summary")
    notes.push("Too many appointments to list here: ask for one practitioner to see each one.");
  if (notes.length > 0) groups.push([context(notes.join(" "))]);
  return groups;
}

/** Splits groups into pages of at most `maxBlocks`, keeping groups whole where they fit. */
export function paginate(groups: KnownBlock[][], maxBlocks: number): KnownBlock[][] {
  const pages: KnownBlock[][] = [];
  let page: KnownBlock[] = [];
  for (const group of groups) {
    if (page.length + group.length > maxBlocks && page.length > 0) {
      pages.push(page);
      page = [];
    }
    for (const block of group) {
      if (page.length === maxBlocks) {
        pages.push(page);
        page = [];
      }
      page.push(block);
    }
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Limits for `dayMessages` (Slack's by default). */
export interface DayMessageLimits {
  maxBlocks?: number;
  maxMessages?: number;
}

/**
 * The day as ephemeral messages: detailed when it fits one message, else compact in one, else compact
 * over several, else a per-practitioner summary. Never more than `maxMessages`, never an empty one.
 */
export function dayMessages(answer: DayAnswer, limits: DayMessageLimits = {}): SlackMessage[] {
  const maxBlocks = limits.maxBlocks ?? MAX_BLOCKS_PER_MESSAGE;
  const maxMessages = limits.maxMessages ?? MAX_MESSAGES_PER_RESPONSE_URL;
  const attempts: { layout: DayLayout; allowed: number }[] = [
    { layout: "detailed", allowed: 1 },
    { layout: "compact", allowed: 1 },
    { layout: "compact", allowed: maxMessages },
    { layout: "summary", allowed: maxMessages },
  ];
  for (const { layout, allowed } of attempts) {
    // Pages after the first begin with a line saying what they continue, so leave room for it.
    const pages = paginate(dayBlockGroups(answer, layout), allowed === 1 ? maxBlocks : maxBlocks - 1);
    if (pages.length <= allowed) return toMessages(answer, pages);
  }
  // Even the summary needs more messages than Slack allows (hundreds of practitioners): keep what
  // fits and say so, rather than fail.
  const pages = paginate(dayBlockGroups(answer, "summary"), maxBlocks - 1).slice(0, maxMessages);
  const last = pages[pages.length - 1]!;
  last.splice(
    last.length - 1,
    1,
    context("More practitioners than fit here: add `at <location>` to narrow it."),
  );
  return toMessages(answer, pages);
}

function toMessages(answer: DayAnswer, pages: KnownBlock[][]): SlackMessage[] {
  const text = dayFallbackText(answer);
  return pages.map((blocks, i) =>
    i === 0
      ? { text, blocks }
      : {
          text: `${text} (part ${i + 1} of ${pages.length})`,
          blocks: [context(`${longDate(answer.date)}, continued (${i + 1} of ${pages.length})`), ...blocks],
        },
  );
}

/** The day as blocks for one surface (the App Home tab): the densest layout that fits `maxBlocks`. */
export function dayBlocksWithin(answer: DayAnswer, maxBlocks: number): KnownBlock[] {
  for (const layout of ["detailed", "compact", "summary"] as const) {
    const blocks = dayBlockGroups(answer, layout).flat();
    if (blocks.length <= maxBlocks) return blocks;
  }
  // Even the summary is too long (hundreds of practitioners): keep what fits and say so.
  const blocks = dayBlockGroups(answer, "summary")
    .flat()
    .slice(0, maxBlocks - 1);
  return [...blocks, context("More practitioners than fit here: use `/appointments all`.")];
}
