/**
 * The details form's draft, its fields and a blank one: what the first screen's state holds. The
 * checks and the request body (details.ts) load with the later views.
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
  /** "Who is this appointment for?": the patient themself, or someone they care for. */
  forWhom: "me" | "other";
  /** The carer's details, booking for someone else (email and mobile above are then theirs). */
  carerFirstName: string;
  carerLastName: string;
  relationship: string;
  /** Answers to the clinic's questions by question id (never stored in the browser). */
  answers: Readonly<Record<string, string>>;
}

/** The `prefill` property: the visitor's own details, as far as the host page knows them. */
export interface BookingPrefill {
  firstName?: string;
  lastName?: string;
  /** `YYYY-MM-DD`. */
  dateOfBirth?: string;
  email?: string;
  mobile?: string;
}

/** The fields that can carry an error; `dob` covers its three inputs. */
export type DetailsField =
  | "firstName"
  | "lastName"
  | "dob"
  | "email"
  | "mobile"
  | "note"
  | "consent"
  | "carerFirstName"
  | "carerLastName"
  | "relationship"
  | `q:${string}`;

/** Errors by field, in the form's order. */
export type FieldErrors = Partial<Record<DetailsField, string>>;

/** The form's field order (the error summary follows it). */
export const fieldOrder: readonly DetailsField[] = [
  "firstName",
  "lastName",
  "dob",
  "carerFirstName",
  "carerLastName",
  "relationship",
  "email",
  "mobile",
  "note",
  "consent",
];

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
    forWhom: "me",
    carerFirstName: "",
    carerLastName: "",
    relationship: "",
    answers: {},
  };
}
