/**
 * Where a booking is managed: which view the element opens (requested-view.ts, the only part on the
 * first screen), the confirmation's "Change or cancel" link and calendar file, and `tel:` links. Pure.
 */

import { clinicBase } from "../api/edge-client.js";
import { BOOKING_PARAM } from "./requested-view.js";

export { BOOKING_PARAM, requestedView, type WidgetView } from "./requested-view.js";

/**
 * The "Change or cancel" link: the clinic's `manage-url` template with `{token}` replaced, else the
 * current page (or the template, taken as a page) with `?coreplus_booking=<token>`: the page's other
 * parameters are kept, its fragment is dropped.
 */
export function manageLink(template: string, token: string, pageHref: string): string {
  if (template.includes("{token}")) return template.replaceAll("{token}", encodeURIComponent(token));
  const url = new URL(template || pageHref, pageHref);
  url.searchParams.set(BOOKING_PARAM, token);
  url.hash = "";
  return url.href;
}

/**
 * The booking `token` stands for, as its confirmation and manage views link to it: "Change or cancel"
 * ({@link manageLink}) and "Add to calendar", the edge API's calendar file with that link written in it.
 * A manage token is a JWS: URL-safe as it is.
 */
export function bookingLinks(
  host: { api: string; clinic: string; manageUrl: string },
  token: string,
  pageHref: string,
): { manage: string; calendar: string } {
  const manage = manageLink(host.manageUrl, token, pageHref);
  const calendar = `${clinicBase(host.api, host.clinic)}/bookings/${token}/calendar.ics?${new URLSearchParams({ manage })}`;
  return { manage, calendar };
}

/** A `tel:` link for a phone number as written ("03 9000 0000" → "tel:0390000000"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
