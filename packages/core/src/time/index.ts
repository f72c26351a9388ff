/** Date-times and zones: coreplus spellings, IANA zones through Intl only, DST-correct. */
export { addDays, weekdayOf } from "./calendar.js";
export { dateInZone, formatInZone, offsetInZone } from "./format.js";
export { type CoreplusDateTimeParts, normalizeCoreplusDateTime, parseCoreplusDateTime } from "./parse.js";
export { COREPLUS_TIMEZONES, ianaZoneFor, timezoneIdFor } from "./timezones.js";
export { zonedTimeToInstant } from "./zoned-time.js";
