/**
 * @coreplus-kit/edge-api: the public, tokenless booking API the widget calls. Runtime-agnostic
 * (Web APIs only); the Node entry is `@coreplus-kit/edge-api/node`.
 */
export type {
  AppointmentTypesQuery,
  AppointmentTypesResponse,
  AvailabilityDay,
  AvailabilityQuery,
  AvailabilityResponse,
  BookingPatient,
  BookingRequest,
  BookingResponse,
  BookingRules,
  BookingSlot,
  BookingSummary,
  ClinicProfileResponse,
  HealthResponse,
  PractitionersQuery,
  PractitionersResponse,
  ProblemDetails,
  ProblemFieldError,
  ProblemType,
  PublicAppointmentType,
  PublicLocation,
  PublicPractitioner,
  PublicSlot,
} from "./schemas/public.js";
export {
  AppointmentTypesResponse as AppointmentTypesResponseSchema,
  AvailabilityResponse as AvailabilityResponseSchema,
  BookingRequest as BookingRequestSchema,
  BookingResponse as BookingResponseSchema,
  ClinicProfileResponse as ClinicProfileResponseSchema,
  PROBLEM_TYPES,
  PractitionersResponse as PractitionersResponseSchema,
  ProblemDetails as ProblemDetailsSchema,
} from "./schemas/public.js";
