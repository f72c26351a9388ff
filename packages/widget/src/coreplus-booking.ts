/**
 * Registers `<coreplus-booking>`. Safe to import where there is no DOM (server rendering): it only
 * defines the element when a custom element registry exists and the name is still free, so a page
 * that loads both the npm build and the script-tag build does not throw.
 */
import { CoreplusBooking } from "./booking.component.js";
import type { CoreplusEventDetails } from "./events.js";

/** The element's tag name. */
export const tagName = "coreplus-booking";

if (typeof customElements !== "undefined" && !customElements.get(tagName)) {
  // The literal (not `tagName`) is what the custom-elements manifest analyzer reads as the tag.
  customElements.define("coreplus-booking", CoreplusBooking);
}

type CoreplusEventMap = { [K in keyof CoreplusEventDetails]: CustomEvent<CoreplusEventDetails[K]> };

declare global {
  interface HTMLElementTagNameMap {
    "coreplus-booking": CoreplusBooking;
  }
  interface GlobalEventHandlersEventMap extends CoreplusEventMap {}
}

export { CoreplusBooking };
