/** The `prefill` property: what the host page knows of its visitor fills the fields still empty. */
import { dobIso } from "../internal/details.js";
import type { BookingPrefill, DetailsDraft } from "../internal/details-draft.js";

/** `d` with its empty fields filled from `prefill` (a date of birth only when it is a real date). */
export function withPrefill(d: DetailsDraft, prefill: BookingPrefill | undefined): DetailsDraft {
  if (!prefill) return d;
  const out = { ...d };
  const [year = "", month = "", day = ""] = /^\d{4}-\d{2}-\d{2}$/.test(prefill.dateOfBirth ?? "")
    ? prefill.dateOfBirth!.split("-").map((x) => String(Number(x)))
    : [];
  const fill = {
    firstName: prefill.firstName,
    lastName: prefill.lastName,
    email: prefill.email,
    mobile: prefill.mobile,
    day,
    month,
    year,
  };
  for (const [k, v] of Object.entries(fill) as [keyof typeof fill, string | undefined][])
    if (v && !out[k]) out[k] = v.trim();
  if (!dobIso(out)) Object.assign(out, { day: d.day, month: d.month, year: d.year });
  return out;
}
