/** Public types of the coreplus client. */
import type { CoreplusCredentials } from "../jwt/index.js";
import type { RequestLimiter } from "../limiter.js";
import type {
  Appointment,
  AppointmentBook,
  AppointmentType,
  AppointmentTypeCreate,
  AppointmentUpdate,
  AvailabilitySlot,
  ClientCreate,
  ClientDetail,
  ClientFamily,
  ClientFamilyCreate,
  ClientSummary,
  ClientUpdate,
  Location,
  Practitioner,
} from "../models/index.js";

/** Options for {@link createCoreplusClient}. */
export interface CoreplusClientOptions extends CoreplusCredentials {
  /** An origin such as "https://sandbox.coreplus.com.au"; a trailing "/API/Core/vX" is stripped. */
  baseUrl: string;
  /** API version. Default "v2.1" (or the version in a stripped "/API/Core/vX" suffix). */
  version?: "v2" | "v2.1";
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms. Default 10 000. */
  timeoutMs?: number;
  /** Default: a new `createSlidingWindowLimiter()` per client (9 starts per second). */
  limiter?: RequestLimiter;
  /** Backoff for retries: 3 retries, 200 ms base, 5 s cap by default. */
  retry?: { retries?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** `iss` claim of the request tokens. */
  issuer?: string;
  /** `aud` claim of the request tokens. Default "https://coreplus.com.au". */
  audience?: string;
}

/** Query parameter values; arrays become repeated keys, undefined is left out. */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** One raw request through the client's pipeline. */
export interface CoreplusRequest {
  method: "GET" | "POST" | "PUT";
  /** Under the API base, e.g. "/Client/" or "/Client/{id}/" (a trailing slash is added). */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Default: GET retried on 5xx/network/timeout; every method is retried on 429. */
  idempotent?: boolean;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Paging query parameters (1-based page, at most 100 per page). */
export type PageQuery = { pageNumber?: number; pageSize?: number };

/** One page of a list. */
export interface Page<T> {
  items: T[];
  paging: { pageNumber: number; pageSize: number; totalRows: number } | undefined;
}

/** Every item of a list, fetched page by page as it is consumed. */
export interface PagedIterable<T> extends AsyncIterable<T> {
  /** Collects the items (at most `limit`), fetching no more pages than needed. */
  toArray(opts?: { limit?: number }): Promise<T[]>;
}

/** Filters of `GET /Practitioner/`. */
export type PractitionerQuery = { locationId?: string } & PageQuery;
/** Filters of `GET /AppointmentType/`. */
export type AppointmentTypeQuery = PageQuery;
/** Filters of `GET /Client/`. */
export type ClientQuery = {
  name?: string;
  dateOfBirth?: string;
  mobile?: string;
  email?: string;
} & PageQuery;
/** Query of `GET /AvailabilitySlot/` (dates "YYYY-MM-DD" in the timezone's zone). */
export type AvailabilityQuery = {
  startDate: string;
  endDate: string;
  timezoneId: string;
  practitionerId?: string | readonly string[];
  locationId?: string | readonly string[];
  specialtyId?: string | readonly string[];
  appointmentTypeId?: string;
} & PageQuery;
/** Query of `GET /Appointment/`. */
export type AppointmentQuery = {
  startDate: string;
  endDate: string;
  timezoneId: string;
  practitionerId?: string;
  locationId?: string;
  clientId?: string;
  includeCancelled?: boolean;
  getPractitionerProfiles?: boolean;
} & PageQuery;

/** The typed coreplus client. */
export interface CoreplusClient {
  /** The API base, e.g. "http://127.0.0.1:4010/API/Core/v2.1". */
  readonly baseUrl: string;
  /** A raw request: signed, throttled, retried and error-mapped; resolves to the parsed JSON. */
  request<T = unknown>(req: CoreplusRequest): Promise<T>;
  locations: {
    list(q?: PageQuery, opts?: CallOptions): Promise<Page<Location>>;
    iterate(q?: PageQuery, opts?: CallOptions): PagedIterable<Location>;
    get(id: string, opts?: CallOptions): Promise<Location>;
  };
  practitioners: {
    list(q?: PractitionerQuery, opts?: CallOptions): Promise<Page<Practitioner>>;
    iterate(q?: PractitionerQuery, opts?: CallOptions): PagedIterable<Practitioner>;
    get(id: string, opts?: CallOptions): Promise<Practitioner>;
  };
  appointmentTypes: {
    list(q?: AppointmentTypeQuery, opts?: CallOptions): Promise<Page<AppointmentType>>;
    iterate(q?: AppointmentTypeQuery, opts?: CallOptions): PagedIterable<AppointmentType>;
    create(
      body: AppointmentTypeCreate,
      opts?: CallOptions,
    ): Promise<{ appointmentTypeId: string; description: string }>;
  };
  clients: {
    list(q?: ClientQuery, opts?: CallOptions): Promise<Page<ClientSummary>>;
    iterate(q?: ClientQuery, opts?: CallOptions): PagedIterable<ClientSummary>;
    get(id: string, opts?: CallOptions): Promise<ClientDetail>;
    /** Never retried except on 429 (a retry could create a second client). */
    create(body: ClientCreate, opts?: CallOptions): Promise<{ clientId: string }>;
    update(id: string, body: ClientUpdate, opts?: CallOptions): Promise<ClientDetail>;
  };
  availability: {
    list(q: AvailabilityQuery, opts?: CallOptions): Promise<Page<AvailabilitySlot>>;
    iterate(q: AvailabilityQuery, opts?: CallOptions): PagedIterable<AvailabilitySlot>;
  };
  appointments: {
    list(q: AppointmentQuery, opts?: CallOptions): Promise<Page<Appointment>>;
    iterate(q: AppointmentQuery, opts?: CallOptions): PagedIterable<Appointment>;
    /**
     * `GET /Appointment/{id}/` (cancelled ones too); `getPractitionerProfiles` adds the practitioner's
     * names, `cancellationId` the cancellation fields. Accepted wrapped or bare.
     */
    get(
      id: string,
      opts?: { getPractitionerProfiles?: boolean; cancellationId?: boolean } & CallOptions,
    ): Promise<Appointment>;
    /** Never retried except on 429: a blind retry could book twice. */
    book(body: AppointmentBook, opts?: CallOptions): Promise<Appointment>;
    /**
     * Changes or reschedules the same appointment in place (start/end, practitioner, location, type,
     * notes, …). A taken time is a CoreplusSlotUnavailableError and leaves it unchanged. Never retried except on 429.
     */
    update(id: string, patch: AppointmentUpdate, opts?: CallOptions): Promise<Appointment>;
    /**
     * `POST /Appointment/{id}/` with `{"deleted": true}`: status "Cancelled", the slot is free again;
     * cancelling a cancelled appointment changes nothing. Never retried except on 429.
     */
    cancel(id: string, opts?: { reasonId?: string; notes?: string } & CallOptions): Promise<Appointment>;
  };
  clientFamily: {
    /**
     * `POST /ClientFamily/`: records a family member or carer on a client (a contact, not a client).
     * Never retried except on 429 (a retry could record the person twice).
     */
    create(body: ClientFamilyCreate, opts?: CallOptions): Promise<ClientFamily>;
  };
}
