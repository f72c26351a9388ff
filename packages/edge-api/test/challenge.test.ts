/**
 * The challenge over real HTTP (architecture.md, "Challenge"): altcha by default, single use, not part
 * of the idempotency-compared body; Turnstile against a local stand-in for Cloudflare's siteverify;
 * none only when a clinic says so.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  availability,
  bookingBody,
  getJson,
  NEXT_MONDAY,
  patient,
  postBooking,
  type Stack,
  seedIds,
  solvedProof,
  startStack,
} from "./stack.ts";

/** A stand-in for https://challenges.cloudflare.com/turnstile/v0/siteverify, answering as Cloudflare does. */
interface Siteverify {
  url: string;
  seen: URLSearchParams[];
  close(): Promise<void>;
}

async function startSiteverify(): Promise<Siteverify> {
  const seen: URLSearchParams[] = [];
  const used = new Set<string>();
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const form = new URLSearchParams(raw);
      seen.push(form);
      const token = form.get("response") ?? "";
      const answer = (body: object) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (form.get("secret") !== "turnstile-test-secret")
        return answer({ success: false, "error-codes": ["invalid-input-secret"] });
      if (used.has(token)) return answer({ success: false, "error-codes": ["timeout-or-duplicate"] });
      if (!token.startsWith("good-"))
        return answer({ success: false, "error-codes": ["invalid-input-response"] });
      used.add(token);
      const hostname = token.startsWith("good-other-") ? "evil.example" : "www.harbourside.example";
      answer({
        success: true,
        challenge_ts: new Date().toISOString(),
        hostname,
        "error-codes": [],
        action: "",
        cdata: "",
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/turnstile/v0/siteverify`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let s: Stack;
let verify: Siteverify;
let ids: ReturnType<typeof seedIds>;
type Slot = { start: string; practitionerId: string; locationId: string };
const slots: Slot[] = [];

beforeAll(async () => {
  verify = await startSiteverify();
  s = await startStack({
    config: (c) => ({
      ...c,
      clinics: [
        ...c.clinics,
        {
          ...c.clinics[0]!,
          slug: "turnstile",
          allowedOrigins: ["https://www.harbourside.example"],
          challenge: {
            kind: "turnstile",
            siteKey: "1x00000000000000000000AA",
            secretKey: "turnstile-test-secret",
            siteverifyUrl: verify.url,
          },
        },
        { ...c.clinics[0]!, slug: "open", challenge: { kind: "none" } },
      ],
    }),
  });
  ids = seedIds(s);
  const { body } = await availability(s, {
    locationId: ids.docklands,
    appointmentTypeId: ids.standard,
    from: NEXT_MONDAY,
    to: NEXT_MONDAY,
  });
  slots.push(...body.days[0]!.slots);
});
afterAll(async () => {
  await s?.close();
  await verify?.close();
});

const clinic = (slug: string) => `${s.edge.url}/v1/clinics/${slug}`;
const next = () => {
  const slot = slots.shift();
  if (!slot) throw new Error("out of test slots");
  return bookingBody(slot, ids.standard, patient());
};
const typeOf = (body: Record<string, unknown>) => String(body.type).split("/").pop();

describe("GET …/challenge", () => {
  test("altcha by default: a signed challenge, never cached; the development setting needs at most 200 cheap derivations", async () => {
    const res = await fetch(`${s.api}/challenge`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { kind: string; challenge: { parameters: Record<string, unknown> } };
    expect(body.kind).toBe("altcha");
    expect(body.challenge.parameters).toMatchObject({
      algorithm: "PBKDF2/SHA-256",
      cost: 1,
      data: { clinic: "harbourside" },
    });
    const expiresAt = body.challenge.parameters.expiresAt as number;
    expect(expiresAt * 1000 - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(expiresAt * 1000 - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    // The development setting's cost as work, not wall time (timed assertions flake on a shared machine;
    // the solve time is measured in the widget's Chromium run): each solve needs at most 200 derivations
    // of PBKDF2 with cost 1.
    for (let i = 0; i < 10; i++) {
      const { challenge } = (await (await fetch(`${s.api}/challenge`)).json()) as { challenge: Challenge };
      const solution = await solveChallenge({ challenge, deriveKey });
      expect(solution).not.toBeNull();
      expect(solution!.counter).toBeLessThanOrEqual(200);
    }
  });

  test("Turnstile: the site key; none: nothing to solve", async () => {
    expect((await getJson(`${clinic("turnstile")}/challenge`)).body).toEqual({
      kind: "turnstile",
      siteKey: "1x00000000000000000000AA",
    });
    expect((await getJson(`${clinic("open")}/challenge`)).body).toEqual({ kind: "none" });
  });

  test("the OpenAPI document describes the challenge and the proof", async () => {
    const doc = (
      await getJson<{ paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>(
        `${s.edge.url}/openapi.json`,
      )
    ).body;
    expect(doc.paths["/v1/clinics/{clinic}/challenge"]).toBeDefined();
    expect(doc.components.schemas.ChallengeResponse).toBeDefined();
    expect(JSON.stringify(doc.components.schemas.BookingRequest)).toContain("Proof");
  });
});

describe("bookings carry a proof", () => {
  test("without one: 422 challenge-required, nothing recorded; the same key then books with a proof", async () => {
    const body = next();
    const before = s.sandbox.store.appointments.size;
    const missing = await postBooking(s.api, { ...body, proof: undefined }, "no-proof-key-1");
    expect(missing.status).toBe(422);
    expect(typeOf(missing.body)).toBe("challenge-required");
    expect(missing.headers.get("idempotent-replayed")).toBeNull();
    expect(s.sandbox.store.appointments.size).toBe(before);
    const booked = await postBooking(s.api, body, "no-proof-key-1");
    expect(booked.status, booked.text).toBe(201);
  });

  test("a replayed proof (new key), a tampered solution, a forged challenge: 422 challenge-failed", async () => {
    const proof = (await solvedProof(s.api)) as {
      challenge: { parameters: Record<string, unknown>; signature: string };
      solution: { counter: number; derivedKey: string };
    };
    const first = await postBooking(s.api, { ...next(), proof }, "replay-key-0001");
    expect(first.status, first.text).toBe(201);
    const before = s.sandbox.store.appointments.size;
    const replay = await postBooking(s.api, { ...next(), proof }, "replay-key-0002");
    expect(replay.status).toBe(422);
    expect(typeOf(replay.body)).toBe("challenge-failed");

    const fresh = (await solvedProof(s.api)) as typeof proof;
    const tampered = { ...fresh, solution: { ...fresh.solution, derivedKey: "00".repeat(32) } };
    expect(typeOf((await postBooking(s.api, { ...next(), proof: tampered }, "tamper-key-001")).body)).toBe(
      "challenge-failed",
    );
    // Made cheaper by the client: the signature no longer matches.
    const forged = {
      ...fresh,
      challenge: {
        ...fresh.challenge,
        parameters: { ...fresh.challenge.parameters, cost: 1, keyPrefix: "0" },
      },
    };
    expect(typeOf((await postBooking(s.api, { ...next(), proof: forged }, "forged-key-001")).body)).toBe(
      "challenge-failed",
    );
    expect(
      typeOf((await postBooking(s.api, { ...next(), proof: { nonsense: true } }, "junk-key-0001")).body),
    ).toBe("challenge-failed");
    // The untampered proof was never spent by those refusals.
    expect((await postBooking(s.api, { ...next(), proof: fresh }, "fresh-key-0001")).status).toBe(201);
    expect(s.sandbox.store.appointments.size).toBe(before + 1);
    expect(s.logs.some((l) => l.msg === "proof refused" && l.reason === "challenge replayed")).toBe(true);
  });

  test("a proof made for another clinic is refused", async () => {
    const proof = await solvedProof(clinic("harbourside"));
    const res = await postBooking(clinic("turnstile"), { ...next(), proof }, "cross-clinic-01");
    expect(typeOf(res.body)).toBe("challenge-failed");
  });

  test("the proof is not part of the idempotency-compared body: a retry is answered from its record", async () => {
    const body = next();
    const first = await postBooking(s.api, body, "idem-proof-key-1");
    expect(first.status).toBe(201);
    // Another fresh proof, a spent one, or none: the same key and body replay the 201.
    const spent = await solvedProof(s.api);
    await postBooking(s.api, { ...next(), proof: spent }, "idem-proof-key-2");
    for (const proof of [await solvedProof(s.api), spent, undefined]) {
      const again = await postBooking(s.api, { ...body, proof }, "idem-proof-key-1");
      expect(again.status).toBe(201);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(again.text).toBe(first.text);
    }
  });

  test("none: a clinic that chose it books without a proof", async () => {
    const res = await postBooking(clinic("open"), { ...next(), proof: undefined }, "open-clinic-key1");
    expect(res.status, res.text).toBe(201);
  });
});

describe("Turnstile, verified against a siteverify stand-in", () => {
  const post = (proof: unknown, key: string) =>
    postBooking(clinic("turnstile"), { ...next(), proof }, key, {
      origin: "https://www.harbourside.example",
    });

  test("a good token books; the secret, token and visitor address reach siteverify", async () => {
    const res = await post({ token: "good-1" }, "turnstile-key-01");
    expect(res.status, res.text).toBe(201);
    const form = verify.seen.at(-1)!;
    expect(form.get("secret")).toBe("turnstile-test-secret");
    expect(form.get("response")).toBe("good-1");
    expect(form.get("remoteip")).toBe("127.0.0.1");
  });

  test("refused, duplicate, another site's, or missing: 422 challenge-failed / challenge-required", async () => {
    expect(typeOf((await post({ token: "bad-1" }, "turnstile-key-02")).body)).toBe("challenge-failed");
    expect(typeOf((await post({ token: "good-1" }, "turnstile-key-03")).body)).toBe("challenge-failed");
    expect(typeOf((await post({ token: "good-other-1" }, "turnstile-key-04")).body)).toBe("challenge-failed");
    expect(typeOf((await post(undefined, "turnstile-key-05")).body)).toBe("challenge-required");
  });

  test("siteverify unreachable: 503 with Retry-After, never a booking", async () => {
    await verify.close();
    const res = await post({ token: "good-2" }, "turnstile-key-06");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    verify = await startSiteverify();
  });
});
