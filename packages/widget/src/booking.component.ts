/**
 * The `<coreplus-booking>` element's class (no side effects: coreplus-booking.ts registers it). It
 * holds the public attributes and properties and renders; the flow (state, data tasks, transitions,
 * events) is a ReactiveController in controller/, the views in view/, the step templates in steps/.
 */
import { LitElement, type PropertyDeclarations, type TemplateResult } from "lit";
import { bookingStyles } from "./booking.styles.js";
import { BookingController } from "./controller/index.js";
import type { BookingPrefill } from "./internal/details-draft.js";
import { bookingView, ManageEntry } from "./view/index.js";

/**
 * Online booking for a clinic that runs coreplus, talking to the coreplus-kit edge API.
 *
 * @summary `<coreplus-booking api="https://book.example.com" clinic="harbourside">`
 *
 * @attr api - The edge API origin.
 * @attr clinic - The clinic's public slug.
 * @attr location - Preselects a location id and skips that step.
 * @attr practitioner - Preselects a practitioner id and skips that step.
 * @attr appointment-type - Preselects an appointment type id and skips that step.
 * @attr discipline - Preselects a discipline id ("physiotherapy") and skips "What do you need help with?".
 * @attr lang - Language (en-AU, en-US); defaults to the page's, else en-AU.
 * @attr theme - `light` (default), `dark` or `auto` (follows prefers-color-scheme).
 * @attr datalayer - When present, every event is also pushed to `window.dataLayer`.
 * @attr booking - A manage token: opens that booking's manage view (see it, reschedule, cancel).
 *   Without it, the page's `coreplus_booking` query parameter does the same.
 * @attr view - `find` opens "Find my booking" (reference, last name, date of birth).
 * @attr manage-url - Where the confirmation's "Change or cancel" link points: a URL template with
 *   `{token}`; without it, this page with `?coreplus_booking=<token>`.
 *
 * @attr history - When present, the browser's Back and Forward (a phone's back gesture) move between
 *   steps: each step change adds a history entry carrying only the step's name.
 *
 * @prop prefill - `{ firstName, lastName, dateOfBirth: "YYYY-MM-DD", email, mobile }` that a host page
 *   already knows of its visitor: fills the empty fields of "Your details" (never what was typed).
 *
 * @fires {CustomEvent<CoreplusReadyDetail>} coreplus-ready - The clinic loaded; the first step shows.
 * @fires {CustomEvent<CoreplusStepChangeDetail>} coreplus-step-change - Another step shows.
 * @fires {CustomEvent<CoreplusSlotSelectedDetail>} coreplus-slot-selected - A time was picked.
 * @fires {CustomEvent<CoreplusBookedDetail>} coreplus-booked - Booked; the summary without patient details.
 * @fires {CustomEvent<CoreplusErrorDetail>} coreplus-error - A load or booking failed (no patient details).
 * @fires {CustomEvent<CoreplusCancelledDetail>} coreplus-cancelled - The patient cancelled a booking (no patient details).
 * @fires {CustomEvent<CoreplusRescheduledDetail>} coreplus-rescheduled - The patient moved a booking to a new time.
 *
 * @csspart card - The card around everything.
 * @csspart progress - The "Step 3 of 5 · Date and time" line.
 * @csspart heading - Each step's heading.
 * @csspart back-button - The Back button.
 * @csspart choice - A location, service or practitioner button.
 * @csspart day - A day button of the week strip.
 * @csspart time - A time pill.
 * @csspart label - A field's label.
 * @csspart input - A text input or textarea.
 * @csspart checkbox - The consent checkbox.
 * @csspart field-error - A field's error message.
 * @csspart error-summary - The error summary above the form.
 * @csspart notice - An information or error notice.
 * @csspart summary - The review and confirmation summary list.
 * @csspart primary-button - Continue / Confirm booking.
 * @csspart secondary-button - Retry, week arrows, Next available, Add to calendar, Book another.
 *
 * @cssproperty [--coreplus-accent=#0b5cad] - Buttons, selection and links.
 * @cssproperty [--coreplus-accent-text=#ffffff] - Text on the accent colour (by default black or white, whichever contrasts more with the accent).
 * @cssproperty [--coreplus-bg=#ffffff] - The card's background.
 * @cssproperty [--coreplus-surface=#f1f4f7] - Hover and skeleton background.
 * @cssproperty [--coreplus-text=#1a1f24] - Body text.
 * @cssproperty [--coreplus-muted=#4a5561] - Hints and secondary text.
 * @cssproperty [--coreplus-border=#77818c] - Borders of the card, choices and inputs.
 * @cssproperty [--coreplus-error=#b3261e] - Error text and borders.
 * @cssproperty [--coreplus-success=#1b7a35] - The confirmation tick.
 * @cssproperty [--coreplus-focus=#0b5cad] - The focus ring (by default the accent where it has 3:1 on the card, else the text colour).
 * @cssproperty [--coreplus-font=system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif] - The font stack.
 * @cssproperty [--coreplus-font-size=16px] - The base size (never below 16px: iOS zooms smaller inputs).
 * @cssproperty [--coreplus-radius=10px] - Corner radius.
 * @cssproperty [--coreplus-space=8px] - The spacing unit (8px grid).
 * @cssproperty [--coreplus-max-width=720px] - The card's widest size.
 * @cssproperty [--coreplus-scroll-offset=0px] - The height of the site's sticky header: on a step change the card's top is scrolled below it.
 */
export class CoreplusBooking extends LitElement {
  static override styles = bookingStyles;
  // Declared statically rather than with decorators: the same in every compiler, and smaller.
  static override properties: PropertyDeclarations = {
    api: {},
    clinic: {},
    location: {},
    practitioner: {},
    appointmentType: { attribute: "appointment-type" },
    discipline: {},
    theme: { reflect: true },
    datalayer: { type: Boolean },
    now: { attribute: false },
    booking: {},
    view: {},
    manageUrl: { attribute: "manage-url" },
    prefill: { attribute: false },
    history: { type: Boolean },
    // `lang` stays the native global attribute (it also tells screen readers the language); this
    // differently named property only observes it, so changing it re-renders.
    langAttribute: { attribute: "lang" },
  };

  /** The edge API origin, for example `https://book.example.com`. */
  api = "";
  /** The clinic's public slug. */
  clinic = "";
  /** Preselected location id (skips the location step). */
  location = "";
  /** Preselected practitioner id (skips the practitioner step). */
  practitioner = "";
  /** Preselected appointment type id (skips the service step). */
  appointmentType = "";
  /** Preselected discipline id (skips the "What do you need help with?" step). */
  discipline = "";
  /** `light`, `dark` or `auto`. */
  theme: "light" | "dark" | "auto" = "light";
  /** Also push events to `window.dataLayer`. */
  datalayer = false;
  /** The clock that decides "today" (property only; tests and demos pin it). */
  now: () => Date = () => new Date();

  /** A manage token: opens that booking's manage view. */
  booking = "";
  /** `find` opens "Find my booking". */
  view = "";
  /** Where "Change or cancel" points: a template with `{token}`; empty for this page. */
  manageUrl = "";
  /** What the host page knows of its visitor; fills the empty fields of "Your details" (property only). */
  prefill?: BookingPrefill | undefined;
  /** Back and Forward move between steps. */
  history?: boolean;

  readonly #flow = new BookingController(this);
  readonly #manage = new ManageEntry(this, this.#flow);

  override render(): TemplateResult {
    const configured = !!(this.api && this.clinic);
    return (
      (configured && this.#manage.render()) ||
      bookingView(
        this.#flow,
        configured,
        () => this.requestUpdate(),
        () => this.#manage.openFind(),
      )
    );
  }

  override updated(): void {
    // The clinic is in: fetch the later chunk (the later steps' views, styles and half of the flow) while the
    // visitor makes the first choices, once the first screen has painted (a frame, then a task), so its
    // script does not hold that paint back.
    if (this.#flow.profile) requestAnimationFrame(() => setTimeout(() => this.#flow.preload()));
  }
}
