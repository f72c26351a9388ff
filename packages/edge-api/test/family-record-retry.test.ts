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
  PARENT,
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

const parent = PARENT;
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

const familyOf = (clientId: string) => s.controls.clientFamily(clientId);

/**
 * Books for a new child under `key` with the fault `inject` sets: the first attempt fails after the
 * child's client was made; `retry()` clears the faults, books again with the same key and returns the
 * appointment's notes lines, having checked that it booked and made no second client.
 */
async function failThenRetry(key: string, inject: () => Promise<void>) {
  const before = new Set(s.sandbox.store.clients.keys());
  const body = await newChildBooking();
  await inject();
  const first = await postBooking(s.api, body, key);
  const made = clientsSince(before);
  expect(made).toHaveLength(1);
  const retry = async () => {
    await s.controls.clearFaults();
    const retried = await postBooking(s.api, body, key);
    expect(retried.status).toBe(201);
    expect(clientsSince(before)).toHaveLength(1);
    return notesOf((retried.body.booking as { reference: string }).reference).split("\n");
  };
  return { status: first.status, childId: made[0]!.clientId, retry };
}

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not true within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("a family record whose create has an unknown outcome is never made twice", () => {
  test("timed out but made: the retry books without a second family record, the carer in the notes", async () => {
    // The sandbox waits, then makes the record: the edge has given up by then.
    const run = await failThenRetry("family-timeout-1", () => s.controls.setLatency(TIMEOUT_MS * 3, FAMILY));
    expect(run.status).toBe(504);
    await until(async () => (await familyOf(run.childId)).length > 0, TIMEOUT_MS * 10);

    expect(await run.retry()).toContain(CARER_LINE);
    const family = await familyOf(run.childId);
    expect(family).toHaveLength(1);
    expect(family[0]).toMatchObject({ firstName: "Priya", surname: "Raman", mainContact: true });
    expect(s.logs.some((l) => l.msg === "family record outcome unknown; not sent again")).toBe(true);
    // The log line names no one.
    expect(JSON.stringify(s.logs)).not.toContain("Priya");
  });

  test("the connection dropped after it was made: the same", async () => {
    const run = await failThenRetry("family-dropped-1", () =>
      s.controls.dropConnection({ times: 1, after: "after", match: FAMILY }),
    );
    expect(run.status).toBeGreaterThanOrEqual(502);
    expect(await familyOf(run.childId)).toHaveLength(1);
    expect(await run.retry()).toContain(CARER_LINE);
    expect(await familyOf(run.childId)).toHaveLength(1);
  });

  test("refused by coreplus (an error status): nothing was made, so the retry makes the record", async () => {
    const run = await failThenRetry("family-refused-1", () =>
      s.controls.forceStatus(500, { times: 1, match: FAMILY }),
    );
    expect(run.status).toBeGreaterThanOrEqual(502);
    expect(await familyOf(run.childId)).toHaveLength(0);
    // The family record holds the carer, so the notes do not.
    expect((await run.retry()).join("\n")).not.toContain("Priya");
    expect(await familyOf(run.childId)).toHaveLength(1);
  });
});
