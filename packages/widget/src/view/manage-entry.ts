/**
 * Opens the manage views instead of the booking flow when the `booking` or `view` attribute, the
 * page's `coreplus_booking` parameter or the first step's "Find my booking" asks for them. The first
 * screen holds only that check and the placeholder card: the switching itself (manage/manage-controller.ts) and
 * the views come with the later chunk, loaded with `import()` the first time they are asked for.
 */
import { html, type TemplateResult } from "lit";
import type { BookingController } from "../controller/index.js";
import { loadLater } from "../internal/later-chunk.js";
import { askedView } from "../internal/requested-view.js";
import type { ManageController } from "../manage/manage-controller.js";
import type { ManageHost } from "../manage/manage-state.js";
import { type LazyContext, lazyView } from "./lazy-view.js";

/** Decides whether a manage view is asked for, and loads the controller that shows it. */
export class ManageEntry {
  readonly #host: ManageHost;
  readonly #flow: BookingController;
  /** "Find my booking" was pressed before the controller was in. */
  #find = false;
  /** A load failed: the next one comes from "Try again", and moves focus to what it shows. */
  #retried = false;
  #controller: ManageController | undefined;
  // Made outside a render (a render swallows the updates the controller asks for); after a failure, on "Try again".
  readonly #view = lazyView<ManageController, LazyContext>(
    () =>
      loadLater().then(
        (mod) =>
          (this.#controller = new mod.ManageController(
            this.#host,
            this.#flow,
            this.#find,
            this.#retried,
            mod.manageView,
          )),
        (e: unknown) => {
          this.#retried = true;
          throw e;
        },
      ),
    (c) => c.render(),
  );

  constructor(host: ManageHost, flow: BookingController) {
    this.#host = host;
    this.#flow = flow;
  }

  /** "Find my booking" on the booking flow's first step. */
  openFind(): void {
    this.#find = true;
    if (this.#controller) this.#controller.openFind();
    else this.#host.requestUpdate();
  }

  /** The manage views' card, or undefined while the booking flow shows. */
  render(): TemplateResult | undefined {
    // From the moment it is made (its first update may come before the lazy view's own), with the chunk in.
    if (this.#controller) return this.#controller.render();
    const h = this.#host;
    if (!this.#find && askedView(h).view === "book") return undefined;
    // A failed load says so without a phone (the manage views' location is the booking's, not the flow's).
    const body = this.#view({ m: this.#flow.i18n().m, rerender: () => h.requestUpdate() });
    return html`<section class="card" part="card" aria-busy="true">${body}</section>`;
  }
}
