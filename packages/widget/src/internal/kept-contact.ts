/**
 * Contact details typed once survive a reload and "Book another appointment" (ux.md "Not losing
 * progress"): kept in sessionStorage (this tab only, gone when it closes; never localStorage), per
 * clinic, and only who it is for, the names, the date of birth, email and mobile, and the carer's
 * name and relationship: never the note, the answers to the clinic's questions, or consent. Cleared
 * after a booking and by "Start again".
 */
import type { DetailsDraft } from "./details-draft.js";

/** The draft fields that are kept. */
const KEPT = [
  "forWhom",
  "firstName",
  "lastName",
  "day",
  "month",
  "year",
  "carerFirstName",
  "carerLastName",
  "relationship",
  "email",
  "mobile",
] as const;

const keyFor = (clinic: string) => `coreplus-booking:${clinic}:contact`;

/** The kept fields of `clinic` (strings only), or an empty object; never throws (storage may be blocked). */
export function loadContact(clinic: string): Partial<DetailsDraft> {
  const kept: Record<string, string> = {};
  try {
    const saved = JSON.parse(sessionStorage.getItem(keyFor(clinic)) ?? "{}") as Record<string, unknown>;
    for (const k of KEPT) if (typeof saved[k] === "string") kept[k] = saved[k];
  } catch {
    // Blocked or unreadable storage: nothing was kept.
  }
  return kept;
}

/** Keeps the contact fields of `d` for this tab (a draft without any removes what was kept). */
export function keepContact(clinic: string, d: DetailsDraft): void {
  const kept: Record<string, string> = {};
  for (const k of KEPT) if (d[k]) kept[k] = d[k];
  try {
    if (Object.keys(kept).length) sessionStorage.setItem(keyFor(clinic), JSON.stringify(kept));
    else sessionStorage.removeItem(keyFor(clinic));
  } catch {
    // Full or blocked storage: the form still works, it just won't survive a reload.
  }
}

/**
 * The draft for "Book another appointment", answered "For you again, or someone else?": the same
 * email and mobile, and the visitor's own name (the patient's last time, or the carer's when that was
 * for someone else) as the patient's or as the carer's; a date of birth only when it was theirs.
 * `blank` is the fresh flow's empty draft.
 */
export function draftForAnother(
  last: DetailsDraft,
  forWhom: "me" | "other",
  blank: DetailsDraft,
): DetailsDraft {
  const wasOther = last.forWhom === "other";
  const first = wasOther ? last.carerFirstName : last.firstName;
  const family = wasOther ? last.carerLastName : last.lastName;
  const d: DetailsDraft = { ...blank, email: last.email, mobile: last.mobile };
  if (forWhom === "other") return { ...d, forWhom, carerFirstName: first ?? "", carerLastName: family ?? "" };
  return {
    ...d,
    firstName: first ?? "",
    lastName: family ?? "",
    ...(wasOther ? {} : { day: last.day, month: last.month, year: last.year }),
  };
}
