/**
 * The details form's draft, its fields and a blank one: what the first screen's state holds. The
 * checks, the field order and the request body (details.ts) load with the later views.
 */

/** What the form holds while the patient types. */
export interface DetailsDraft {
  firstName: string;
  lastName: string;
  day: string;
  month: string;
  year: string;
  email: string;
  mobile: string;
  note: string;
  consent: boolean;
  /** The honeypot: people never see it, so it stays empty. */
  website: string;
  /**
   * "Who is this appointment for?": `other` for someone the visitor cares for (then the names and date
   * of birth above are theirs, email and mobile the carer's). The fields below are absent until typed,
   * so a blank draft stays as small as before.
   */
  forWhom?: "me" | "other";
  carerFirstName?: string;
  carerLastName?: string;
  relationship?: string;
  /** Answers to the clinic's questions, by `q:` and the question's id (never kept in the browser). */
  [answer: `q:${string}`]: string | undefined;
}

/** The `prefill` property: what a host page knows of its visitor (the date of birth as `YYYY-MM-DD`). */
export interface BookingPrefill {
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  email?: string;
  mobile?: string;
}

/** The fields that can carry an error; `dob` covers its three inputs. */
export type DetailsField =
  | "firstName"
  | "lastName"
  | "dob"
  | "carerFirstName"
  | "carerLastName"
  | "relationship"
  | "email"
  | "mobile"
  | `q:${string}`
  | "note"
  | "consent";

/** Errors by field, in the form's order. */
export type FieldErrors = Partial<Record<DetailsField, string>>;

/** A blank draft. */
export function emptyDetails(): DetailsDraft {
  return {
    firstName: "",
    lastName: "",
    day: "",
    month: "",
    year: "",
    email: "",
    mobile: "",
    note: "",
    consent: false,
    website: "",
  };
}
