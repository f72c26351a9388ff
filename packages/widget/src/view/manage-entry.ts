/**
 * Opens the manage views instead of the booking flow when the `booking` or `view` attribute, the
 * page's `coreplus_booking` parameter or the first step's "Find my booking" asks for them. Their code
 * (../manage) is a chunk of its own, loaded with `import()` the first time it is needed.
 */
import type { ReactiveController } from "lit";
import { html, type TemplateResult } from "lit";
import type { BookingController } from "../controller/index.js";
import { type Later, loadLater } from "../internal/later-chunk.js";
import { requestedView, type WidgetView } from "../internal/requested-view.js";
import type { ManageController, ManageHost } from "../manage/index.js";
import { choiceSkeleton } from "../steps/shared.js";
import { problem } from "./problem.js";

/** The element's attributes that open the manage views. */
export type ManageEntryHost = ManageHost & { readonly booking: string; readonly view: string };

/** Decides between the booking flow and the manage views, and loads the latter. */
export class ManageEntry implements ReactiveController {
  readonly #host: ManageEntryHost;
  readonly #flow: BookingController;
  #asked = "";
  #shown: WidgetView = { view: "book" };
  #fromBooking = false;
  #module: { mod: Later; controller: ManageController } | undefined;
  #failure: unknown;

  constructor(host: ManageEntryHost, flow: BookingController) {
    this.#host = host;
    this.#flow = flow;
    host.addController(this);
  }

  /** Follows the attributes and the page's query whenever what they ask for changes. */
  hostUpdate(): void {
    const search = typeof location === "undefined" ? "" : location.search;
    const asked = requestedView(this.#host.booking, this.#host.view, search);
    const key = JSON.stringify(asked);
    if (key === this.#asked) return;
    this.#asked = key;
    this.#fromBooking = false;
    this.#show(asked, false);
  }

  /** "Find my booking" on the booking flow's first step. */
  openFind(): void {
    this.#fromBooking = true;
    this.#show({ view: "find" }, true);
  }

  /** The manage views' card, or undefined while the booking flow shows. */
  render(): TemplateResult | undefined {
    if (this.#shown.view === "book") return undefined;
    if (this.#module) return this.#module.mod.manageView(this.#module.controller);
    const { m } = this.#flow.i18n();
    const body =
      this.#failure !== undefined
        ? problem(this.#failure, () => this.#retry(), m, undefined)
        : choiceSkeleton();
    return html`<section class="card" part="card" aria-busy="true">${body}</section>`;
  }

  #show(view: WidgetView, moveFocus: boolean): void {
    this.#shown = view;
    this.#host.requestUpdate();
    if (view.view === "book") return;
    void this.#load().then(() => {
      // Only the latest request applies (a slow chunk never overrides a later choice).
      if (this.#shown === view) this.#module?.controller.open(view, moveFocus);
    });
  }

  #retry(): void {
    this.#failure = undefined;
    this.#show(this.#shown, true);
  }

  #load(): Promise<void> {
    return loadLater().then(
      (mod) => {
        this.#module ??= {
          mod,
          controller: new mod.ManageController(this.#host, {
            profile: () => this.#flow.profile,
            i18n: () => this.#flow.i18n(),
            cameFromBooking: () => this.#fromBooking,
            toBooking: () => {
              this.#shown = { view: "book" };
              this.#flow.another();
            },
          }),
        };
        this.#host.requestUpdate();
      },
      (e: unknown) => {
        this.#failure = e;
        this.#host.requestUpdate();
      },
    );
  }
}
