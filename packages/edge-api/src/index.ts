/**
 * @coreplus-kit/edge-api: the public, tokenless booking API the widget calls. Runtime-agnostic
 * (Web APIs only); the Node entry is `@coreplus-kit/edge-api/node`.
 */

export {
  type AlertPosterOptions,
  type AlertWebhook,
  alertBody,
  alertHookFromEnv,
  alertWebhookFromEnv,
  type CeilingAlert,
  createAlertPoster,
} from "./alerts/index.js";
export {
  createEdgeApp,
  DOCS_ASSET_NAMES,
  type DocsAssets,
  type EdgeApp,
  type EdgeDeps,
} from "./app/index.js";
export type { BookingRateAlert } from "./bookings/index.js";
export { requireProof, withoutProof } from "./challenge/index.js";
export {
  ALTCHA_DEFAULT,
  ALTCHA_DEVELOPMENT,
  type ChallengeConfig,
  type ClinicConfig,
  type DefaultSandboxConfigOptions,
  defaultSandboxConfig,
  type EdgeConfig,
  EdgeConfigError,
  type EdgeConfigFile,
  type EdgeConfigIssue,
  parseEdgeConfig,
  parseEdgeConfigText,
  TURNSTILE_SITEVERIFY_URL,
  type VisitorLimit,
} from "./config/index.js";
export { EdgeError, type EdgeErrorCode } from "./errors.js";
export { PROBLEM_BASE, ProblemError } from "./http/index.js";
export type { Attribution, BookedBy, BookingAnswer, PublicQuestion } from "./schemas/booking-extras.js";
export type { BootstrapQuery, BootstrapResponse } from "./schemas/bootstrap.js";
export { BootstrapResponse as BootstrapResponseSchema } from "./schemas/bootstrap.js";
export type { ChallengeResponse, Proof } from "./schemas/challenge.js";
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
  OfferedAppointmentType,
  PractitionersQuery,
  PractitionersResponse,
  Price,
  ProblemDetails,
  ProblemFieldError,
  ProblemType,
  PublicAppointmentType,
  PublicDiscipline,
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
export {
  type CacheEntry,
  type CacheSetOptions,
  type ClinicState,
  type ConsumerState,
  createMemoryState,
  type EdgeStateFactory,
  type HitResult,
  type IdempotencyRecord,
  type Json,
  type LockOptions,
  LockTimeoutError,
  type MemoryStateOptions,
  type StateHealth,
} from "./state/index.js";
export type { LogSink } from "./types.js";
export { BudgetWaitAbortedError } from "./upstream/index.js";
