/**
 * The coreplus request-token claims and the checks shared by verification and inspection
 * (coreplus-api.md §2). Everything here is pure: no clock, no key, no I/O.
 */
import { decodeJwt, decodeProtectedHeader } from "jose";

/** The three credentials coreplus issues to an add-on: consumer id and secret, and the practice's access token. */
export interface CoreplusCredentials {
  consumerId: string;
  consumerSecret: string;
  accessToken: string;
}

/** The claims of a coreplus request token, exactly as coreplus documents them. */
export interface RequestClaims {
  iss: string;
  aud: string;
  nbf: number;
  exp: number;
  consumerId: string;
  accessToken: string;
  url: string;
  httpMethod: string;
}

/** Why a request token is (or would be) refused; see coreplus-api.md §2. */
export type TokenRejectionReason =
  | "missing_header"
  | "malformed_header"
  | "malformed_token"
  | "unsupported_alg"
  | "missing_claim"
  | "unknown_consumer"
  | "bad_signature"
  | "access_token_invalid"
  | "exp_not_after_nbf"
  | "not_yet_valid"
  | "expired"
  | "lifetime_too_long"
  | "method_mismatch"
  | "url_mismatch"
  | "missing_content_type";

/** One problem found in a token. `detail` is for humans and never contains the secret, the token or the access token. */
export interface TokenProblem {
  reason: TokenRejectionReason;
  detail: string;
}

/** The only algorithm coreplus accepts. */
export const TOKEN_ALGORITHM = "HS256";
/** Seconds between nbf and exp in the tokens we sign, as coreplus documents. */
export const TOKEN_LIFETIME_SECONDS = 60;
/** How far the signer's clock may run ahead of ours before a token counts as "not yet valid". */
export const DEFAULT_CLOCK_SKEW_SECONDS = 5;
/** The longest exp - nbf the simulator accepts. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 3600;
/** Default `iss`: coreplus accepts any string (it is meant to be the issuer's web site). */
export const DEFAULT_ISSUER = "coreplus-kit";
/** Default `aud`: the audience coreplus documents (coreplus checks only that `aud` is present). */
export const DEFAULT_AUDIENCE = "https://coreplus.com.au";

const STRING_CLAIMS = ["iss", "aud", "consumerId", "accessToken", "url", "httpMethod"] as const;
const NUMBER_CLAIMS = ["nbf", "exp"] as const;
/** Every claim coreplus requires, in the order they are reported. */
export const REQUIRED_CLAIMS: readonly (keyof RequestClaims)[] = [
  "iss",
  "aud",
  "nbf",
  "exp",
  "consumerId",
  "accessToken",
  "url",
  "httpMethod",
];

/** A compact JWS split into its decoded header and claims (signature not checked). */
export interface DecodedToken {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/** Decodes a compact JWT without verifying it; a problem instead of a throw when it is not one. */
export function decodeToken(jwt: string): DecodedToken | TokenProblem {
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/.test(jwt)) {
    return { reason: "malformed_token", detail: "not a compact JWS (three base64url parts joined by dots)" };
  }
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(jwt) as Record<string, unknown>;
  } catch {
    return { reason: "malformed_token", detail: "the JWT header is not base64url-encoded JSON" };
  }
  try {
    return { header, claims: decodeJwt(jwt) as Record<string, unknown> };
  } catch {
    return { reason: "malformed_token", detail: "the JWT payload is not a base64url-encoded JSON object" };
  }
}

/** The alg problem, if the header names anything but HS256 (including "none" and HS512). */
export function algProblem(header: Record<string, unknown>): TokenProblem | undefined {
  if (header.alg === TOKEN_ALGORITHM) return undefined;
  const alg = typeof header.alg === "string" ? JSON.stringify(header.alg) : "missing";
  return { reason: "unsupported_alg", detail: `alg is ${alg}; coreplus accepts only HS256` };
}

/** One problem per required claim that is absent or of the wrong type. */
export function claimProblems(claims: Record<string, unknown>): TokenProblem[] {
  const problems: TokenProblem[] = [];
  for (const name of REQUIRED_CLAIMS) {
    const value = claims[name];
    if (value === undefined || value === null) {
      problems.push({ reason: "missing_claim", detail: `the ${name} claim is missing` });
    } else if ((STRING_CLAIMS as readonly string[]).includes(name) && (typeof value !== "string" || !value)) {
      problems.push({ reason: "missing_claim", detail: `the ${name} claim must be a non-empty string` });
    } else if ((NUMBER_CLAIMS as readonly string[]).includes(name) && !Number.isInteger(value)) {
      problems.push({ reason: "missing_claim", detail: `the ${name} claim must be whole unix seconds` });
    }
  }
  return problems;
}

/** Options for {@link timeProblems}. */
export interface TimeCheckOptions {
  nowMs: number;
  clockSkewSeconds: number;
  maxLifetimeSeconds: number;
}

/**
 * The time problems: first `exp <= nbf` (a token that is never valid, which the skew would otherwise let
 * through while both lie a few seconds ahead), then in coreplus-api.md §2 order: `now < nbf - skew` is not yet valid; `now >= exp` is
 * expired (the skew forgives a signer whose clock runs ahead, never a stale token); `exp - nbf` above
 * the maximum is too long-lived.
 */
export function timeProblems(nbf: number, exp: number, opts: TimeCheckOptions): TokenProblem[] {
  const problems: TokenProblem[] = [];
  const now = opts.nowMs / 1000;
  if (exp <= nbf) {
    problems.push({
      reason: "exp_not_after_nbf",
      detail: `exp is ${nbf - exp} s before nbf; it must be after it`,
    });
  }
  if (now < nbf - opts.clockSkewSeconds) {
    problems.push({
      reason: "not_yet_valid",
      detail: `nbf is ${Math.ceil(nbf - now)} s in the future (more than the ${opts.clockSkewSeconds} s allowed for clock skew)`,
    });
  }
  if (now >= exp) {
    problems.push({ reason: "expired", detail: `exp passed ${Math.floor(now - exp)} s ago` });
  }
  if (exp - nbf > opts.maxLifetimeSeconds) {
    problems.push({
      reason: "lifetime_too_long",
      detail: `exp - nbf is ${exp - nbf} s; at most ${opts.maxLifetimeSeconds} s is accepted`,
    });
  }
  return problems;
}

/** The httpMethod problem: the claim must be the request method in upper case. */
export function methodProblem(claimed: string, actualMethod: string): TokenProblem | undefined {
  const actual = actualMethod.toUpperCase();
  if (claimed === actual) return undefined;
  const hint = claimed.toUpperCase() === actual ? " (the claim must be upper case)" : "";
  return {
    reason: "method_mismatch",
    detail: `httpMethod claim ${JSON.stringify(claimed)} does not match the request method ${actual}${hint}`,
  };
}

const PLACEHOLDER_ORIGIN = "http://placeholder.invalid";

/** The path and the raw query string (after "?", before "#") of an absolute or relative URL. */
function splitUrl(url: string | URL): { path: string; query: string } | undefined {
  if (typeof url !== "string") return { path: url.pathname, query: url.search.slice(1) };
  let path: string;
  try {
    path = new URL(url, PLACEHOLDER_ORIGIN).pathname;
  } catch {
    return undefined;
  }
  const noHash = url.split("#", 1)[0] ?? "";
  const q = noHash.indexOf("?");
  return { path, query: q === -1 ? "" : noHash.slice(q + 1) };
}

function samePath(a: string, b: string): boolean {
  const trim = (p: string) => (p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p).toLowerCase();
  return trim(a) === trim(b);
}

/**
 * The url problem (coreplus-api.md §2): the claim may be absolute or relative; paths compare
 * case-insensitively ignoring a trailing "/", the raw query string compares exactly, scheme and host
 * are ignored. Details name paths only: query strings can carry patient names.
 */
export function urlProblem(claimed: string, actualUrl: string | URL): TokenProblem | undefined {
  const claim = splitUrl(claimed);
  if (!claim) return { reason: "url_mismatch", detail: "the url claim is not a URL" };
  const actual = splitUrl(actualUrl);
  if (!actual) return { reason: "url_mismatch", detail: "the request URL could not be parsed" };
  if (!samePath(claim.path, actual.path)) {
    return {
      reason: "url_mismatch",
      detail: `url claim path ${claim.path} does not match the request path ${actual.path}`,
    };
  }
  if (claim.query !== actual.query) {
    return {
      reason: "url_mismatch",
      detail: "the url claim's query string differs from the request's (it must be signed exactly as sent)",
    };
  }
  return undefined;
}
