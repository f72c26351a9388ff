/** A challenge drawn as the edge API draws it, for the solver's test and benchmark (browser side). */
import { createChallenge, randomInt } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import type { AltchaChallenge } from "../src/internal/solve-altcha.js";

export const ALTCHA_TEST_SECRET = "solver-test-secret";

export async function altchaChallengeFor(setting: {
  algorithm: string;
  cost: number;
  maxCounter: number;
}): Promise<AltchaChallenge> {
  return (await createChallenge({
    algorithm: setting.algorithm,
    cost: setting.cost,
    // As the edge API draws it: at least a fifth of the maximum.
    counter: randomInt(setting.maxCounter, Math.floor(setting.maxCounter / 5)),
    deriveKey,
    expiresAt: new Date(Date.now() + 600_000),
    hmacSignatureSecret: ALTCHA_TEST_SECRET,
    hmacKeySignatureSecret: ALTCHA_TEST_SECRET,
  })) as AltchaChallenge;
}
