// Types of dist/coreplus-booking.js, the script-tag build: it exports nothing, and loading it registers
// <coreplus-booking>, so its types are the element's global declarations (HTMLElementTagNameMap, events).
import "../dist/lib/coreplus-booking.js";
