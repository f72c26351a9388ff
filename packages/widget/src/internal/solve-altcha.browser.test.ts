/**
 * The widget's altcha solver in real Chromium: its proofs pass altcha-lib's own verifySolution for the
 * edge API's production and development settings. How long it takes on a mid-range phone is a figure
 * of `pnpm bench` (bench/solve-altcha.browser.run.ts), not a timed test.
 */
import { verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { describe, expect, test } from "vitest";
import { ALTCHA_DEFAULT, ALTCHA_DEVELOPMENT } from "../../../edge-api/src/config/challenge.js";
import { ALTCHA_TEST_SECRET, altchaChallengeFor } from "../../test/altcha-challenge.js";
import { solveAltcha } from "./solve-altcha.js";

describe("the altcha solver", () => {
  for (const [name, setting] of [
    ["production", ALTCHA_DEFAULT],
    ["development", ALTCHA_DEVELOPMENT],
  ] as const) {
    test(`solves the edge API's ${name} challenges, verified by altcha-lib`, async () => {
      for (let i = 0; i < 3; i++) {
        const proof = await solveAltcha(await altchaChallengeFor(setting));
        expect(proof).toBeDefined();
        const verdict = await verifySolution({
          challenge: proof!.challenge as Parameters<typeof verifySolution>[0]["challenge"],
          solution: proof!.solution,
          deriveKey,
          hmacSignatureSecret: ALTCHA_TEST_SECRET,
          hmacKeySignatureSecret: ALTCHA_TEST_SECRET,
        });
        expect(verdict.verified).toBe(true);
      }
    }, 60_000);
  }

  test("a tampered proof is refused by altcha-lib (the check above can fail)", async () => {
    const proof = await solveAltcha(await altchaChallengeFor(ALTCHA_DEVELOPMENT));
    const verdict = await verifySolution({
      challenge: proof!.challenge as Parameters<typeof verifySolution>[0]["challenge"],
      solution: {
        ...proof!.solution,
        derivedKey: proof!.solution.derivedKey.replace(/^./, (c) => (c === "0" ? "1" : "0")),
      },
      deriveKey,
      hmacSignatureSecret: ALTCHA_TEST_SECRET,
      hmacKeySignatureSecret: ALTCHA_TEST_SECRET,
    });
    expect(verdict.verified).toBe(false);
  });
});
