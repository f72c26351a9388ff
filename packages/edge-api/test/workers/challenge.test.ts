/**
 * The challenge inside workerd: altcha-lib's Web Crypto code on the Workers runtime, and a proof
 * single-use across every Worker script sharing the clinic's Durable Object.
 */
import { describe, expect, test } from "vitest";
import {
  book,
  bookingFor,
  call,
  expectProblem,
  freeSlots,
  freshSandbox,
  nextMonday,
  patient,
  replicas,
  self,
  solvedProof,
} from "./harness.ts";

const ids = freshSandbox();

describe("challenge on Workers", () => {
  test("GET …/challenge answers a signed altcha challenge for the clinic, never cached", async () => {
    const res = await call(self, "/v1/clinics/harbourside/challenge");
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toMatchObject({
      kind: "altcha",
      challenge: { parameters: { data: { clinic: "harbourside" } } },
    });
  });

  test("no proof: 422 challenge-required; a proof spent through one script is refused through another", async () => {
    const slots = await freeSlots(self, ids, nextMonday);
    const [a, b] = [slots.at(-1)!, slots.at(-2)!];
    const missing = await book(
      self,
      { ...bookingFor(ids, a, patient("np")), proof: undefined },
      "workers-no-proof-1",
    );
    expectProblem(missing, 422, "challenge-required");
    const proof = await solvedProof(replicas[0]!);
    const body = bookingFor(ids, a, patient("p1"));
    const first = await book(replicas[1]!, { ...body, proof }, "workers-proof-key-1");
    expect(first.status, first.text).toBe(201);
    const replay = await book(
      replicas[2]!,
      { ...bookingFor(ids, b, patient("p2")), proof },
      "workers-proof-key-2",
    );
    expectProblem(replay, 422, "challenge-failed");
    // The first attempt's retry is answered from its record, whatever proof it carries.
    const retry = await book(self, { ...body, proof }, "workers-proof-key-1");
    expect([retry.status, retry.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
    expect(retry.text).toBe(first.text);
  });
});
