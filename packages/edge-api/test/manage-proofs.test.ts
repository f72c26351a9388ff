/**
 * The challenge on managing a booking (architecture.md, "Challenge"): lookup, cancel and reschedule
 * each carry a single-use proof; without one nothing is counted, read or changed; a repeat of an
 * Idempotency-Key is answered from its record whatever proof it carries.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { manageClient } from "./manage-client.ts";
import { NEXT_MONDAY, type Stack, seedIds, solvedProof, startStack } from "./stack.ts";

let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeAll(async () => {
  s = await startStack({ config: (c) => ({ ...c, trustProxy: true }) });
  ids = seedIds(s);
});
afterAll(() => s?.close());

const { post, slots, key, bookSlot, appointmentByReference, reschedule, cancel } = manageClient(
  () => s,
  () => ids,
);
const typeOf = (body: Record<string, unknown>) => String(body.type).split("/").pop();

describe("lookup carries a proof", () => {
  test("without one: 422 challenge-required, before anything is counted or read", async () => {
    const [slot] = await slots(NEXT_MONDAY);
    const { p, booking } = await bookSlot(slot!);
    const details = { reference: booking.reference, lastName: p.lastName, dateOfBirth: p.dateOfBirth };
    const visitor = { "x-forwarded-for": "203.0.113.90" };
    // Warm the catalogue, so that a read upstream would be the lookup's own.
    await fetch(s.api);
    await s.controls.resetStats();
    // More proof-less attempts than the hourly allowance of the reference and of the visitor.
    for (let i = 0; i < 7; i++) {
      const res = await post("/bookings/lookup", { ...details, proof: undefined }, visitor);
      expect(res.status).toBe(422);
      expect(typeOf(res.body)).toBe("challenge-required");
    }
    expect((await s.controls.stats()).requests).toBe(0);
    // Neither allowance was spent: the same visitor, with a proof, finds the booking.
    const found = await post("/bookings/lookup", details, visitor);
    expect(found.status, found.text).toBe(200);
    expect(s.logs.some((l) => l.msg === "proof refused" && l.reason === "missing")).toBe(true);
  });

  test("a proof is spent once: a second lookup with it is 422 challenge-failed", async () => {
    const proof = await solvedProof(s.api);
    const body = { reference: "777001", lastName: "Nobody", dateOfBirth: "1970-01-01", proof };
    expect((await post("/bookings/lookup", body)).status).toBe(404);
    const again = await post("/bookings/lookup", body);
    expect(again.status).toBe(422);
    expect(typeOf(again.body)).toBe("challenge-failed");
    const junk = await post("/bookings/lookup", { ...body, proof: { nonsense: true } });
    expect(typeOf(junk.body)).toBe("challenge-failed");
  });
});

describe("cancel and reschedule carry a proof", () => {
  test("cancel without one: 422 challenge-required, unchanged and unrecorded; the same key then cancels", async () => {
    const [, slot] = await slots(NEXT_MONDAY);
    const { booking, manage } = await bookSlot(slot!);
    const k = key("proof-cancel");
    const missing = await cancel(manage.token, { proof: undefined }, k);
    expect(missing.status).toBe(422);
    expect(typeOf(missing.body)).toBe("challenge-required");
    expect(missing.headers.get("idempotent-replayed")).toBeNull();
    expect(appointmentByReference(booking.reference).status).toBe("Booked");
    const done = await cancel(manage.token, {}, k);
    expect(done.status, done.text).toBe(200);
    expect(appointmentByReference(booking.reference).status).toBe("Cancelled");
    // A retry of the key is answered from its record, with no proof or a spent one.
    for (const proof of [undefined, (await solvedProof(s.api)) as unknown]) {
      const again = await cancel(manage.token, { proof }, k);
      expect(again.status).toBe(200);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(again.text).toBe(done.text);
    }
  });

  test("reschedule with a proof already spent (on a lookup): 422 challenge-failed, the booking stays", async () => {
    const day = await slots(NEXT_MONDAY, ids.oconnor);
    const { booking, manage } = await bookSlot(day[4]!);
    const proof = await solvedProof(s.api);
    await post("/bookings/lookup", {
      reference: "777002",
      lastName: "Nobody",
      dateOfBirth: "1970-01-01",
      proof,
    });
    const k = key("proof-move");
    const replayed = await reschedule(manage.token, { start: day[7]!.start, proof }, k);
    expect(replayed.status).toBe(422);
    expect(typeOf(replayed.body)).toBe("challenge-failed");
    const missing = await reschedule(manage.token, { start: day[7]!.start, proof: undefined }, key("none"));
    expect(typeOf(missing.body)).toBe("challenge-required");
    const stored = appointmentByReference(booking.reference);
    expect(stored.start).toBe(Date.parse(booking.start));
    // With a fresh proof the same key moves it.
    const moved = await reschedule(manage.token, { start: day[7]!.start }, k);
    expect(moved.status, moved.text).toBe(200);
    expect(appointmentByReference(booking.reference).start).toBe(Date.parse(day[7]!.start));
  });
});
