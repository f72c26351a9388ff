/**
 * The `<coreplus-booking-button>` element's class (no side effects: coreplus-booking-button.ts registers
 * it). A button that opens the booking in a native modal `<dialog>`, inline or floating in a corner. Only
 * the button is on the first screen: the dialog (button-dialog.ts, in the later chunk) and its
 * `<coreplus-booking>` are made, and the dialog's module loaded, on the first open.
 */
import { html, LitElement, type TemplateResult } from "lit";
import { buttonStyles } from "./button.styles.js";
import type { BookingDialog } from "./button-dialog.js";
import { loadLater } from "./internal/later-chunk.js";
import { pageLang } from "./internal/page-lang.js";
import { firstAU, resolveLocale } from "./messages/first-screen.js";

/**
 * A button that opens `<coreplus-booking>` in a dialog: focus stays inside while it is open and returns
 * to the button after, Esc or Close closes it, and the page behind does not scroll. Every attribute of
 * `<coreplus-booking>` passes through, and its events bubble out of this element.
 *
 * @summary `<coreplus-booking-button api="https://book.example.com" clinic="harbourside" floating>`
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
 * @attr booking - A manage token: the dialog opens that booking's manage view.
 * @attr view - `find` opens "Find my booking".
 * @attr manage-url - Where the confirmation's "Change or cancel" link points (a template with `{token}`).
 * @attr history - When present, the browser's Back and Forward move between the booking's steps.
 * @attr floating - When present, the button floats over the page in a corner (see `placement`).
 * @attr placement - The floating button's corner: `bottom-right` (default), `bottom-left`, `top-right`, `top-left`.
 *
 * @fires {CustomEvent<CoreplusReadyDetail>} coreplus-ready - From the booking in the dialog: the clinic loaded.
 * @fires {CustomEvent<CoreplusStepChangeDetail>} coreplus-step-change - From the booking: another step shows.
 * @fires {CustomEvent<CoreplusSlotSelectedDetail>} coreplus-slot-selected - From the booking: a time was picked.
 * @fires {CustomEvent<CoreplusBookedDetail>} coreplus-booked - From the booking: booked.
 * @fires {CustomEvent<CoreplusErrorDetail>} coreplus-error - From the booking: a load or booking failed.
 * @fires {CustomEvent<CoreplusCancelledDetail>} coreplus-cancelled - From the booking: a booking was cancelled.
 * @fires {CustomEvent<CoreplusRescheduledDetail>} coreplus-rescheduled - From the booking: a booking moved.
 *
 * @slot - The button's label; "Book an appointment" when empty.
 *
 * @csspart button - The button that opens the dialog.
 * @csspart dialog - The dialog.
 * @csspart close-button - The dialog's Close button.
 *
 * @cssproperty [--coreplus-button-offset=24px] - The floating button's distance from the window's edges.
 * @cssproperty [--coreplus-button-z-index=2147483000] - The floating button's stacking order.
 */
export class CoreplusBookingButton extends LitElement {
  static override styles = buttonStyles;
  // The dialog copies every attribute the booking reads to it as it changes, so this element needs no
  // properties of its own; the page's language is read when the dialog opens.

  /** The booking's clock that decides "today", handed to it when it is made (tests and demos pin it). */
  now: (() => Date) | undefined;

  /** The dialog (later chunk), from the first open on. */
  #dialog: Promise<BookingDialog> | undefined;

  /** Opens the dialog (loading it and the booking the first time). */
  async open(): Promise<void> {
    this.#dialog ??= loadLater().then(
      (later) => new later.BookingDialog(this),
      (e: unknown) => {
        // A failed load is forgotten here too: the next press tries again.
        this.#dialog = undefined;
        throw e;
      },
    );
    (await this.#dialog).open(resolveLocale(pageLang(this)));
  }

  /** Closes the dialog; focus returns to the button. */
  close(): void {
    void this.#dialog?.then((dialog) => dialog.close());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
  }

  override render(): TemplateResult {
    return html`<button type="button" class="open" part="button" aria-haspopup="dialog" @click=${this.open}>
      <slot>${firstAU.heading.start}</slot>
    </button>`;
  }
}
