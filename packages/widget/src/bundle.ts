/**
 * The self-contained script-tag build (dist/coreplus-booking.js, Lit inside). It loads the element
 * only where a DOM exists, so even this file can be imported during server rendering without throwing.
 */
if (typeof HTMLElement !== "undefined") {
  void import("./coreplus-booking.js");
}
