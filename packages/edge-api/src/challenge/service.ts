/**
 * One clinic's challenge: issues what GET …/challenge answers and checks the `proof` of a request,
 * single use through the state's `claimOnce`. altcha by default, Turnstile when configured, none only
 * when the clinic chose it.
 */
import type { ClinicConfig } from "../config/index.js";
import { ProblemError } from "../http/index.js";
import { sha256Hex } from "../internal/crypto.js";
import { AltchaProof, type ChallengeResponse, TurnstileProof } from "../schemas/challenge.js";
import type { ClinicState } from "../state/index.js";
import {
  type AltchaKeys,
  altchaKeys,
  CHALLENGE_TTL_MS,
  createAltchaChallenge,
  verifyAltchaProof,
} from "./altcha.js";
import { verifyTurnstile } from "./turnstile.js";

/** Options for {@link createChallengeService}. */
export interface ChallengeServiceOptions {
  clinic: ClinicConfig;
  state: ClinicState;
  /** The deployment secret (EDGE_SECRET, or the development one). */
  secret: string;
  /** For Turnstile's siteverify. */
  fetch?: typeof fetch;
}

/** A clinic's challenge. */
export interface ChallengeService {
  /** What GET …/challenge answers. */
  issue(nowMs: number): Promise<ChallengeResponse>;
  /**
   * Checks and spends a request's proof. Throws 422 `challenge-required` (missing) or
   * `challenge-failed` (wrong, expired, replayed), or 503 when Turnstile cannot be asked.
   */
  spend(proof: unknown, visitor: string | undefined, nowMs: number): Promise<void>;
}

const required = () =>
  new ProblemError("challenge-required", "Please complete the security check and send its proof.");
/** `why` goes to the request's log line (via the problem's cause), never to the visitor. */
const failed = (why = "invalid") =>
  new ProblemError(
    "challenge-failed",
    "The security check did not pass or has expired. Please try again with a new one.",
    { cause: new Error(`challenge ${why}`) },
  );

/** Creates a clinic's {@link ChallengeService}. */
export function createChallengeService(opts: ChallengeServiceOptions): ChallengeService {
  const { clinic, state } = opts;
  const cfg = clinic.challenge;
  if (cfg.kind === "none")
    return {
      issue: async () => ({ kind: "none" }),
      spend: async () => undefined,
    };
  if (cfg.kind === "turnstile") {
    const hostnames = cfg.hostnames ?? clinic.allowedOrigins.map((o) => new URL(o).hostname);
    return {
      issue: async () => ({ kind: "turnstile", siteKey: cfg.siteKey }),
      async spend(proof, visitor) {
        if (proof === undefined || proof === null) throw required();
        const parsed = TurnstileProof.safeParse(proof);
        if (!parsed.success) throw failed("malformed");
        const outcome = await verifyTurnstile(cfg, {
          token: parsed.data.token,
          hostnames,
          ...(visitor && visitor !== "unknown" ? { remoteIp: visitor } : {}),
          ...(opts.fetch ? { fetch: opts.fetch } : {}),
        });
        if (!outcome.ok) {
          if ("unavailable" in outcome)
            throw new ProblemError(
              "upstream-unavailable",
              "The security check could not be verified just now. Please try again shortly.",
              { status: 503, retryAfter: 5 },
            );
          throw failed("refused");
        }
        // Cloudflare refuses a second use too; this also holds when siteverify is a stand-in.
        if (!(await state.claimOnce(`proof:t:${await sha256Hex(parsed.data.token)}`, CHALLENGE_TTL_MS)))
          throw failed("replayed");
      },
    };
  }
  let keys: Promise<AltchaKeys> | undefined;
  const keysOnce = () => {
    keys ??= altchaKeys(opts.secret);
    return keys;
  };
  return {
    async issue(nowMs) {
      return {
        kind: "altcha",
        challenge: await createAltchaChallenge(cfg, await keysOnce(), clinic.slug, nowMs),
      };
    },
    async spend(proof, _visitor, nowMs) {
      if (proof === undefined || proof === null) throw required();
      const parsed = AltchaProof.safeParse(proof);
      if (!parsed.success) throw failed("malformed");
      const refusal = await verifyAltchaProof(
        parsed.data as Parameters<typeof verifyAltchaProof>[0],
        await keysOnce(),
        clinic.slug,
      );
      if (refusal) throw failed(refusal);
      // Remembered until the challenge expires (then it would be refused as expired anyway).
      const expiresMs = (parsed.data.challenge.parameters.expiresAt ?? 0) * 1000;
      const ttl = Math.max(1_000, Math.min(CHALLENGE_TTL_MS, expiresMs - nowMs) + 60_000);
      if (!(await state.claimOnce(`proof:a:${parsed.data.challenge.signature}`, ttl)))
        throw failed("replayed");
    },
  };
}
