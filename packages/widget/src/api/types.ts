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
  BootstrapResponse,
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
  PublicQuestion,
  PublicSlot,
} from "@coreplus-kit/edge-api";

import type { ClinicProfileResponse } from "@coreplus-kit/edge-api";

/**
 * The clinic object of the public profile. Fields added since the first release are optional here:
 * an older edge API leaves them out, and the widget then behaves as before.
 */
export type ClinicProfile = Omit<ClinicProfileResponse["clinic"], "questions" | "privacyUrl"> &
  Partial<Pick<ClinicProfileResponse["clinic"], "questions" | "privacyUrl">>;
