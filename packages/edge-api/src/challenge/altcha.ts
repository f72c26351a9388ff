/**
 * altcha (v2 protocol, altcha-lib): self-hosted proof of work, no third party. Challenges are made in
 * deterministic mode — the server picks the counter and signs the derived key — so that verifying a
 * proof costs two HMACs, never the patient's work again. Web Crypto only (`algorithms/web`), so the
 * same code runs on Node, in workerd and in the browser.
 */
import { type Challenge, createChallenge, randomInt, type Solution, verifySolution } from "altcha-lib";
import { deriveKey as pbkdf2 } from "altcha-lib/algorithms/web/pbkdf2";
import { deriveKey as sha } from "altcha-lib/algorithms/web/sha";
import type { ChallengeConfig } from "../config/index.js";
import { hmacHex, hmacKey } from "../internal/crypto.js";

/** A challenge is valid this long after it was issued (architecture.md: 10 minutes). */
export const CHALLENGE_TTL_MS = 10 * 60 * 1000;

type AltchaConfig = Extract<ChallengeConfig, { kind: "altcha" }>;

/** The two signing keys for one deployment secret (derived, so the secret itself signs nothing). */
export interface AltchaKeys {
  signature: string;
  keySignature: string;
}

/** Derives the altcha signing keys from the deployment secret. */
export async function altchaKeys(deploymentSecret: string): Promise<AltchaKeys> {
  const key = await hmacKey(deploymentSecret);
  const [signature, keySignature] = await Promise.all([
    hmacHex(key, "coreplus-kit altcha challenge"),
    hmacHex(key, "coreplus-kit altcha key"),
  ]);
  return { signature, keySignature };
}

// Challenges are issued with PBKDF2 only; a proof naming another algorithm fails verification there.
const deriveKeyFor = (algorithm: string) => (algorithm.startsWith("PBKDF2/") ? pbkdf2 : sha);

/** A fresh signed challenge for `clinic`, expiring in {@link CHALLENGE_TTL_MS}. */
export async function createAltchaChallenge(
  cfg: AltchaConfig,
  keys: AltchaKeys,
  clinic: string,
  nowMs: number,
): Promise<Challenge & { signature: string }> {
  const challenge = await createChallenge({
    algorithm: cfg.algorithm,
    cost: cfg.cost,
    // At least a fifth of the maximum, so that no challenge is trivially cheap.
    counter: randomInt(cfg.maxCounter, Math.max(1, Math.floor(cfg.maxCounter / 5))),
    deriveKey: deriveKeyFor(cfg.algorithm),
    expiresAt: new Date(nowMs + CHALLENGE_TTL_MS),
    data: { clinic },
    hmacSignatureSecret: keys.signature,
    hmacKeySignatureSecret: keys.keySignature,
  });
  if (!challenge.signature) throw new Error("altcha-lib made an unsigned challenge");
  return { ...challenge, signature: challenge.signature };
}

/** Why a proof was refused (for the logs; the visitor only sees `challenge-failed`). */
export type AltchaRefusal = "expired" | "signature" | "solution" | "clinic";

/** Verifies an altcha proof; `undefined` when it is good. Never throws on hostile input. */
export async function verifyAltchaProof(
  proof: { challenge: Challenge; solution: Solution },
  keys: AltchaKeys,
  clinic: string,
): Promise<AltchaRefusal | undefined> {
  let result: Awaited<ReturnType<typeof verifySolution>>;
  try {
    result = await verifySolution({
      challenge: proof.challenge,
      solution: proof.solution,
      deriveKey: deriveKeyFor(proof.challenge.parameters.algorithm),
      hmacSignatureSecret: keys.signature,
      hmacKeySignatureSecret: keys.keySignature,
    });
  } catch {
    return "solution";
  }
  if (result.expired) return "expired";
  if (result.invalidSignature) return "signature";
  if (!result.verified) return "solution";
  // Signed by us, so `data` is ours: a proof made for another clinic is not one for this one.
  if (proof.challenge.parameters.data?.clinic !== clinic) return "clinic";
  // Deterministic challenges carry a key signature; one without it was not made here.
  if (!proof.challenge.parameters.keySignature) return "signature";
  return undefined;
}
