/**
 * The edge API's JSON shapes, taken from @coreplus-kit/edge-api as types only: nothing of that
 * package reaches the bundle. Re-exported here so the widget imports them from one place.
 */
export type {
  AppointmentTypesResponse,
  AvailabilityDay,
  AvailabilityResponse,
  BookingRequest,
  BookingResponse,
  BookingSummary,
  ChallengeResponse,
  ClinicProfileResponse,
  OfferedAppointmentType,
  PractitionersResponse,
  ProblemDetails,
  ProblemFieldError,
  PublicAppointmentType,
  PublicDiscipline,
  PublicLocation,
  PublicPractitioner,
  PublicSlot,
} from "@coreplus-kit/edge-api";

import type { ClinicProfileResponse } from "@coreplus-kit/edge-api";

/** The clinic object of the public profile. */
export type ClinicProfile = ClinicProfileResponse["clinic"];
