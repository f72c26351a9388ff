/**
 * Idempotency records live in the clinic's Durable Object storage: they hold across Worker scripts
 * that share the namespace and across a restart of the object, and they hold no patient details.
 */
import { abortAllDurableObjects, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import {
  book,
  bookingFor,
  controls,
  counts,
  expectProblem,
  freeSlots,
  freshSandbox,
  patient,
  replicas,
  self,
} from "./harness.ts";

const ids = freshSandbox();

describe("idempotency in Durable Object storage", () => {
  test("a key booked through one script is replayed by another after the objects restart", async () => {
    const slot = (await freeSlots(self, ids, "2026-12-17"))[0]!;
    const who = patient("restart");
    const req = bookingFor(ids, slot, who);
    const before = await counts();
    const first = await book(replicas[2]!, req, "workers-restart-0001");
    expect(first.status, first.text).toBe(201);

    await abortAllDurableObjects();

    const replay = await book(self, req, "workers-restart-0001");
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expectProblem(
      await book(replicas[0]!, bookingFor(ids, slot, patient("restart")), "workers-restart-0001"),
      422,
      "idempotency-key-reused",
    );
    expect(await counts()).toEqual({ clients: before.clients + 1, appointments: before.appointments + 1 });

    // What the object stored: a hash, progress ids and the patient-free answer, nothing of the patient.
    const stub = env.CLINIC_STATE.get(env.CLINIC_STATE.idFromName("harbourside"));
    const rows = await runInDurableObject(stub, (_instance, state) =>
      state.storage.sql
        .exec<{ key: string; record: string }>(
          "SELECT key, record FROM idempotency WHERE key = ?",
          "workers-restart-0001",
        )
        .toArray(),
    );
    expect(rows).toHaveLength(1);
    const stored = rows[0]!.record;
    expect(JSON.parse(stored)).toMatchObject({ status: "done", response: { status: 201 } });
    for (const detail of [who.firstName, who.lastName, who.email, who.dateOfBirth, who.mobile])
      expect(stored).not.toContain(detail);
  });

  test("a retry after an injected 503 resumes in another script after a restart: one client, one appointment", async () => {
    const slot = (await freeSlots(self, ids, "2026-12-18"))[0]!;
    const req = bookingFor(ids, slot, patient("resume-restart"));
    const before = await counts();
    await controls.forceStatus(503, { times: 1, match: { method: "POST", path: "/appointment" } });
    const failed = await book(self, req, "workers-resume-restart-01");
    expectProblem(failed, 503, "upstream-unavailable");
    await controls.clearFaults();
    await abortAllDurableObjects();
    const retried = await book(replicas[1]!, req, "workers-resume-restart-01");
    expect(retried.status, retried.text).toBe(201);
    expect(await counts()).toEqual({ clients: before.clients + 1, appointments: before.appointments + 1 });
  });
});
