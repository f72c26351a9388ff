/**
 * Booking for someone else when the family record's create has an unknown outcome, against the real
 * sandbox over HTTP: coreplus has no way to list a client's family, so a retry never sends the create
 * again (a second record for the carer is worse than none); the carer goes into the notes instead.
 * A create that coreplus refused (an error status) is sent again, so that case keeps its record.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  availability,
  bookingBody,
  NEXT_MONDAY,
  postBooking,
  type Stack,
  seedIds,
  startStack,
} from "./stack.ts";

/** The edge gives up on a coreplus request after this long (the clinic's `coreplus.timeoutMs`). */
const TIMEOUT_MS = 1_000;

let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeAll(async () => {
  s = await startStack({ clinic: (c) => ({ ...c, coreplus: { ...c.coreplus, timeoutMs: TIMEOUT_MS } }) });
  ids = seedIds(s);
});
afterEach(() => s.controls.clearFaults());
afterAll(() => s?.close());

const parent = {
  firstName: "Priya",
  lastName: "Raman",
  relationship: "Mother",
  email: "priya.raman@example.com",
  mobile: "0412 345 678",
};
const CARER_LINE = "Booked by Priya Raman (Mother)";
const FAMILY = { method: "POST", path: "/clientfamily" };

let slotIndex = 0;
let childIndex = 0;
/** A booking for a new child (a name never used before) at a fresh Monday slot. */
async function newChildBooking() {
  const { body } = await availability(s, {
    locationId: ids.docklands,
    appointmentTypeId: ids.standard,
    from: NEXT_MONDAY,
    to: NEXT_MONDAY,
  });
  const slot = body.days[0]!.slots[slotIndex++]!;
  const child = {
    firstName: `Kiran${"abcdefgh"[childIndex++]}`,
    lastName: "Raman",
    dateOfBirth: "2018-02-11",
  };
  return { ...bookingBody(slot, ids.standard, child as never), bookedBy: parent };
}

/** The clients made since `before` (a set of client ids). */
const clientsSince = (before: Set<string>) =>
  [...s.sandbox.store.clients.values()].filter((c) => !before.has(c.clientId));

const notesOf = (reference: unknown) =>
  [...s.sandbox.store.appointments.values()].find((a) => a.appointmentReferenceNumber === reference)!.notes;

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not true within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("a family record whose create has an unknown outcome is never made twice", () => {
  test("timed out but made: the retry books without a second family record, the carer in the notes", async () => {
    const before = new Set(s.sandbox.store.clients.keys());
    const body = await newChildBooking();
    // The sandbox waits, then makes the record: the edge has given up by then.
    await s.controls.setLatency(TIMEOUT_MS * 3, FAMILY);
    const first = await postBooking(s.api, body, "family-timeout-1");
    expect(first.status).toBe(504);
    const [child] = clientsSince(before);
    expect(child).toBeDefined();
    await until(async () => (await s.controls.clientFamily(child!.clientId)).length > 0, TIMEOUT_MS * 10);
    await s.controls.clearFaults();

    const retried = await postBooking(s.api, body, "family-timeout-1");
    expect(retried.status).toBe(201);
    expect(clientsSince(before)).toHaveLength(1);
    const family = await s.controls.clientFamily(child!.clientId);
    expect(family).toHaveLength(1);
    expect(family[0]).toMatchObject({ firstName: "Priya", surname: "Raman", mainContact: true });
    expect(notesOf((retried.body.booking as { reference: string }).reference).split("\n")).toContain(
      CARER_LINE,
    );
    expect(s.logs.some((l) => l.msg === "family record outcome unknown; not sent again")).toBe(true);
    // The log line names no one.
    expect(JSON.stringify(s.logs)).not.toContain("Priya");
  });

  test("the connection dropped after it was made: the same", async () => {
    const before = new Set(s.sandbox.store.clients.keys());
    const body = await newChildBooking();
    await s.controls.dropConnection({ times: 1, after: "after", match: FAMILY });
    const first = await postBooking(s.api, body, "family-dropped-1");
    expect(first.status).toBeGreaterThanOrEqual(502);
    const [child] = clientsSince(before);
    expect(await s.controls.clientFamily(child!.clientId)).toHaveLength(1);

    const retried = await postBooking(s.api, body, "family-dropped-1");
    expect(retried.status).toBe(201);
    expect(clientsSince(before)).toHaveLength(1);
    expect(await s.controls.clientFamily(child!.clientId)).toHaveLength(1);
    expect(notesOf((retried.body.booking as { reference: string }).reference).split("\n")).toContain(
      CARER_LINE,
    );
  });

  test("refused by coreplus (an error status): nothing was made, so the retry makes the record", async () => {
    const before = new Set(s.sandbox.store.clients.keys());
    const body = await newChildBooking();
    await s.controls.forceStatus(500, { times: 1, match: FAMILY });
    const first = await postBooking(s.api, body, "family-refused-1");
    expect(first.status).toBeGreaterThanOrEqual(502);
    const [child] = clientsSince(before);
    expect(await s.controls.clientFamily(child!.clientId)).toHaveLength(0);

    const retried = await postBooking(s.api, body, "family-refused-1");
    expect(retried.status).toBe(201);
    expect(await s.controls.clientFamily(child!.clientId)).toHaveLength(1);
    // The family record holds the carer, so the notes do not.
    expect(notesOf((retried.body.booking as { reference: string }).reference)).not.toContain("Priya");
  });
});
