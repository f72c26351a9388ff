/**
 * Registers `<coreplus-booking-button>`, and `<coreplus-booking>` for its dialog. Like coreplus-booking.ts,
 * safe where there is no DOM and when the name is already taken (the npm build and the script-tag build
 * on one page). The dialog's code (button-dialog.ts, later chunk) loads on the first open.
 */
import { CoreplusBookingButton } from "./button.component.js";
import "./coreplus-booking.js";

/** The button's tag name. */
export const buttonTagName = "coreplus-booking-button";

if (typeof customElements !== "undefined" && !customElements.get(buttonTagName)) {
  // The literal (not `buttonTagName`) is what the custom-elements manifest analyzer reads as the tag.
  customElements.define("coreplus-booking-button", CoreplusBookingButton);
}

declare global {
  interface HTMLElementTagNameMap {
    "coreplus-booking-button": CoreplusBookingButton;
  }
}

export { CoreplusBookingButton };
