/**
 * @coreplus-kit/edge-api: the public, tokenless booking API the widget calls. Runtime-agnostic
 * (Web APIs only); the Node entry is `@coreplus-kit/edge-api/node`.
 */

export { createEdgeApp, type EdgeApp, type EdgeDeps } from "./app/create-app.js";
export { DOCS_ASSET_NAMES, type DocsAssets } from "./app/docs.js";
export { type DefaultSandboxConfigOptions, defaultSandboxConfig } from "./config/default-sandbox.js";
export {
  EdgeConfigError,
  type EdgeConfigIssue,
  parseEdgeConfig,
  parseEdgeConfigText,
} from "./config/parse-config.js";
export type { ClinicConfig, EdgeConfig, EdgeConfigFile, VisitorLimit } from "./config/schema.js";
export { PROBLEM_BASE, ProblemError } from "./http/problem.js";
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
export { createMemoryState, type MemoryStateOptions } from "./state/memory.js";
export {
  type CacheEntry,
  type CacheSetOptions,
  type ClinicState,
  type ConsumerState,
  type EdgeStateFactory,
  type HitResult,
  type IdempotencyRecord,
  type Json,
  type LockOptions,
  LockTimeoutError,
  type StateHealth,
} from "./state/types.js";
