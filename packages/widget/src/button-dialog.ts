/**
 * The dialog of `<coreplus-booking-button>` (in the later chunk: nothing of it loads before the first
 * open): a native modal `<dialog>` with a Close button and the `<coreplus-booking>`, whose attributes
 * follow the button's. Esc, Close and a click on the backdrop close it; Tab wraps inside it; the page
 * behind does not scroll while it is open; focus returns to the button after (the native dialog does that).
 */
import { dialogStyles } from "./button-dialog.styles.js";
import { messagesFor } from "./messages/index.js";

/**
 * `<coreplus-booking>` as the dialog uses it. The button registers it before it makes the dialog; it is
 * not imported here, so the later chunk never imports the element that imports it (no import cycle).
 */
type Booking = HTMLElement & { now?: () => Date };

/** What the dialog needs of the button. */
export interface DialogHost extends HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  now: (() => Date) | undefined;
}

/** The button's dialog, made on the first open; the booking in it keeps its place between opens. */
export class BookingDialog {
  readonly #dialog = document.createElement("dialog");
  readonly #close = document.createElement("button");
  /** The page's own inline `overflow`, put back when the dialog closes. */
  #overflow = "";

  constructor(host: DialogHost) {
    const dialog = this.#dialog;
    const close = this.#close;
    const booking = document.createElement("coreplus-booking") as Booking;
    dialog.setAttribute("part", "dialog");
    // Light dismiss (a click on the backdrop) where the browser supports it; Esc and Close everywhere.
    dialog.setAttribute("closedby", "any");
    // Close is in no form (the booking's forms are in its own shadow root), so it needs no type="button".
    close.className = "close";
    close.setAttribute("part", "close-button");
    close.onclick = () => dialog.close();
    // A modal dialog makes the page inert, but Tab past its last control leaves for the browser's own
    // controls: here it wraps to the first one (and Shift+Tab from the first to the last).
    dialog.onkeydown = (e) => {
      if (e.key !== "Tab") return;
      const all = tabbables(dialog);
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      // In the order Tab moves (backwards with Shift): from the last, on to the first.
      if (e.shiftKey) all.reverse();
      if (active === all.at(-1)) {
        e.preventDefault();
        all[0]?.focus();
      }
    };
    dialog.onclose = () => {
      document.documentElement.style.overflow = this.#overflow;
    };
    if (host.now) booking.now = host.now;
    // The attributes of `<coreplus-booking>`, copied from the button as they change (removed as removed there).
    const names = (customElements.get("coreplus-booking") as unknown as { observedAttributes: string[] })
      .observedAttributes;
    const pass = () => {
      for (const name of names) {
        const value = host.getAttribute(name);
        if (value === null) booking.removeAttribute(name);
        else booking.setAttribute(name, value);
      }
    };
    pass();
    new MutationObserver(pass).observe(host, { attributeFilter: names });
    dialog.append(close, booking);
    const root = host.renderRoot as ShadowRoot;
    const sheet = dialogStyles.styleSheet;
    if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    root.append(dialog);
  }

  /** Shows the dialog, its name and Close in the page's language (`locale`, resolved by the button). */
  open(locale: string): void {
    const dialog = this.#dialog;
    if (dialog.open) return;
    const m = messagesFor(locale);
    dialog.setAttribute("aria-label", m.heading.start);
    this.#close.textContent = m.close;
    dialog.showModal();
    const root = document.documentElement.style;
    this.#overflow = root.overflow;
    root.overflow = "hidden";
  }

  close(): void {
    this.#dialog.close();
  }
}

/** The controls Tab reaches under `root`, in order, shadow roots included. */
function tabbables(root: Element | ShadowRoot, out: HTMLElement[] = []): HTMLElement[] {
  for (const el of root.children) {
    if (el instanceof HTMLElement && el.tabIndex >= 0 && !el.matches(":disabled") && el.checkVisibility())
      out.push(el);
    tabbables(el.shadowRoot ?? el, out);
  }
  return out;
}
