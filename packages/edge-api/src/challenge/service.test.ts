import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { describe, expect, test } from "vitest";
import { ALTCHA_DEVELOPMENT, defaultSandboxConfig } from "../config/index.js";
import { ProblemError } from "../http/index.js";
import { createMemoryState } from "../state/index.js";
import { CHALLENGE_TTL_MS } from "./altcha.js";
import { createChallengeService } from "./service.js";

const clinic = {
  ...defaultSandboxConfig().clinics[0]!,
  challenge: { kind: "altcha" as const, ...ALTCHA_DEVELOPMENT },
};
const service = (secret = "a-deployment-secret-of-32-characters!", slug = clinic.slug) =>
  createChallengeService({ clinic: { ...clinic, slug }, state: createMemoryState().forClinic(slug), secret });

async function proofFrom(svc: ReturnType<typeof service>, nowMs: number) {
  const issued = await svc.issue(nowMs);
  if (issued.kind !== "altcha") throw new Error("expected altcha");
  const solution = await solveChallenge({ challenge: issued.challenge as Challenge, deriveKey });
  return { challenge: issued.challenge, solution };
}

const problemOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return "accepted";
  } catch (err) {
    return err instanceof ProblemError ? err.problemType : String(err);
  }
};

describe("the altcha challenge service", () => {
  test("a good proof is accepted once", async () => {
    const svc = service();
    const proof = await proofFrom(svc, Date.now());
    expect(await problemOf(svc.spend(proof, undefined, Date.now()))).toBe("accepted");
    expect(await problemOf(svc.spend(proof, undefined, Date.now()))).toBe("challenge-failed");
  });

  test("expired after 10 minutes", async () => {
    const svc = service();
    const proof = await proofFrom(svc, Date.now() - CHALLENGE_TTL_MS - 1_000);
    expect(await problemOf(svc.spend(proof, undefined, Date.now()))).toBe("challenge-failed");
  });

  test("signed with another deployment's secret, or made for another clinic: refused", async () => {
    const other = await proofFrom(service("another-deployment-secret-32-chars!!"), Date.now());
    expect(await problemOf(service().spend(other, undefined, Date.now()))).toBe("challenge-failed");
    const elsewhere = await proofFrom(service(undefined, "elsewhere"), Date.now());
    expect(await problemOf(service().spend(elsewhere, undefined, Date.now()))).toBe("challenge-failed");
  });

  test("missing is challenge-required; none accepts anything", async () => {
    expect(await problemOf(service().spend(undefined, undefined, Date.now()))).toBe("challenge-required");
    const none = createChallengeService({
      clinic: { ...clinic, challenge: { kind: "none" } },
      state: createMemoryState().forClinic("x"),
      secret: "x",
    });
    expect(await none.issue(0)).toEqual({ kind: "none" });
    expect(await problemOf(none.spend(undefined, undefined, Date.now()))).toBe("accepted");
  });
});
