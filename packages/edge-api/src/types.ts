/**
 * The types every layer shares, in one leaf module (it imports types only, and nothing imports it
 * back into a circle): a clinic's long-lived runtime, a request's scope, and the Hono environment
 * that carries them from middleware to handlers.
 */
import type { CoreplusClient } from "@coreplus-kit/core";
import type { Slot, SlotRange, SlotSubject } from "./availability/shapes.js";
import type { ChallengeService } from "./challenge/service.js";
import type { ClinicConfig } from "./config/schema.js";
import type { BoundedMap } from "./internal/bounded-map.js";
import type { ManageTokens } from "./manage/token.js";
import type { Generation } from "./state/generation.js";
import type { ClinicState } from "./state/types.js";

/** How a cached read was answered, for Server-Timing and the logs. */
export type CacheStatus = "hit" | "stale" | "miss";

/** A remembered availability answer and what it was computed from (see availability/answer.ts). */
export interface AvailabilityMemo {
  catalogue: number;
  /** What the query resolved to under that catalogue (valid with it, within the day). */
  subject: SlotSubject;
  /** The bookable part of the query's dates, if any. */
  range: SlotRange | undefined;
  /** The Mondays of the weeks `range` touches. */
  weeks: readonly string[];
  /** The versions of the week entries the answer was sliced from. */
  rows: string | undefined;
  /** The slots of `range` in those entries (for the taken-slots check). */
  slots: readonly Slot[];
  takenSig: string;
  validFrom: number;
  validUntil: number;
  body: string;
}

/** One clinic's long-lived parts. */
export interface ClinicRuntime {
  config: ClinicConfig;
  state: ClinicState;
  /** core's client for this clinic, with the consumer's shared budget and the health observer. */
  coreplus: CoreplusClient;
  /** Derived answers remembered in this process (never the source of truth; see availabilityJson). */
  memo: BoundedMap<AvailabilityMemo>;
  /**
   * Counts this process's writes to the clinic's state (app/answer-memo.ts): a remembered answer
   * stamped with an older value may have been computed from what a write changed.
   */
  generation: Generation;
  /** JSON texts of catalogue answers, per catalogue version (see catalogue/answer-json.ts). */
  texts: BoundedMap<{ version: number; text: string }>;
  /** The clinic's anti-bot challenge (see challenge/). */
  challenge: ChallengeService;
  /** Keys the idempotency records' body HMAC (derived from the deployment secret). */
  bodyKey: Promise<CryptoKey>;
  /** Signs and checks manage tokens (one secret per deployment). */
  manage: ManageTokens;
  /** The app's alert hook (EdgeDeps.onAlert): the clinic's booking ceiling was reached. */
  onAlert?: ((alert: BookingRateAlert) => unknown) | undefined;
}

/** What the alert hook receives (no patient detail). */
export interface BookingRateAlert {
  alert: "booking-rate";
  clinic: string;
  /** The ceiling that was reached: `limit` bookings per `windowSeconds`. */
  limit: number;
  windowSeconds: number;
  /** When it was reached (ISO 8601, UTC). */
  at: string;
}

/** Per-request facts and hooks. */
export interface RequestScope {
  rt: ClinicRuntime;
  /** Business time at the start of the request. */
  now: Date;
  /** Wall clock in ms (cache freshness). */
  wallNow: () => number;
  defer: (p: Promise<unknown>) => void;
  /** Structured log line for this request (no patient data). */
  log: (entry: Record<string, unknown>) => void;
  /** Cache outcomes seen while answering, for Server-Timing. */
  cache: CacheStatus[];
  /** The visitor's address (as the visitorAddress middleware found it). */
  visitor: string;
  /** The clinic's write generation when the request began (app/answer-memo.ts). */
  generation: number;
  /** Wall-clock ms when the request began. */
  startedAt: number;
  /**
   * Wall-clock ms until which every cache entry the answer was read from stays fresh (lowered by each
   * hit, see upstream/cached-read.ts): a remembered answer is never served past it.
   */
  freshUntil: number;
  /**
   * Business-time ms until which the answer stands as it is (lowered by availabilityJson: the next
   * slot falling inside the minimum notice, or midnight; -Infinity for an answer never to remember).
   */
  validUntil: number;
  /** The body of a public read answered with cachedJson (http/cached-answer.ts), for the answer memo. */
  answer?: RememberedBody;
  /**
   * Called before a read that missed the cache calls coreplus: counts the miss against the visitor's
   * `limits.misses` and throws a 429 problem past it (set by visitorLimit()).
   */
  onMiss?: () => Promise<void>;
}

/** What a remembered public read sends: its bytes, their ETag and its Cache-Control. */
export interface RememberedBody {
  etag: string;
  bytes: Uint8Array<ArrayBuffer>;
  cacheControl: string;
}

/** Variables set by the middleware chain. */
export interface EdgeVariables {
  /** Echoed as X-Request-Id and in every log line of the request. */
  requestId: string;
  /** Set by clinicScope() once the clinic slug in the path resolved. */
  scope: RequestScope;
  /** The visitor's address (socket, CF-Connecting-IP, or a trusted X-Forwarded-For). */
  visitor: string;
  /**
   * The answer's headers by lower-case name, set by the middleware chain (request id, security,
   * Vary, CORS) and given to the answer once (see http/headers.ts).
   */
  headers: Record<string, string>;
  /** The answer built from `headers` (http/headers.ts), if any: it needs nothing added after the handler. */
  answered: Response;
  /** Extra fields for the request's log line (never patient data). */
  logFields: Record<string, unknown>;
  /** performance.now() at the start of the request. */
  started: number;
}

/** The Hono env type of the edge app. */
export interface EdgeEnv {
  Bindings: Record<string, unknown>;
  Variables: EdgeVariables;
}
