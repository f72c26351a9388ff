/**
 * No membership oracle (issue 15): a booking's answer and its timing are the same whether or not the
 * name and date of birth belong to an existing coreplus client.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  availability,
  bookingBody,
  patient,
  postBooking,
  type Stack,
  seedIds,
  solvedProof,
  startStack,
} from "./stack.ts";

let s: Stack;
let ids: ReturnType<typeof seedIds>;
type Slot = { start: string; practitionerId: string; locationId: string };
const free: Slot[] = [];

beforeAll(async () => {
  s = await startStack();
  ids = seedIds(s);
  for (const date of ["2026-12-14", "2026-12-15", "2026-12-16"]) {
    const { body } = await availability(s, {
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: date,
      to: date,
    });
    free.push(...body.days[0]!.slots);
  }
});
afterAll(() => s?.close());

const take = () => {
  const slot = free.shift();
  if (!slot) throw new Error("out of test slots");
  return slot;
};

/** An existing client without a mobile: coreplus itself turns SMS reminders off for such a client. */
function existingWithoutMobile() {
  const c = [...s.sandbox.store.clients.values()].find((x) => x.status === "Current" && x.email !== "")!;
  c.phoneNumberMobile = "";
  return c;
}

/** The answer without what differs between any two bookings (reference, times, practitioner). */
function shape(body: Record<string, unknown>) {
  const {
    reference: _r,
    start: _s,
    end: _e,
    practitioner: _p,
    ...rest
  } = (body as { booking: Record<string, unknown> }).booking;
  return rest;
}

/** Rounds of the timing test: a multiple of 3, so that each group books in each position equally often. */
const ROUNDS = 9;
/** A little more than the budget's sliding window. */
const BUDGET_WINDOW_MS = 1_050;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
let n = 0;
const book = (p: ReturnType<typeof patient>) =>
  postBooking(s.api, bookingBody(take(), ids.standard, p), `oracle-${n++}-key`);

describe("no membership oracle", () => {
  test("reminders come from the configuration and the form, never from coreplus's echo", async () => {
    const c = existingWithoutMobile();
    const same = {
      firstName: c.firstName,
      lastName: c.lastName,
      dateOfBirth: c.dateOfBirth,
      email: c.email,
      mobile: "0400 123 456",
    };
    const existing = await book(same);
    const unknown = await book(patient());
    expect(existing.status, existing.text).toBe(201);
    expect(unknown.status, unknown.text).toBe(201);
    // The existing client was matched (no new client), yet nothing in the answer says so.
    const appt = [...s.sandbox.store.appointments.values()].find(
      (a) =>
        a.appointmentReferenceNumber ===
        (existing.body as { booking: { reference: string } }).booking.reference,
    )!;
    expect(appt.clientId).toBe(c.clientId);
    expect(shape(existing.body)).toEqual(shape(unknown.body));
    expect(shape(existing.body).reminders).toEqual({ email: true, sms: true });
  });

  test("with 150 ms coreplus latency, existing and unknown name + date of birth cost the same calls and time (medians within 10 %), in any order", async () => {
    const known = [...s.sandbox.store.clients.values()].filter(
      (x) => x.status === "Current" && x.email !== "",
    );
    await s.controls.setLatency(150);
    try {
      const times = { matched: [] as number[], sameNameOtherEmail: [] as number[], unknown: [] as number[] };
      const calls = { matched: [] as number[], sameNameOtherEmail: [] as number[], unknown: [] as number[] };
      let lastEnd = performance.now();
      // Each group books first, second and third equally often. A group that follows
      // "sameNameOtherEmail" meets the second same-name-and-birthday client it created.
      for (let i = 0; i < ROUNDS; i++) {
        const c = known[i + 1]!;
        const person = { firstName: c.firstName, lastName: c.lastName, dateOfBirth: c.dateOfBirth };
        const runs: [keyof typeof times, ReturnType<typeof patient>][] = [
          ["matched", { ...person, email: c.email, mobile: "0400 222 333" }],
          ["sameNameOtherEmail", { ...person, email: `other${i}@example.com`, mobile: "0400 222 444" }],
          ["unknown", patient()],
        ];
        for (const [group, p] of [...runs.slice(i % 3), ...runs.slice(0, i % 3)]) {
          // The proof is solved before the clock starts (as the widget does while the patient types).
          const body = { ...bookingBody(take(), ids.standard, p), proof: await solvedProof(s.api) };
          // Each booking starts with the consumer's request budget (9 a second) clear of the one before:
          // otherwise the third booking of a round waits for budget whoever it is for.
          await sleep(lastEnd + BUDGET_WINDOW_MS - performance.now());
          await s.controls.resetStats();
          const t = performance.now();
          const res = await postBooking(s.api, body, `oracle-${n++}-key`);
          lastEnd = performance.now();
          times[group].push(lastEnd - t);
          calls[group].push((await s.controls.stats()).requests);
          expect(res.status, res.text).toBe(201);
        }
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const base = median(times.unknown);
      console.log(
        `match timing (150 ms latency): unknown ${base.toFixed(0)} ms, matched ${median(times.matched).toFixed(0)} ms, ` +
          `same name + dob other email ${median(times.sameNameOtherEmail).toFixed(0)} ms; calls ${JSON.stringify(calls)}`,
      );
      // The same coreplus work, call for call.
      expect(calls.matched).toEqual(calls.unknown);
      expect(calls.sameNameOtherEmail).toEqual(calls.unknown);
      expect(Math.abs(median(times.matched) - base) / base).toBeLessThan(0.1);
      expect(Math.abs(median(times.sameNameOtherEmail) - base) / base).toBeLessThan(0.1);
    } finally {
      await s.controls.setLatency(0);
    }
  }, 150_000);
});
