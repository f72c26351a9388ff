/**
 * Where a booking is managed: which view the element opens (`booking` and `view` attributes, the
 * page's `coreplus_booking` query parameter), the confirmation's "Change or cancel" link, and `tel:`
 * links. Pure, so the first screen needs nothing else of the manage views.
 */

/** The query parameter that carries a manage token on the clinic's page. */
export const BOOKING_PARAM = "coreplus_booking";

/** What the element shows: the booking flow, "Find my booking", or one booking's manage view. */
export type WidgetView = { view: "book" } | { view: "find" } | { view: "manage"; token: string };

/**
 * The view the attributes and the page ask for: a `booking` token first, then the page's
 * `coreplus_booking` parameter, then `view="find"`; otherwise the booking flow.
 */
export function requestedView(booking: string, view: string, search: string): WidgetView {
  const token = booking.trim() || new URLSearchParams(search).get(BOOKING_PARAM)?.trim();
  if (token) return { view: "manage", token };
  return view === "find" ? { view: "find" } : { view: "book" };
}

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

/** A `tel:` link for a phone number as written ("03 9000 0000" → "tel:0390000000"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
