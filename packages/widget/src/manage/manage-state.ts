/** The manage views' host contract (ManageHost, ManageDeps) and their state. */
import type { ReactiveControllerHost } from "lit";
import type { ManagedResponse, ProfileWithChanges } from "../api/manage-types.js";
import type { PublicSlot } from "../api/types.js";
import type { CalendarDate } from "../internal/dates.js";
import { emptyFind, type FindDraft, type FindErrors } from "./outcomes.js";

/** What the manage views need of the element. */
export type ManageHost = ReactiveControllerHost & {
  readonly api: string;
  readonly clinic: string;
  readonly datalayer: boolean;
  readonly now: () => Date;
  readonly renderRoot: ParentNode;
  dispatchEvent(event: Event): boolean;
};

/** What the element lends the manage views: the loaded profile, the language, the way back. */
export interface ManageDeps {
  profile(): ProfileWithChanges | undefined;
  /** The locale (the strings are looked up for it). */
  i18n(): { locale: string };
  /** "Book a new time", or Back from "Find my booking" when it was opened from the first step. */
  toBooking(): void;
  /** Whether "Find my booking" was opened from the booking flow (it then has a Back button). */
  cameFromBooking(): boolean;
}

/** Which screen of the manage views shows. */
export type ManageScreen = "find" | "view" | "moved" | "times" | "confirm-move" | "cancel" | "cancelled";

/** The manage views' state; only the controller changes it. */
export interface ManageState {
  screen: ManageScreen;
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
  reasonError: string;
  /** A failed action to show with "Try again". */
  failure: unknown;
  tooLate: boolean;
  /** Bumped to read the booking again (someone changed it meanwhile). */
  reload: number;
}

/** The state before anything is opened (never changed: transitions build new states). */
export const initialManageState: Readonly<ManageState> = {
  screen: "view",
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
  reasonError: "",
  failure: undefined,
  tooLate: false,
  reload: 0,
};
