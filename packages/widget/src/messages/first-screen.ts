/**
 * The first screen's strings (the card, the choices, date and time, loading failures) in plain, warm
 * Australian English (ux.md "Words"). They ship with the element; the later views' strings
 * (en-au.ts: details, review, confirmation) and the other languages' tables arrive with those views.
 */

/** The first screen's strings; every language shares them (en-US differs only in the later views). */
export const firstAU = {
  progress: (n: number, total: number, label: string) => `Step ${n} of ${total} · ${label}`,
  stepLabel: {
    discipline: "Type of care",
    location: "Location",
    service: "Service",
    practitioner: "Practitioner",
    time: "Date and time",
    details: "Your details",
    review: "Check and confirm",
    returning: "Seen us before",
  },
  heading: {
    start: "Book an appointment",
    discipline: "What do you need help with?",
    location: "Where would you like to be seen?",
    service: "What would you like to book?",
    practitioner: "Who would you like to see?",
    time: "Choose a date and time",
    details: "Your details",
    review: "Check your booking",
    done: "You're booked",
    returning: "Have you seen us before?",
  },
  loading: "Loading",
  back: "Back",
  firstAvailable: "First available",
  firstAvailableHint: "The earliest time with any practitioner",
  noServices: "There's nothing to book online here yet.",
  about: (name: string) => `About ${name}`,
  noCharge: "No charge",
  period: { morning: "Morning", afternoon: "Afternoon", evening: "Evening" },
  earlier: "Earlier dates",
  later: "Later dates",
  days: "Days",
  dayTimes: (n: number) => (n === 0 ? "no times" : n === 1 ? "1 time" : `${n} times`),
  zoneName: (city: string, abbreviation: string) =>
    city === abbreviation ? city : `${city} time (${abbreviation})`,
  zoneLine: (zone: string) => `Times are in ${zone}.`,
  visitorZone: (zone: string) => `Your time zone is ${zone}.`,
  timesOn: (n: number, day: string) => `${n === 1 ? "1 time" : `${n} times`} available on ${day}.`,
  noTimesInRange: (from: string, to: string) => `No times available from ${from} to ${to}.`,
  nextAvailable: (day: string) => `Next available: ${day}`,
  noTimesAhead: "There are no online times in the coming weeks.",
  contact: (name: string, phone: string) => `call ${name} on ${phone}`,
  loadError: (contact?: string) =>
    `We couldn't reach the clinic's booking system. ${contact ? `Try again, or ${contact}.` : "Try again in a moment."}`,
  callInstead: (contact: string) => `To book by phone, ${contact}.`,
  notFound: "This booking page isn't set up correctly. Please contact the clinic.",
  tryAgain: "Try again",
  findBooking: "Find my booking",
  returning: { yes: "Yes, I've been before", no: "No, this is my first visit" },
};

/** The shape of the first screen's strings. */
export type FirstMessages = typeof firstAU;

/** The default locale when neither the element nor the page names one. */
export const defaultLocale = "en-AU";

/** The languages with a message table of their own (index.ts's `messageTables`, which loads later). */
export const tableLocales: readonly string[] = ["en-AU", "en-US"];

/**
 * The locale for a BCP 47 tag: an exact match (any case, `_` for `-`), else another English tag as
 * itself (dates follow en-NZ or en-GB conventions) with en-AU's words, else en-AU.
 */
export function resolveLocale(tag: string | undefined | null): string {
  const wanted = (tag ?? "").trim().replace(/_/g, "-");
  const lower = wanted.toLowerCase();
  const exact = tableLocales.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  // en-GB, en-NZ and plain "en" read Australian English; the US spelling is only for en-US.
  return (lower.split("-")[0] === "en" && wanted.includes("-") && safeLocale(wanted)) || defaultLocale;
}

/** The tag when Intl accepts it. */
function safeLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
