/**
 * Opens the manage views instead of the booking flow when the `booking` or `view` attribute, the
 * page's `coreplus_booking` parameter or the first step's "Find my booking" asks for them. The first
 * screen holds only that check and the placeholder card: the switching itself (manage/switch.ts) and the
 * views come with the later chunk, loaded with `import()` the first time they are asked for.
 */
import { html, type TemplateResult } from "lit";
import type { BookingController } from "../controller/index.js";
import { loadLater } from "../internal/later-chunk.js";
import { askedView } from "../internal/requested-view.js";
import type { ManageEntryHost, ManageSwitch } from "../manage/switch.js";
import { type LazyContext, lazyView } from "./lazy-view.js";

/** Decides whether a manage view is asked for, and loads the switch (manage/switch.ts) that shows it. */
export class ManageEntry {
  readonly #host: ManageEntryHost;
  readonly #flow: BookingController;
  /** "Find my booking" was pressed before the switch was in. */
  #find = false;
  /** A load failed: the next one comes from "Try again", and moves focus to what it shows. */
  #retried = false;
  #switch: ManageSwitch | undefined;
  // Made outside a render (a render swallows the updates the switch asks for); after a failure, on "Try again".
  readonly #view = lazyView<ManageSwitch, LazyContext>(
    () =>
      loadLater().then(
        (mod) => (this.#switch = new mod.ManageSwitch(this.#host, this.#flow, this.#find, this.#retried)),
        (e: unknown) => {
          this.#retried = true;
          throw e;
        },
      ),
    (s) => s.render(),
  );

  constructor(host: ManageEntryHost, flow: BookingController) {
    this.#host = host;
    this.#flow = flow;
  }

  /** "Find my booking" on the booking flow's first step. */
  openFind(): void {
    this.#find = true;
    if (this.#switch) this.#switch.openFind();
    else this.#host.requestUpdate();
  }

  /** The manage views' card, or undefined while the booking flow shows. */
  render(): TemplateResult | undefined {
    // From the moment it is made (its first update may come before the lazy view's own).
    if (this.#switch) return this.#switch.render();
    const h = this.#host;
    if (!this.#find && askedView(h).view === "book") return undefined;
    // A failed load says so without a phone (the manage views' location is the booking's, not the flow's).
    const body = this.#view({ c: noContact, m: this.#flow.i18n().m, rerender: () => h.requestUpdate() });
    return html`<section class="card" part="card" aria-busy="true">${body}</section>`;
  }
}

const noContact = { contact: () => undefined };
