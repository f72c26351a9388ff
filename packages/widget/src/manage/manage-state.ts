/** The manage views' host contract (ManageHost, ManageFlow) and their state. */
import type { ReactiveControllerHost } from "lit";
import type { ManagedResponse, ProfileWithChanges } from "../api/manage-types.js";
import type { PublicSlot } from "../api/types.js";
import type { CalendarDate } from "../internal/dates.js";
import { emptyFind, type FindDraft, type FindErrors } from "./outcomes.js";

/** What the manage views need of the element (`booking` and `view` are the attributes that open them). */
export type ManageHost = ReactiveControllerHost &
  HTMLElement & {
    readonly booking: string;
    readonly view: string;
    readonly api: string;
    readonly clinic: string;
    /** Where "Change or cancel" points (the calendar file carries it): see BookingOptions. */
    readonly manageUrl: string;
    readonly datalayer: boolean;
    readonly now: () => Date;
    readonly renderRoot: ParentNode;
    dispatchEvent(event: Event): boolean;
  };

/** What the manage views need of the booking flow (BookingController), spelled out so no import cycle forms. */
export interface ManageFlow {
  readonly profile: ProfileWithChanges | undefined;
  /** The locale (the strings are looked up for it). */
  i18n(): { locale: string };
  /** "Book another appointment": the booking flow from its start. */
  another(): void;
}

/** Which screen of the manage views shows. */
export type ManageScreen = "find" | "view" | "moved" | "times" | "confirm-move" | "cancel" | "cancelled";

/** The manage views' state; only the controller changes it. */
export interface ManageState {
  /** "book" while the booking flow shows instead. */
  screen: ManageScreen | "book";
  token: string | undefined;
  /** A booking already in hand for `token` (from a lookup or a change), so it is not read again. */
  known: ManagedResponse | undefined;
  find: FindDraft;
  findErrors: FindErrors;
  findProblem: "" | "miss" | "too-many";
  weekFrom: CalendarDate | undefined;
  day: CalendarDate | undefined;
  chosen: PublicSlot | undefined;
  notice: string;
  refresh: number;
  reason: string;
  /** A failed action to show with "Try again". */
  failure: unknown;
  tooLate: boolean;
  /** Bumped to read the booking again (someone changed it meanwhile). */
  reload: number;
}

/** The state before anything is opened (never changed: transitions build new states). */
export const initialManageState: Readonly<ManageState> = {
  screen: "book",
  token: undefined,
  known: undefined,
  find: emptyFind(),
  findErrors: {},
  findProblem: "",
  weekFrom: undefined,
  day: undefined,
  chosen: undefined,
  notice: "",
  refresh: 0,
  reason: "",
  failure: undefined,
  tooLate: false,
  reload: 0,
};
