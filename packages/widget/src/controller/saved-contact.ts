/**
 * Contact details typed once survive a reload and "Book another appointment": kept in
 * sessionStorage (this tab only, gone when it closes; never localStorage), per clinic, and only the
 * contact fields: never the note, the answers to the clinic's questions, or consent. Cleared after a
 * booking and by "Start again".
 */
import { type DetailsDraft, emptyDetails } from "../internal/details-draft.js";

/** The draft fields that are kept. */
const KEPT = [
  "forWhom",
  "firstName",
  "lastName",
  "day",
  "month",
  "year",
  "email",
  "mobile",
  "carerFirstName",
  "carerLastName",
  "relationship",
] as const satisfies readonly (keyof DetailsDraft)[];

const keyFor = (clinic: string) => `coreplus-booking:${clinic}:contact`;

/** sessionStorage, or undefined where it is blocked (some privacy modes throw on access). */
function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Keeps the contact fields of `d` for this tab. */
export function saveContact(clinic: string, d: DetailsDraft): void {
  const kept: Partial<Record<(typeof KEPT)[number], string>> = {};
  for (const k of KEPT) if (d[k]) kept[k] = d[k];
  try {
    storage()?.setItem(keyFor(clinic), JSON.stringify(kept));
  } catch {
    // Full or blocked storage: the form still works, it just won't survive a reload.
  }
}

/** The kept contact fields over a blank draft, or undefined when nothing was kept. */
export function loadContact(clinic: string): DetailsDraft | undefined {
  let saved: unknown;
  try {
    saved = JSON.parse(storage()?.getItem(keyFor(clinic)) ?? "null");
  } catch {
    return undefined;
  }
  if (!saved || typeof saved !== "object") return undefined;
  const d: DetailsDraft = emptyDetails();
  for (const k of KEPT) {
    const v = (saved as Record<string, unknown>)[k];
    if (typeof v !== "string") continue;
    if (k === "forWhom") d.forWhom = v === "other" ? "other" : "me";
    else d[k] = v;
  }
  return d;
}

/** Whether anything was typed into `d` (a blank draft is not). */
export function edited(d: DetailsDraft): boolean {
  return JSON.stringify(d) !== JSON.stringify(emptyDetails());
}

/** Forgets the kept contact details. */
export function clearContact(clinic: string): void {
  try {
    storage()?.removeItem(keyFor(clinic));
  } catch {
    // Nothing to clear.
  }
}

/**
 * The draft for "Book another appointment": the same contact details, arranged for whom the next
 * booking is. For me again, the person who booked last time is the patient; for someone else, they
 * are the carer and the patient's own fields start blank.
 */
export function draftForAnother(last: DetailsDraft, forWhom: DetailsDraft["forWhom"]): DetailsDraft {
  const d = emptyDetails();
  d.forWhom = forWhom;
  d.email = last.email;
  d.mobile = last.mobile;
  const wasOther = last.forWhom === "other";
  const you = wasOther
    ? { firstName: last.carerFirstName, lastName: last.carerLastName }
    : { firstName: last.firstName, lastName: last.lastName };
  if (forWhom === "me") {
    Object.assign(d, you);
    if (!wasOther) Object.assign(d, { day: last.day, month: last.month, year: last.year });
  } else {
    d.carerFirstName = you.firstName;
    d.carerLastName = you.lastName;
    if (wasOther) d.relationship = last.relationship;
  }
  return d;
}
