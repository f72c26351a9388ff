/**
 * The self-contained script-tag build (dist/coreplus-booking.js, Lit inside). It loads the elements
 * (`<coreplus-booking>` and `<coreplus-booking-button>`) only where a DOM exists, so even this file can be
 * imported during server rendering without throwing.
 */
if (typeof HTMLElement !== "undefined") {
  void import("./elements.js");
}
