/**
 * Managing a booking inside workerd: the Worker of wrangler.toml with its Durable Objects, coreplus
 * played by the sandbox Worker. Book, look up, reschedule in place, cancel, replays (through another
 * Worker sharing the objects), and bad tokens.
 */
import { decodeJwt } from "jose";
import { describe, expect, test } from "vitest";
import {
  book,
  bookingFor,
  call,
  controls,
  expectProblem,
  freeSlots,
  freshSandbox,
  nextMonday,
  patient,
  postProved,
  replicas,
  self,
  solvedProof,
} from "./harness.ts";

const ids = freshSandbox();

const base = "/v1/clinics/harbourside/bookings";
/** A manage POST carrying a fresh proof unless the body says otherwise. */
const post = (
  edge: typeof self,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  ip?: string,
) => postProved(edge, `/bookings${path}`, body, { headers, ...(ip ? { ip } : {}) });

describe("managing a booking on Workers", () => {
  test("book → look up → reschedule in place → cancel, with replays through another Worker", async () => {
    const day = await freeSlots(self, ids, nextMonday, ids.oconnor);
    const [from, to] = [day[2]!, day[5]!];
    const who = patient("manage");
    const booked = await book(self, bookingFor(ids, from, who), "workers-manage-book-1");
    expect(booked.status, booked.text).toBe(201);
    const { booking, manage } = booked.body as {
      booking: { reference: string; start: string; status: string };
      manage: { token: string; expiresAt: string };
    };
    expect(booking.status).toBe("booked");
    expect(manage.expiresAt).toBe(booking.start);
    const appointmentId = decodeJwt(manage.token).sub!;

    // The token's booking, through another Worker on the same objects.
    const got = await call(replicas[1]!, `${base}/${manage.token}`);
    expect(got.status, got.text).toBe(200);
    expect(got.body.booking).toMatchObject({ reference: booking.reference, status: "booked" });
    // Its calendar file, built on Workers from the same booking.
    const ics = await call(replicas[1]!, `${base}/${manage.token}/calendar.ics`);
    expect(ics.status, ics.text).toBe(200);
    expect(ics.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(ics.headers.get("cache-control")).toBe("no-store");
    expect(ics.text).toContain(`\r\nUID:${booking.reference}@coreplus-kit\r\n`);
    expect(ics.text).toContain("\r\nSTATUS:CONFIRMED\r\n");

    // Lookup: the right details give a token for the same appointment; misses share one body.
    const details = { lastName: who.lastName, dateOfBirth: who.dateOfBirth };
    const hit = await post(self, "/lookup", { reference: booking.reference, ...details }, {}, "203.0.113.41");
    expect(hit.status, hit.text).toBe(200);
    expect(decodeJwt((hit.body.manage as { token: string }).token).sub).toBe(appointmentId);
    const wrongBirthday = await post(
      self,
      "/lookup",
      { reference: booking.reference, lastName: who.lastName, dateOfBirth: "1985-06-16" },
      {},
      "203.0.113.42",
    );
    const unknown = await post(self, "/lookup", { reference: "987654", ...details }, {}, "203.0.113.43");
    expectProblem(wrongBirthday, 404, "booking-not-found");
    expect(unknown.text).toBe(wrongBirthday.text);

    // Reschedule: the same coreplus appointment moves; the replay comes from the clinic's object.
    const key = { "idempotency-key": "workers-manage-move-1" };
    const moved = await post(self, `/${manage.token}/reschedule`, { start: to.start }, key);
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.booking).toMatchObject({ reference: booking.reference, start: to.start });
    const replay = await post(replicas[2]!, `/${manage.token}/reschedule`, { start: to.start }, key);
    expect(replay.text).toBe(moved.text);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await controls.appointmentHistory(appointmentId)).map((h) => h.action)).toEqual([
      "created",
      "updated",
    ]);
    const after = (await freeSlots(self, ids, nextMonday, ids.oconnor)).map((s) => s.start);
    expect(after).toContain(from.start);
    expect(after).not.toContain(to.start);

    // Cancel, replayed; then the booking is cancelled for good.
    const token = (moved.body.manage as { token: string }).token;
    const cancelKey = { "idempotency-key": "workers-manage-cancel-1" };
    const cancelled = await post(self, `/${token}/cancel`, { reason: "Plans changed" }, cancelKey);
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.booking).toMatchObject({ status: "cancelled" });
    expect((await post(replicas[2]!, `/${token}/cancel`, { reason: "Plans changed" }, cancelKey)).text).toBe(
      cancelled.text,
    );
    expectProblem(
      await post(self, `/${token}/cancel`, {}, { "idempotency-key": "workers-manage-cancel-2" }),
      409,
      "booking-cancelled",
    );
    expect((await freeSlots(self, ids, nextMonday, ids.oconnor)).map((s) => s.start)).toContain(to.start);
  });

  test("lookup, cancel and reschedule need a proof, spent once across every Worker script", async () => {
    const [slot, later] = (await freeSlots(self, ids, nextMonday, ids.nguyen)).slice(-2);
    const who = patient("proofs");
    const booked = await book(self, bookingFor(ids, slot!, who), "workers-manage-proofs-1");
    expect(booked.status, booked.text).toBe(201);
    const { reference } = (booked.body as { booking: { reference: string } }).booking;
    const token = (booked.body.manage as { token: string }).token;
    const lookup = { reference, lastName: who.lastName, dateOfBirth: who.dateOfBirth };
    expectProblem(
      await post(self, "/lookup", { ...lookup, proof: undefined }, {}, "203.0.113.51"),
      422,
      "challenge-required",
    );
    const proof = await solvedProof(replicas[0]!);
    const found = await post(replicas[1]!, "/lookup", { ...lookup, proof }, {}, "203.0.113.52");
    expect(found.status, found.text).toBe(200);
    // The same proof, through another script: spent.
    const key = { "idempotency-key": "workers-manage-proofs-move" };
    expectProblem(
      await post(replicas[2]!, `/${token}/reschedule`, { start: later!.start, proof }, key),
      422,
      "challenge-failed",
    );
    expectProblem(
      await post(self, `/${token}/cancel`, { proof: undefined }, { "idempotency-key": "workers-proofs-c" }),
      422,
      "challenge-required",
    );
    // Nothing was recorded for the refused key: with a fresh proof it moves the booking.
    const moved = await post(self, `/${token}/reschedule`, { start: later!.start }, key);
    expect(moved.status, moved.text).toBe(200);
    expect((await controls.appointmentHistory(decodeJwt(token).sub!)).map((h) => h.action)).toEqual([
      "created",
      "updated",
    ]);
  });

  test("forged and other clinics' tokens are 404 booking-not-found", async () => {
    const [slot] = await freeSlots(self, ids, nextMonday, ids.nguyen);
    const booked = await book(
      self,
      bookingFor(ids, slot!, patient("north")),
      "workers-manage-north-1",
      "harbourside-north",
    );
    expect(booked.status, booked.text).toBe(201);
    const northToken = (booked.body.manage as { token: string }).token;
    expect((await call(self, `/v1/clinics/harbourside-north/bookings/${northToken}`)).status).toBe(200);
    const other = await call(self, `${base}/${northToken}`);
    expectProblem(other, 404, "booking-not-found");
    const forged = await call(self, `${base}/${northToken.slice(0, -2)}xx`);
    expect(forged.text).toBe(other.text);
  });
});
