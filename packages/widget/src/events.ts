/**
 * The element's events (architecture.md "Widget contract"): typed, bubbling, composed, and never
 * carrying patient details, so analytics on the clinic's page can listen safely.
 */
import type { EdgeErrorCode } from "./api/edge-error.js";

/** The steps of the flow, in order; `done` is the confirmation. */
export type BookingStep =
  | "location"
  | "service"
  | "practitioner"
  | "time"
  | "details"
  | "review"
  | "done"
  | "returning";

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
  step: BookingStep;
  /** What was being done: loading the clinic, a list, times, or booking. */
  operation: "profile" | "appointment-types" | "practitioners" | "availability" | "booking";
  retryable: boolean;
}

/** Event name → detail type, for `dispatch` and the global event map. */
export interface CoreplusEventDetails {
  "coreplus-ready": CoreplusReadyDetail;
  "coreplus-step-change": CoreplusStepChangeDetail;
  "coreplus-slot-selected": CoreplusSlotSelectedDetail;
  "coreplus-booked": CoreplusBookedDetail;
  "coreplus-error": CoreplusErrorDetail;
}

/** Creates one of the element's events: bubbling and composed, so it leaves the shadow root. */
export function coreplusEvent<K extends keyof CoreplusEventDetails>(
  name: K,
  detail: CoreplusEventDetails[K],
): CustomEvent<CoreplusEventDetails[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}

/** The analytics layer Google Tag Manager reads. */
interface DataLayerWindow {
  dataLayer?: unknown[];
}

/** Pushes an event to `window.dataLayer` (created when absent), as GTM expects. */
export function pushDataLayer<K extends keyof CoreplusEventDetails>(
  target: DataLayerWindow,
  name: K,
  detail: CoreplusEventDetails[K],
): void {
  target.dataLayer ??= [];
  target.dataLayer.push({ event: name, coreplus: detail });
}
