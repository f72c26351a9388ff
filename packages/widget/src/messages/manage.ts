/**
 * The strings of the manage and find views and of the confirmation's "Change or cancel" part
 * (ux.md "Certainty after booking", "Managing it later"), in en-AU and en-US. A table of their own,
 * loaded with those views only, so the first screen does not carry them.
 */
import { firstAU } from "./first-screen.js";

/** The manage strings in plain, warm Australian English. */
export const manageAU = {
  /** Each manage screen's heading, by its name (ManageScreen), and the missing booking's. */
  heading: {
    // The first step's link names it so (first-screen.ts): the words ship once, with the element.
    find: firstAU.findBooking,
    view: "Your appointment",
    moved: "Your appointment has moved",
    times: "Choose a new time",
    "confirm-move": "Check your new time",
    cancel: "Cancel your appointment?",
    cancelled: "Your appointment is cancelled",
    missing: "We couldn't find that booking",
  },
  changeOrCancel: "Change or cancel",
  onlineUntil: (hours: number) =>
    hours > 0
      ? `You can change or cancel online up to ${hours === 1 ? "1 hour" : `${hours} hours`} before your appointment.`
      : "You can change or cancel online until your appointment starts.",
  byPhone: "To change or cancel by phone, call",
  on: "on",
  callToChange: "To change this appointment, call",
  statusCancelled: "Cancelled",
  statusLabel: "Status",
  reschedule: "Reschedule",
  cancel: "Cancel appointment",
  keep: "Keep my appointment",
  moved: "Your appointment has moved to the new time.",
  newTime: "New time",
  oldTime: "Was",
  confirmMove: "Confirm new time",
  moving: "Moving…",
  cancelling: "Cancelling…",
  reason: "Reason for cancelling (optional)",
  reasonHint: "This helps the clinic. Don't include health details.",
  cancelledLead: "The clinic has been told, and the time is free for someone else.",
  bookNew: "Book a new time",
  alreadyCancelled: "This appointment has been cancelled.",
  missing:
    "The link may have expired (links work until the appointment starts). Find your booking with its reference instead.",
  find: {
    intro: "Enter the reference from your confirmation, your last name and your date of birth.",
    reference: "Booking reference",
    referenceHint: "For example, 100616",
    searching: "Finding…",
    miss: "We couldn't find a booking with those details. Check the reference, last name and date of birth, and try again.",
    tooMany: (contact?: string) =>
      `Too many attempts. Try again in an hour${contact ? `, or ${contact}` : ", or contact the clinic"}.`,
    errorReference: "Enter your booking reference",
    errorLastName: "Enter your last name",
  },
  tooLate: (contact: string) => `It's too late to change this appointment online. To change it, ${contact}.`,
  // A booking in hand always has its location's "call … on …".
  changeError: (contact: string) =>
    `We couldn't change your appointment. Try again (nothing changes twice), or ${contact}.`,
  changeRefused: (contact: string) => `We couldn't change this appointment online. To change it, ${contact}.`,
};

/** The shape every manage table has. */
export type ManageMessages = typeof manageAU;

/** US English: "canceled", "canceling". */
export const manageUS: ManageMessages = {
  ...manageAU,
  heading: { ...manageAU.heading, cancelled: "Your appointment is canceled" },
  statusCancelled: "Canceled",
  cancelling: "Canceling…",
  reason: "Reason for canceling (optional)",
  alreadyCancelled: "This appointment has been canceled.",
};

/** The manage table for a locale the main table resolved (see messages/index.ts). */
export function manageMessages(locale: string): ManageMessages {
  return locale === "en-US" ? manageUS : manageAU;
}
