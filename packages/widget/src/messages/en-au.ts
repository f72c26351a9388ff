/**
 * The message table in plain, warm Australian English (ux.md "Words"): every string the widget shows.
 * The first screen's strings live in first-screen.ts (they ship with the element); the later views'
 * strings here load with those views. Other languages copy this shape; anything they leave out falls
 * back to these.
 */
import { firstAU } from "./first-screen.js";

/** The parts of a date of birth, in the order a locale writes them. */
export type DobPart = "day" | "month" | "year";

/** The later views' strings (details, review, confirmation, a failed booking, a taken time). */
export const laterAU = {
  field: {
    firstName: "First name",
    lastName: "Last name",
    dob: "Date of birth",
    dobHint: "For example, 27 3 1990",
    day: "Day",
    month: "Month",
    year: "Year",
    email: "Email",
    emailHint: "We'll send your confirmation here.",
    mobile: "Mobile",
    mobileHint: "For appointment reminders by text message.",
    note: "Note for the clinic (optional)",
    noteHint: "Anything they should know before your visit.",
    consent: "I agree to the clinic keeping these details to manage my appointment.",
    website: "Leave this field empty",
    relationship: "Your relationship to them",
    relationshipHint: "For example, mother, father or guardian.",
  },
  dobOrder: ["day", "month", "year"] as DobPart[],
  error: {
    summary: "There is a problem",
    prefix: "Error:",
    firstName: "Enter your first name",
    lastName: "Enter your last name",
    tooLong: (label: string, max: number) => `${label} must be ${max} characters or fewer`,
    dob: "Enter your date of birth, for example 27 3 1990",
    dobPart: (part: string) => `Date of birth must include a ${part}`,
    dobYear: "Year must include 4 numbers",
    dobReal: "Date of birth must be a real date",
    dobPast: "Date of birth must be in the past",
    email: "Enter your email address",
    emailFormat: "Enter an email address in the correct format, like name@example.com",
    mobile: "Enter your mobile number",
    mobileFormat: "Enter a mobile number with 8 to 15 digits, like 0400 000 000",
    consent: "Tick the box to agree, so the clinic can book your appointment",
    server: "Check this answer and try again",
    relationship: "Enter your relationship to them, for example mother",
    answer: (question: string) => `Answer "${question}"`,
  },
  /** The clinic's own questions. */
  optional: "(optional)",
  yes: "Yes",
  no: "No",
  /** The link to the clinic's privacy policy, beside consent. */
  privacy: "How the clinic handles your information",
  /** "Who it is for" (ux.md): the question, and for someone else the patient's labels and errors, saying "their". */
  who: {
    legend: "Who is this appointment for?",
    me: "Me",
    other: "Someone I care for",
    their: "Their details",
    your: "Your details",
    again: "For you again, or someone else?",
    startAgain: "Start again",
  },
  their: {
    field: {
      firstName: "Their first name",
      lastName: "Their last name",
      dob: "Their date of birth",
      dobHint: "For example, 27 3 2015",
      consent: "I agree to the clinic keeping these details to manage their appointment.",
    },
    error: {
      firstName: "Enter their first name",
      lastName: "Enter their last name",
      dob: "Enter their date of birth, for example 27 3 2015",
      dobPart: (part: string) => `Their date of birth must include a ${part}`,
      dobReal: "Their date of birth must be a real date",
      dobPast: "Their date of birth must be in the past",
      consent: "Tick the box to agree, so the clinic can book their appointment",
    },
  },
  // The review's other rows are labelled as their steps (stepLabel) and fields (field) are.
  review: {
    name: "Name",
    note: "Note",
    bookedBy: "Booked by",
  },
  continue: "Continue",
  change: "Change",
  confirm: "Confirm booking",
  slotTaken: "That time was just taken. Here are the nearest times.",
  bookError: (contact?: string) =>
    `We couldn't confirm your booking. Try again (you won't be booked twice)${contact ? `, or ${contact}` : ""}.`,
  bookRefused: (contact?: string) =>
    `We couldn't book this appointment online. ${contact ? `To book, ${contact}.` : "Please contact the clinic."}`,
  booking: "Booking…",
  done: {
    lead: "Your appointment is confirmed.",
    reference: "Reference",
    when: "When",
    with: "With",
    where: "Where",
    map: "Open map",
    newTab: "(opens in a new tab)",
    reminders: {
      both: "We'll remind you by email and text message.",
      email: "We'll remind you by email.",
      sms: "We'll remind you by text message.",
      none: "The clinic doesn't send reminders for online bookings, so note the time.",
    },
    calendar: "Add to calendar",
    another: "Book another appointment",
  },
  /** `<coreplus-booking-button>`'s dialog's close button (its label is `heading.start`). */
  close: "Close",
};

/** The widget's UI strings. Functions take already-formatted values (dates come from Intl). */
export const enAU = { ...firstAU, ...laterAU };

/** The shape every message table has. */
export type Messages = typeof enAU;
