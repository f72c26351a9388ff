/**
 * The strings of booking for someone else (ux.md: "Who is this appointment for?", every label saying
 * "their" where it means them), the clinic's questions, the privacy link and "For you again, or
 * someone else?", in en-AU and en-US. A table of their own, loaded with the details and confirmation
 * views only, so the first screen does not carry them.
 */

/** The strings in plain, warm Australian English. */
export const forWhomAU = {
  who: {
    legend: "Who is this appointment for?",
    me: "Me",
    other: "Someone I care for",
    theirDetails: "Their details",
    yourDetails: "Your details",
    startAgain: "Start again",
  },
  their: {
    firstName: "Their first name",
    lastName: "Their last name",
    dob: "Their date of birth",
    dobHint: "For example, 27 3 2015",
    consent: "I agree to the clinic keeping these details to manage their appointment.",
  },
  carer: {
    firstName: "Your first name",
    lastName: "Your last name",
    relationship: "Your relationship to them",
    relationshipHint: "For example, mother, father, guardian or partner.",
    email: "Your email",
    mobile: "Your mobile",
    mobileHint: "Appointment reminders come to you by text message.",
    bookedBy: "Booked by",
  },
  theirError: {
    firstName: "Enter their first name",
    lastName: "Enter their last name",
    dob: "Enter their date of birth, for example 27 3 2015",
    dobPart: (part: string) => `Their date of birth must include a ${part}`,
    dobReal: "Their date of birth must be a real date",
    dobPast: "Their date of birth must be in the past",
    carerFirstName: "Enter your first name",
    carerLastName: "Enter your last name",
    relationship: "Enter your relationship to them, for example mother",
    consent: "Tick the box to agree, so the clinic can book their appointment",
  },
  questions: {
    optional: "(optional)",
    yes: "Yes",
    no: "No",
    required: "Answer this question",
    privacy: "How the clinic handles your information",
  },
  another: {
    who: "For you again, or someone else?",
    me: "For me again",
    other: "For someone else",
  },
};

/** The shape of the table. */
export type ForWhomMessages = typeof forWhomAU;

/** US English: month before day, US spelling and phone words; everything else as en-AU. */
export const forWhomUS: ForWhomMessages = {
  ...forWhomAU,
  their: { ...forWhomAU.their, dobHint: "For example, 3 27 2015" },
  carer: {
    ...forWhomAU.carer,
    mobile: "Your cell phone",
    mobileHint: "Appointment reminders come to you by text.",
  },
  theirError: {
    ...forWhomAU.theirError,
    dob: "Enter their date of birth, for example 3 27 2015",
    consent: "Check the box to agree, so the clinic can book their appointment",
  },
};

/** The table for a locale the main table resolved (see messages/index.ts). */
export function forWhomMessages(locale: string): ForWhomMessages {
  return locale === "en-US" ? forWhomUS : forWhomAU;
}
