/**
 * Switches between the booking flow and the manage views (in the later chunk, with those views): follows
 * the `booking` and `view` attributes and the page's `coreplus_booking` parameter, opens "Find my booking"
 * from the first step, and makes the manage views' controller. The first screen's ManageEntry
 * (view/manage-entry.ts) only decides that a manage view is asked for and shows a placeholder until this is in.
 */
import type { ReactiveController, TemplateResult } from "lit";
import type { ProfileWithChanges } from "../api/manage-types.js";
import { askedView, type WidgetView } from "../internal/requested-view.js";
import { ManageController } from "./manage-controller.js";
import type { ManageHost } from "./manage-state.js";
import { manageView } from "./manage-view.js";

/** The element's attributes that open the manage views. */
export type ManageEntryHost = ManageHost & { readonly booking: string; readonly view: string };

/** What the switch needs of the booking flow (BookingController), spelled out so no import cycle forms. */
export interface ManageFlow {
  readonly profile: ProfileWithChanges | undefined;
  i18n(): { locale: string };
  another(): void;
}

/** Decides between the booking flow and the manage views, and makes the latter's controller. */
export class ManageSwitch implements ReactiveController {
  readonly #host: ManageEntryHost;
  readonly #flow: ManageFlow;
  #asked = "";
  #shown: WidgetView = { view: "book" };
  #fromBooking = false;
  #controller: ManageController | undefined;

  /**
   * Made once the chunk is in: shows what the attributes ask for (moving focus there when `moveFocus`, as
   * after "Try again"), then "Find my booking" when `find` (it was pressed while the chunk loaded).
   */
  constructor(host: ManageEntryHost, flow: ManageFlow, find: boolean, moveFocus: boolean) {
    this.#host = host;
    this.#flow = flow;
    host.addController(this);
    this.#follow(moveFocus);
    if (find) this.openFind();
  }

  /** Follows the attributes and the page's query whenever what they ask for changes. */
  hostUpdate(): void {
    this.#follow(false);
  }

  /** "Find my booking" on the booking flow's first step. */
  openFind(): void {
    this.#fromBooking = true;
    this.#show({ view: "find" }, true);
  }

  /** The manage views' card, or undefined while the booking flow shows. */
  render(): TemplateResult | undefined {
    return this.#controller && this.#shown.view !== "book" ? manageView(this.#controller) : undefined;
  }

  #follow(moveFocus: boolean): void {
    const asked = askedView(this.#host);
    const key = JSON.stringify(asked);
    if (key === this.#asked) return;
    this.#asked = key;
    this.#fromBooking = false;
    this.#show(asked, moveFocus);
  }

  #show(view: WidgetView, moveFocus: boolean): void {
    this.#shown = view;
    this.#host.requestUpdate();
    if (view.view === "book") return;
    this.#controller ??= new ManageController(this.#host, {
      profile: () => this.#flow.profile,
      i18n: () => this.#flow.i18n(),
      cameFromBooking: () => this.#fromBooking,
      toBooking: () => {
        this.#shown = { view: "book" };
        this.#flow.another();
      },
    });
    this.#controller.open(view, moveFocus);
  }
}
