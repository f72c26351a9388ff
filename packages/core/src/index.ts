/**
 * @coreplus-kit/core: signed coreplus requests, resource models and the typed client. Web APIs only,
 * so it runs on Node, workerd, Deno and Bun. Every export is named here; internals stay private.
 */

/** The package version. */
export const VERSION = "0.1.0";

// The client
export {
  type AppointmentQuery,
  type AppointmentTypeQuery,
  type AvailabilityQuery,
  type CallOptions,
  type ClientQuery,
  type CoreplusClient,
  type CoreplusClientOptions,
  type CoreplusRequest,
  createCoreplusClient,
  type Page,
  type PagedIterable,
  type PageQuery,
  type PractitionerQuery,
  type QueryValue,
} from "./client/index.js";
// Errors
export {
  CoreplusAuthError,
  CoreplusDateTimeError,
  CoreplusError,
  type CoreplusErrorCode,
  type CoreplusErrorInit,
  type CoreplusIssue,
  CoreplusNetworkError,
  CoreplusNotFoundError,
  CoreplusRateLimitedError,
  CoreplusResponseError,
  CoreplusSlotUnavailableError,
  CoreplusTimeoutError,
  CoreplusUpstreamError,
  CoreplusValidationError,
  type ErrorForStatusInit,
  errorForStatus,
  isSlotUnavailableReason,
  SLOT_UNAVAILABLE_REASON,
} from "./errors.js";
// Signing and verification
export {
  type CoreplusCredentials,
  createRequestSigner,
  inspectToken,
  type RequestClaims,
  type RequestSigner,
  type RequestSignerOptions,
  type TokenRejectionReason,
  type VerifyRequestOptions,
  type VerifyResult,
  verifyRequestToken,
} from "./jwt/index.js";
// Rate limiting
export {
  type AcquireOptions,
  createSlidingWindowLimiter,
  type RequestLimiter,
  type SlidingWindowLimiterOptions,
} from "./limiter.js";
// Models
export {
  Address,
  Appointment,
  AppointmentBook,
  AppointmentCancel,
  AppointmentClient,
  AppointmentPractitioner,
  AppointmentStatus,
  AppointmentType,
  AppointmentTypeCreate,
  AppointmentTypeCreated,
  AppointmentUpdate,
  AvailabilitySlot,
  Boolish,
  CLIENT_GENDERS,
  CLIENT_PRONOUNS,
  CLIENT_STATUSES,
  CLIENT_TITLES,
  ClientCreate,
  ClientCreated,
  ClientDetail,
  ClientFamily,
  ClientFamilyCreate,
  type ClientGender,
  ClientSummary,
  ClientUpdate,
  CoreplusDate,
  CoreplusDateTime,
  FAMILY_RELATIONSHIPS,
  FAMILY_TITLES,
  Guid,
  type ListEnvelopeShape,
  Location,
  LocationTimeZone,
  listEnvelope,
  Paging,
  Practitioner,
  RelatedClient,
  ResultError,
  ResultItem,
  StatusMessages,
} from "./models/index.js";
// Date-times and zones
export {
  addDays,
  COREPLUS_TIMEZONES,
  type CoreplusDateTimeParts,
  dateInZone,
  formatInZone,
  ianaZoneFor,
  normalizeCoreplusDateTime,
  offsetInZone,
  parseCoreplusDateTime,
  timezoneIdFor,
  weekdayOf,
  zonedTimeToInstant,
} from "./time/index.js";
