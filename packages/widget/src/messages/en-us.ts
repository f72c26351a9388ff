/** US English: month before day, US spelling and phone examples; everything else as en-AU. */
import { type DobPart, enAU, type Messages } from "./en-au.js";

/** The en-US message table. */
export const enUS: Messages = {
  ...enAU,
  field: {
    ...enAU.field,
    dobHint: "For example, 3 27 1990",
    mobile: "Cell phone",
    mobileHint: "For appointment reminders by text.",
  },
  dobOrder: ["month", "day", "year"] as DobPart[],
  error: {
    ...enAU.error,
    dob: "Enter your date of birth, for example 3 27 1990",
    mobile: "Enter your cell phone number",
    mobileFormat: "Enter a phone number with 8 to 15 digits, like 555 555 0100",
    consent: "Check the box to agree, so the clinic can book your appointment",
  },
  their: {
    field: { ...enAU.their.field, dobHint: "For example, 3 27 2015" },
    error: {
      ...enAU.their.error,
      dob: "Enter their date of birth, for example 3 27 2015",
      consent: "Check the box to agree, so the clinic can book their appointment",
    },
  },
  done: {
    ...enAU.done,
    reminders: {
      ...enAU.done.reminders,
      both: "We'll remind you by email and text.",
      sms: "We'll remind you by text.",
    },
  },
};
