/**
 * The JSON shapes of managing a booking (architecture.md "Managing a booking"), written here from the
 * contract so the widget needs nothing of the edge API at run time. Fields may be added to each.
 */
import type { BookingSummary, ClinicProfile, PublicSlot } from "./types.js";

/** A manage token and when it stops working (the appointment's start). */
export interface ManageToken {
  token: string;
  expiresAt: string;
}

/** What the patient may still change online, and until when. */
export interface Changeable {
  cancel: boolean;
  reschedule: boolean;
  until: string;
}

/** The booking summary as the manage endpoints answer it. */
export type ManagedBooking = BookingSummary & {
  status: "booked" | "cancelled";
  changeable: Changeable;
};

/** The clinic's policy for changes, in its public profile. */
export interface ClinicChanges {
  cancel: boolean;
  reschedule: boolean;
  noticeHours: number;
  policy: string;
}

/** The profile with the additions since the first release this widget reads. */
export type ProfileWithChanges = ClinicProfile & { changes?: ClinicChanges | undefined };

/** The 201 booking answer, with the manage token added since the first release. */
export interface BookedResponse {
  booking: BookingSummary;
  manage?: ManageToken | undefined;
}

/** POST …/bookings/lookup */
export interface LookupRequest {
  reference: string;
  lastName: string;
  dateOfBirth: string;
}

/** 200 of a lookup (and of a reschedule: a new token for the moved booking). */
export interface ManagedResponse {
  booking: ManagedBooking;
  manage?: ManageToken | undefined;
}

/** POST …/bookings/{token}/cancel */
export interface CancelRequest {
  reason?: string;
}

/** POST …/bookings/{token}/reschedule */
export interface RescheduleRequest {
  start: string;
  practitionerId?: string;
}

/** A slot as the reschedule request is built from it. */
export type RescheduleSlot = Pick<PublicSlot, "start" | "practitionerId">;
