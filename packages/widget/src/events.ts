/**
 * The element's events (architecture.md "Widget contract"): typed, bubbling, composed, and never
 * carrying patient details, so analytics on the clinic's page can listen safely.
 */
import type { EdgeErrorCode } from "./api/edge-error.js";

/** The steps of the flow, in order; `done` is the confirmation. */
export type BookingStep =
  | "discipline"
  | "location"
  | "returning"
  | "service"
  | "practitioner"
  | "time"
  | "details"
  | "review"
  | "done";

/** `coreplus-ready`: the clinic's profile loaded and the first step is shown. */
export interface CoreplusReadyDetail {
  clinic: string;
  clinicName: string;
  locationCount: number;
}

/** `coreplus-step-change`: a new step is shown. `index` is 1-based among the steps this visitor sees. */
export interface CoreplusStepChangeDetail {
  clinic: string;
  step: BookingStep;
  previousStep: BookingStep;
  index: number;
  total: number;
}

/** `coreplus-slot-selected`: the visitor picked a time. */
export interface CoreplusSlotSelectedDetail {
  clinic: string;
  locationId: string;
  appointmentTypeId: string;
  practitionerId: string;
  /** True when the visitor chose "first available" rather than a practitioner. */
  anyPractitioner: boolean;
  start: string;
  end: string;
  timezone: string;
}

/** `coreplus-booked`: the booking summary, without any patient detail. */
export interface CoreplusBookedDetail {
  clinic: string;
  reference: string;
  start: string;
  end: string;
  timezone: string;
  location: { id: string; name: string };
  practitioner: { id: string; displayName: string };
  appointmentType: { id: string; name: string; durationMinutes: number };
  reminders: { email: boolean; sms: boolean };
}

/** `coreplus-error`: something failed that the visitor was told about. */
export interface CoreplusErrorDetail {
  clinic: string;
  code: EdgeErrorCode;
  status?: number;
  /** The step, or the manage view (`find`, `manage`) where it happened. */
  step: BookingStep | ManageViewName;
  /** What was being done: loading the clinic, a list, times, booking, or managing a booking. */
  operation: "profile" | "appointment-types" | "practitioners" | "availability" | "booking" | ManageOperation;
  retryable: boolean;
}

/** The views that manage an existing booking. */
export type ManageViewName = "find" | "manage";

/** What the manage views do: look a booking up, read it by its token, cancel it, move it. */
export type ManageOperation = "lookup" | "manage-booking" | "cancel" | "reschedule";

/** What identifies a managed appointment in an event: never a patient detail, never the reason. */
export type CoreplusManagedDetail = Omit<CoreplusBookedDetail, "reminders">;

/** `coreplus-cancelled`: the patient cancelled the appointment (its time is what was cancelled). */
export type CoreplusCancelledDetail = CoreplusManagedDetail;

/** `coreplus-rescheduled`: the appointment moved; `start`/`end` are the new time. */
export interface CoreplusRescheduledDetail extends CoreplusManagedDetail {
  previousStart: string;
  previousEnd: string;
}

/** Event name → detail type, for `dispatch` and the global event map. */
export interface CoreplusEventDetails {
  "coreplus-ready": CoreplusReadyDetail;
  "coreplus-step-change": CoreplusStepChangeDetail;
  "coreplus-slot-selected": CoreplusSlotSelectedDetail;
  "coreplus-booked": CoreplusBookedDetail;
  "coreplus-error": CoreplusErrorDetail;
  "coreplus-cancelled": CoreplusCancelledDetail;
  "coreplus-rescheduled": CoreplusRescheduledDetail;
}

/** The analytics layer Google Tag Manager reads. */
interface DataLayerWindow {
  dataLayer?: unknown[];
}

/** What can fire the element's events. */
interface EventHost {
  readonly datalayer: boolean;
  dispatchEvent(event: Event): boolean;
}

/**
 * Fires one of the element's events (bubbling and composed, so it leaves the shadow root), and pushes it to
 * `window.dataLayer` (created when absent, as GTM expects) when `datalayer` is set.
 */
export function emitCoreplus<K extends keyof CoreplusEventDetails>(
  host: EventHost,
  name: K,
  detail: CoreplusEventDetails[K],
): void {
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  if (host.datalayer) {
    const w = window as DataLayerWindow;
    w.dataLayer ??= [];
    w.dataLayer.push({ event: name, coreplus: detail });
  }
}
