/**
 * The script-tag build's elements, one chunk: `<coreplus-booking>` and `<coreplus-booking-button>` share
 * Lit and the theme, so they load together (a page with only the button pays ~0.5 KB for the booking's
 * first screen it opens anyway; a page with only the booking, ~0.5 KB for the button).
 */
import "./coreplus-booking.js";
import "./coreplus-booking-button.js";
