/**
 * The challenge's public shapes (architecture.md, "Challenge"): what GET …/challenge answers and the
 * `proof` a booking, lookup, cancel or reschedule carries.
 */
import { z } from "@hono/zod-openapi";

const Hex = z.string().regex(/^[0-9a-f]{2,1024}$/i);

/** An altcha (v2) challenge as the edge API issues it. */
export const AltchaChallenge = z
  .object({
    parameters: z
      .object({
        algorithm: z.string().max(32).openapi({ example: "PBKDF2/SHA-256" }),
        nonce: Hex,
        salt: Hex,
        cost: z.number().int().positive(),
        keyLength: z.number().int().positive().max(64),
        keyPrefix: Hex,
        keySignature: Hex.optional(),
        expiresAt: z.number().int().positive().optional().openapi({ description: "Epoch seconds" }),
        data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
      })
      // Exactly the fields the edge API signs: anything else would fail the signature anyway.
      .strict(),
    signature: Hex,
  })
  .openapi("AltchaChallenge");

/** GET /v1/clinics/{clinic}/challenge */
export const ChallengeResponse = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("altcha"), challenge: AltchaChallenge }),
    z.object({ kind: z.literal("turnstile"), siteKey: z.string() }),
    z.object({ kind: z.literal("none") }),
  ])
  .openapi("ChallengeResponse", {
    description:
      "altcha: solve `challenge` (altcha-lib's solveChallenge) and send `{challenge, solution}` as `proof`; " +
      "turnstile: render Cloudflare's widget with `siteKey` and send `{token}`; none: send no proof.",
  });
export type ChallengeResponse = z.infer<typeof ChallengeResponse>;

/** The solved altcha challenge: the challenge as received and the solver's solution. */
export const AltchaProof = z
  .object({
    challenge: AltchaChallenge,
    solution: z.object({
      counter: z.number().int().nonnegative(),
      derivedKey: Hex,
      time: z.number().optional(),
    }),
  })
  .openapi("AltchaProof");

/** A Turnstile token from Cloudflare's widget. */
export const TurnstileProof = z.object({ token: z.string().min(1).max(2048) }).openapi("TurnstileProof");

/** `proof` in a request body: single use, valid 10 minutes. Not part of the idempotency-compared body. */
export const Proof = z.union([AltchaProof, TurnstileProof]).openapi("Proof", {
  description:
    "A solved challenge from GET …/challenge, single use, valid 10 minutes. Missing: 422 challenge-required; " +
    "wrong, expired or replayed: 422 challenge-failed. A retry with the same Idempotency-Key needs no new one.",
});
export type Proof = z.infer<typeof Proof>;
