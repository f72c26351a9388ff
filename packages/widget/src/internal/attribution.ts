/** UTM parameters on the host page, passed with the booking as `attribution` (campaigns can be counted). */
import type { BookingRequest } from "../api/types.js";

const FIELDS = { source: "utm_source", medium: "utm_medium", campaign: "utm_campaign" } as const;
/** The edge API's limit and alphabet for each value; anything else is dropped, not sent to be refused. */
const VALUE = /^[\w .:+/-]{1,40}$/;

/** The attribution in a query string such as `?utm_source=google&utm_campaign=spring`, if any. */
export function attributionFrom(search: string): BookingRequest["attribution"] {
  const params = new URLSearchParams(search);
  const out: NonNullable<BookingRequest["attribution"]> = {};
  for (const [field, name] of Object.entries(FIELDS) as [keyof typeof FIELDS, string][]) {
    const value = params.get(name)?.trim();
    if (value && VALUE.test(value)) out[field] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
