/**
 * Verifies a coreplus request's Authorization header the way coreplus does (coreplus-api.md §2), with
 * a typed reason for every refusal. The sandbox uses it; integrators can use it in their own tests.
 */
import { errors, jwtVerify } from "jose";
import {
  algProblem,
  claimProblems,
  DEFAULT_CLOCK_SKEW_SECONDS,
  DEFAULT_MAX_LIFETIME_SECONDS,
  decodeToken,
  methodProblem,
  type RequestClaims,
  TOKEN_ALGORITHM,
  type TokenProblem,
  type TokenRejectionReason,
  timeProblems,
  urlProblem,
} from "./claims.js";

/** What the verifier learns about a consumer from the caller's lookup. */
export interface ConsumerRecord {
  consumerSecret: string;
  /** Whether this access token is granted to the consumer and not expired. */
  isAccessTokenValid: (accessToken: string) => boolean;
}

/** Options for {@link verifyRequestToken}: the actual request and how to find a consumer. */
export interface VerifyRequestOptions {
  /** The actual request method. */
  method: string;
  /** The actual request URL (absolute). */
  url: string | URL;
  /** The actual Content-Type header. */
  contentType?: string | null;
  /** True when the request carries a body (POST/PUT with content). */
  hasBody?: boolean;
  /** The consumer's secret and access-token check; undefined means an unknown consumer. */
  lookupConsumer: (consumerId: string) => undefined | ConsumerRecord | Promise<undefined | ConsumerRecord>;
  /** How far the signer's clock may run ahead (applies to nbf). Default 5. */
  clockSkewSeconds?: number;
  /** Longest accepted exp - nbf. Default 3600. */
  maxLifetimeSeconds?: number;
  /** Wall clock in ms. Default `Date.now`. */
  now?: () => number;
}

/** The outcome of {@link verifyRequestToken}; `detail` never contains the secret, the token or the access token. */
export type VerifyResult =
  | { ok: true; claims: RequestClaims }
  | { ok: false; reason: TokenRejectionReason; detail: string };

const SCHEME = "JwToken";

function fail(problem: TokenProblem): VerifyResult {
  return { ok: false, reason: problem.reason, detail: problem.detail };
}

/** The JWT from "JwToken <jwt>", or the header problem: the scheme is exact and followed by exactly one space. */
function tokenFromHeader(authorization: string | null | undefined): string | TokenProblem {
  if (authorization === undefined || authorization === null || authorization.trim() === "") {
    return { reason: "missing_header", detail: "no Authorization header" };
  }
  const space = authorization.indexOf(" ");
  const scheme = space === -1 ? authorization : authorization.slice(0, space);
  if (scheme !== SCHEME) {
    return { reason: "malformed_header", detail: `the Authorization scheme must be "${SCHEME}"` };
  }
  const jwt = authorization.slice(space + 1);
  if (space === -1 || jwt === "" || /\s/.test(jwt)) {
    return {
      reason: "malformed_header",
      detail: `expected "${SCHEME}" followed by exactly one space and the JWT`,
    };
  }
  return jwt;
}

// Imported keys, keyed by secret, so a busy verifier does not re-import one per request. Bounded so
// that a long-lived process verifying many consumers cannot grow it without limit.
const keyCache = new Map<string, Promise<CryptoKey>>();
const KEY_CACHE_LIMIT = 64;

function verifyKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.delete(keyCache.keys().next().value as string);
    key = crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["verify"],
    );
    keyCache.set(secret, key);
    key.catch(() => keyCache.delete(secret));
  }
  return key;
}

/** Checks the signature with jose; its own exp/nbf checks are ignored because we make them precisely below. */
async function signatureProblem(jwt: string, secret: string): Promise<TokenProblem | undefined> {
  if (secret === "") return { reason: "bad_signature", detail: "the consumer has no secret" };
  try {
    await jwtVerify(jwt, await verifyKey(secret), { algorithms: [TOKEN_ALGORITHM] });
    return undefined;
  } catch (error) {
    // jose checks the signature before any claim, so a claim failure means the signature was good.
    if (error instanceof errors.JWTExpired || error instanceof errors.JWTClaimValidationFailed) {
      return undefined;
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return { reason: "bad_signature", detail: "the signature does not match the consumer secret" };
    }
    if (error instanceof errors.JOSEAlgNotAllowed) {
      return { reason: "unsupported_alg", detail: "coreplus accepts only HS256" };
    }
    return { reason: "malformed_token", detail: "the token is not a valid JWS" };
  }
}

function contentTypeProblem(opts: VerifyRequestOptions): TokenProblem | undefined {
  if (!opts.hasBody) return undefined;
  const mediaType = (opts.contentType ?? "").split(";", 1)[0]?.trim().toLowerCase();
  if (mediaType === "application/json") return undefined;
  return {
    reason: "missing_content_type",
    detail: "a request with a body must send Content-Type: application/json",
  };
}

/**
 * Verifies the Authorization header of one request. Checks, first failure wins: header and scheme;
 * token shape and alg (HS256 only); consumerId and the consumer lookup; the signature; every required
 * claim; the access token; nbf (with `clockSkewSeconds` of grace), exp (none), exp - nbf; httpMethod;
 * url (path case-insensitive, trailing "/" ignored, raw query exact, scheme and host ignored); and
 * Content-Type on a request with a body. Never throws for a bad token; returns the reason instead.
 */
export async function verifyRequestToken(
  authorization: string | null | undefined,
  opts: VerifyRequestOptions,
): Promise<VerifyResult> {
  const jwt = tokenFromHeader(authorization);
  if (typeof jwt !== "string") return fail(jwt);
  const decoded = decodeToken(jwt);
  if ("reason" in decoded) return fail(decoded);
  const badAlg = algProblem(decoded.header);
  if (badAlg) return fail(badAlg);

  const { consumerId } = decoded.claims;
  if (typeof consumerId !== "string" || consumerId === "") {
    return fail({ reason: "missing_claim", detail: "the consumerId claim is missing" });
  }
  const consumer = await opts.lookupConsumer(consumerId);
  if (!consumer) {
    return fail({ reason: "unknown_consumer", detail: `no consumer ${JSON.stringify(consumerId)}` });
  }
  const badSignature = await signatureProblem(jwt, consumer.consumerSecret);
  if (badSignature) return fail(badSignature);

  const [missing] = claimProblems(decoded.claims);
  if (missing) return fail(missing);
  const claims = decoded.claims as unknown as RequestClaims;

  if (!consumer.isAccessTokenValid(claims.accessToken)) {
    return fail({
      reason: "access_token_invalid",
      detail: "the access token is not granted to this consumer, or has expired",
    });
  }
  const [badTime] = timeProblems(claims.nbf, claims.exp, {
    nowMs: (opts.now ?? Date.now)(),
    clockSkewSeconds: opts.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
    maxLifetimeSeconds: opts.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS,
  });
  if (badTime) return fail(badTime);
  const badMethod = methodProblem(claims.httpMethod, opts.method);
  if (badMethod) return fail(badMethod);
  const badUrl = urlProblem(claims.url, opts.url);
  if (badUrl) return fail(badUrl);
  const badContentType = contentTypeProblem(opts);
  if (badContentType) return fail(badContentType);

  const { iss, aud, nbf, exp, accessToken, url, httpMethod } = claims;
  return { ok: true, claims: { iss, aud, nbf, exp, consumerId, accessToken, url, httpMethod } };
}
