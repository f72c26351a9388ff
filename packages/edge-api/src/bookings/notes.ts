/**
 * The appointment's notes for an online booking: one short line per fact (the carer of an existing
 * patient, "seen before", each answer), then the patient's own note and the attribution in whatever
 * room is left, never past coreplus's 300 characters. The facts always fit: a configuration whose
 * longest answers could not is refused at start (see config/questions.ts).
 */
import type { Attribution, BookedBy } from "../schemas/booking-extras.js";
import { RELATIONSHIP_MAX } from "../schemas/booking-extras.js";

/** coreplus keeps at most this many characters of an appointment's notes. */
export const NOTES_MAX = 300;
/** Longest name part the form accepts (BookedBy, BookingPatient). */
const NAME_MAX = 50;

/** An answered question, as it goes into the notes. */
export interface NotedAnswer {
  label: string;
  value: string;
}

/** What an online booking writes into the appointment's notes. */
export interface NotesInput {
  /** The patient's own note. */
  note?: string | undefined;
  /** The carer, when the patient is an existing client (a new one gets a family record instead). */
  carer?: Pick<BookedBy, "firstName" | "lastName" | "relationship"> | undefined;
  returning?: boolean | undefined;
  answers: NotedAnswer[];
  attribution?: Attribution | undefined;
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

const carerLine = (c: NonNullable<NotesInput["carer"]>) =>
  `Booked by ${oneLine(c.firstName)} ${oneLine(c.lastName)} (${oneLine(c.relationship)})`;
const returningLine = (returning: boolean) => `Seen before: ${returning ? "yes" : "no"}`;
const answerLine = (label: string, value: string) => {
  const l = oneLine(label);
  return `${l}${/[?:]$/.test(l) ? "" : ":"} ${oneLine(value)}`;
};
const attributionLine = (a: Attribution) =>
  `Via ${[a.source, a.medium, a.campaign].map((v) => oneLine(v ?? "") || "-").join(" / ")}`;

/** The notes text, at most {@link NOTES_MAX} characters. */
export function composeNotes(input: NotesInput): string {
  const facts: string[] = [];
  if (input.carer) facts.push(carerLine(input.carer));
  if (input.returning !== undefined) facts.push(returningLine(input.returning));
  for (const a of input.answers) facts.push(answerLine(a.label, a.value));
  const lines = [...facts];
  let room = NOTES_MAX - joinedLength(lines);
  const note = oneLine(input.note ?? "");
  if (note) {
    const fitted = fit(note, room - (lines.length > 0 ? 1 : 0));
    if (fitted) {
      lines.unshift(fitted);
      room = NOTES_MAX - joinedLength(lines);
    }
  }
  const a = input.attribution;
  if (a && (a.source || a.medium || a.campaign)) {
    const fitted = fit(attributionLine(a), room - (lines.length > 0 ? 1 : 0));
    if (fitted) lines.push(fitted);
  }
  // The facts fit by configuration; this guards against a configuration built in code.
  return lines.join("\n").slice(0, NOTES_MAX);
}

/** The length of the facts at their longest, against {@link NOTES_MAX}. */
export function notesWorstCase(questions: readonly { label: string; answerMax: number }[]) {
  const lines = [
    carerLine({
      firstName: "x".repeat(NAME_MAX),
      lastName: "x".repeat(NAME_MAX),
      relationship: "x".repeat(RELATIONSHIP_MAX),
    }),
    returningLine(false),
    ...questions.map((q) => answerLine(q.label, "x".repeat(q.answerMax))),
  ];
  return { length: joinedLength(lines), max: NOTES_MAX };
}

function joinedLength(lines: string[]): number {
  return lines.reduce((n, l) => n + l.length, 0) + Math.max(0, lines.length - 1);
}

/** `s` cut to `room` characters with an ellipsis, or "" when not even a word fits. */
function fit(s: string, room: number): string {
  if (s.length <= room) return s;
  if (room < 12) return "";
  return `${s.slice(0, room - 1).trimEnd()}…`;
}
