/** Decodes a request token without a key and lists what coreplus would object to (for the CLI and diagnostics). */
import {
  algProblem,
  claimProblems,
  DEFAULT_CLOCK_SKEW_SECONDS,
  DEFAULT_MAX_LIFETIME_SECONDS,
  decodeToken,
  type TokenProblem,
  type TokenRejectionReason,
  timeProblems,
} from "./claims.js";

/** What {@link inspectToken} finds: the decoded parts and every problem visible without the secret. */
export interface TokenInspection {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  problems: { reason: TokenRejectionReason; detail: string }[];
}

/**
 * Decodes a JWT without verifying its signature and lists every problem coreplus would see that needs
 * no secret: malformed token, alg other than HS256, each missing claim, not yet valid, expired, lifetime
 * too long, and an httpMethod that is not upper case. A "JwToken " prefix is tolerated.
 */
export function inspectToken(jwt: string, opts: { now?: () => number } = {}): TokenInspection {
  const token = jwt.trim().replace(/^JwToken\s+/, "");
  const decoded = decodeToken(token);
  if ("reason" in decoded) return { header: {}, claims: {}, problems: [decoded] };
  const { header, claims } = decoded;
  const problems: TokenProblem[] = [];
  const badAlg = algProblem(header);
  if (badAlg) problems.push(badAlg);
  problems.push(...claimProblems(claims));
  const { nbf, exp, httpMethod } = claims;
  if (Number.isInteger(nbf) && Number.isInteger(exp)) {
    problems.push(
      ...timeProblems(nbf as number, exp as number, {
        nowMs: (opts.now ?? Date.now)(),
        clockSkewSeconds: DEFAULT_CLOCK_SKEW_SECONDS,
        maxLifetimeSeconds: DEFAULT_MAX_LIFETIME_SECONDS,
      }),
    );
  }
  if (typeof httpMethod === "string" && httpMethod !== "" && httpMethod !== httpMethod.toUpperCase()) {
    problems.push({
      reason: "method_mismatch",
      detail: `httpMethod ${JSON.stringify(httpMethod)} must be upper case`,
    });
  }
  return { header, claims, problems };
}
