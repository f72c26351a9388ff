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

/** The attributes of `<coreplus-booking>`, passed through to the dialog's booking. */
const passed = (): string[] =>
  (customElements.get("coreplus-booking") as unknown as { observedAttributes: string[] }).observedAttributes;

/** What the dialog needs of the button. */
export interface DialogHost extends HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  now: (() => Date) | undefined;
}

/** The button's dialog, made on the first open; the booking in it keeps its place between opens. */
export class BookingDialog {
  readonly #host: DialogHost;
  readonly #dialog = document.createElement("dialog");
  readonly #close = document.createElement("button");
  readonly #booking = document.createElement("coreplus-booking") as Booking;
  #overflow: string | undefined;

  constructor(host: DialogHost) {
    this.#host = host;
    const dialog = this.#dialog;
    dialog.setAttribute("part", "dialog");
    // Light dismiss (a click on the backdrop) where the browser supports it; Esc and Close everywhere.
    dialog.setAttribute("closedby", "any");
    this.#close.type = "button";
    this.#close.className = "close";
    this.#close.setAttribute("part", "close-button");
    this.#close.onclick = () => this.close();
    dialog.onkeydown = this.#trap;
    dialog.onclose = this.#closed;
    if (host.now) this.#booking.now = host.now;
    this.#pass();
    new MutationObserver(this.#pass).observe(host, { attributeFilter: passed() });
    dialog.append(this.#close, this.#booking);
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

  /** Copies the booking's attributes from the button (removing the ones removed there). */
  readonly #pass = (): void => {
    for (const name of passed()) {
      const value = this.#host.getAttribute(name);
      if (value === null) this.#booking.removeAttribute(name);
      else this.#booking.setAttribute(name, value);
    }
  };

  /**
   * A modal dialog makes the page inert, but Tab past its last control leaves for the browser's own
   * controls: here it wraps to the first one (and Shift+Tab from the first to the last).
   */
  readonly #trap = (e: KeyboardEvent): void => {
    if (e.key !== "Tab") return;
    const all = tabbables(this.#dialog);
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const [first, last] = e.shiftKey ? [all.at(-1), all[0]] : [all[0], all.at(-1)];
    if (active === last) {
      e.preventDefault();
      first?.focus();
    }
  };

  readonly #closed = (): void => {
    if (this.#overflow === undefined) return;
    document.documentElement.style.overflow = this.#overflow;
    this.#overflow = undefined;
  };
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
