/** The controller's host, and the flow's state. */
import type { ReactiveControllerHost } from "lit";
import type { ManageToken } from "../api/manage-types.js";
import type { BookingSummary, PublicSlot } from "../api/types.js";
import type { BookingStep } from "../events.js";
import type { CalendarDate } from "../internal/dates.js";
import {
  type BookingPrefill,
  type DetailsDraft,
  emptyDetails,
  type FieldErrors,
} from "../internal/details-draft.js";

/** The element's public attributes and properties, as the flow reads them. */
export interface BookingOptions {
  readonly api: string;
  readonly clinic: string;
  readonly location: string;
  readonly practitioner: string;
  readonly appointmentType: string;
  /** Preselected discipline id (`discipline` attribute). */
  readonly discipline: string;
  readonly datalayer: boolean;
  readonly now: () => Date;
  /** Where "Change or cancel" points: a template with `{token}`, or empty for this page. */
  readonly manageUrl: string;
  /** What the host page knows of its visitor: fills the details' empty fields. */
  readonly prefill?: BookingPrefill | undefined;
  /** The `history` attribute: the browser's Back and Forward move between steps. */
  readonly history?: boolean | undefined;
}

/** What the controller needs of its element. */
export type BookingHost = ReactiveControllerHost &
  BookingOptions &
  Pick<HTMLElement, "closest" | "getAttribute" | "dispatchEvent" | "isConnected"> & {
    readonly renderRoot: ParentNode;
  };

/** The flow's state; the view reads it, only the controller's transitions change it. */
export interface FlowState {
  step: BookingStep;
  /** The discipline chosen ("What do you need help with?"), when the clinic has disciplines. */
  disciplineId?: string | undefined;
  locationId?: string | undefined;
  typeId?: string | undefined;
  practitionerId?: string | undefined;
  weekFrom?: CalendarDate | undefined;
  day?: CalendarDate | undefined;
  chosen?: PublicSlot | undefined;
  details: DetailsDraft;
  errors: FieldErrors;
  showSummary: boolean;
  /** After a Change link on the review (or a failed booking): come back to the review. */
  returnToReview: boolean;
  notice: string;
  booked?: BookingSummary | undefined;
  bookFailure?: unknown;
  /** The live region's text. */
  announcement: string;
  /** Bumped to reload the same range of times (after a 409). */
  refresh: number;
  /** The booking's manage token, when the edge API gave one. */
  manage?: ManageToken | undefined;
  /** "Have you seen us before?" (asked only when some service is for new or returning patients). */
  returning?: boolean | undefined;
  /** The confirmation asks "For you again, or someone else?" ("Book another appointment" was pressed). */
  askAnother?: boolean | undefined;
}

/** A new visitor's state: the first step, nothing chosen (the optional answers are absent). */
export function initialFlowState(): FlowState {
  return {
    step: "location",
    details: emptyDetails(),
    errors: {},
    showSummary: false,
    returnToReview: false,
    notice: "",
    announcement: "",
    refresh: 0,
  };
}
