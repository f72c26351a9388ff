/**
 * The script-tag build's elements, one chunk: `<coreplus-booking>` and `<coreplus-booking-button>` share
 * Lit and the theme, so they load together (a page with only the button pays ~0.5 KB for the booking's
 * first screen it opens anyway; a page with only the booking, ~0.5 KB for the button).
 */
// First only for the chunk's order: the button's styles beside the booking's under gzip's 32 KB window (the chunk is
// ~50 KB minified): first screen 16,848 -> 16,818 B, all files 29,696 -> 29,664 B gzip -9. It has no side effects.
import "./button.styles.js";
import "./coreplus-booking.js";
import "./coreplus-booking-button.js";
