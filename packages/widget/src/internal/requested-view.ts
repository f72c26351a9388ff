/**
 * Which view the element opens (`booking` and `view` attributes, the page's `coreplus_booking` query
 * parameter): all the first screen needs of the manage links (manage-links.ts, with the later views,
 * has the confirmation's "Change or cancel" link and `tel:` links).
 */

/** The query parameter that carries a manage token on the clinic's page. */
export const BOOKING_PARAM = "coreplus_booking";

/** What the element shows: the booking flow, "Find my booking", or one booking's manage view. */
export type WidgetView = { view: "book" } | { view: "find" } | { view: "manage"; token: string };

/**
 * The view the attributes and the page ask for: a `booking` token first, then the page's
 * `coreplus_booking` parameter, then `view="find"`; otherwise the booking flow.
 */
export function requestedView(booking: string, view: string, search: string | undefined): WidgetView {
  const token = booking.trim() || new URLSearchParams(search).get(BOOKING_PARAM)?.trim();
  if (token) return { view: "manage", token };
  return { view: view === "find" ? view : "book" };
}

/**
 * The view an element's `booking` and `view` attributes and this page's query ask for (no page, as in
 * server rendering: the attributes; URLSearchParams reads an undefined query as an empty one).
 */
export function askedView(host: { readonly booking: string; readonly view: string }): WidgetView {
  return requestedView(host.booking, host.view, globalThis.location?.search);
}
