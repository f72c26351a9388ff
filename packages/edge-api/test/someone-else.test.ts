/**
 * Booking for someone else, the clinic's questions and the notes, against the real sandbox over HTTP:
 * a new dependant gets the carer's contact and a family record, an existing one is never changed,
 * the notes stay within 300 characters, and every bad answer is a field error.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ClinicQuestion } from "../src/config/index.ts";
import { ANSWER_MAX } from "../src/schemas/booking-extras.ts";
import {
  availability,
  bookingBody,
  getJson,
  NEXT_MONDAY,
  PARENT,
  postBooking,
  type Stack,
  seedIds,
  startStack,
} from "./stack.ts";

/** Questions that just fit the notes at their longest (checked at start by parseEdgeConfig). */
const QUESTIONS: ClinicQuestion[] = [
  { id: "referral", label: "Do you have a GP referral?", kind: "yes-no", required: true },
  {
    id: "funding",
    label: "Funding",
    kind: "choice",
    options: ["Private", "NDIS", "Medicare care plan"],
    required: false,
  },
  { id: "school", label: "School or kinder", kind: "text", required: false, maxLength: 60 },
];

let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeAll(async () => {
  s = await startStack({
    clinic: (c) => ({ ...c, questions: QUESTIONS, privacyUrl: "https://harbourside.example/privacy" }),
  });
  ids = seedIds(s);
});
afterAll(() => s?.close());

type Slot = { start: string; practitionerId: string; locationId: string };
type Problem = { type: string; errors?: { pointer: string; code: string }[] };

let slotIndex = 0;
/** A fresh free slot on Monday at Docklands for the standard consultation. */
async function nextSlot(): Promise<Slot> {
  const { body } = await availability(s, {
    locationId: ids.docklands,
    appointmentTypeId: ids.standard,
    from: NEXT_MONDAY,
    to: NEXT_MONDAY,
  });
  return body.days[0]!.slots[slotIndex++]!;
}

const parent = PARENT;
const child = { firstName: "Asha", lastName: "Raman", dateOfBirth: "2019-04-09" };

const appointmentOf = (reference: unknown) =>
  [...s.sandbox.store.appointments.values()].find((a) => a.appointmentReferenceNumber === reference)!;

describe("booking for someone else", () => {
  test("the profile lists the clinic's questions and its privacy link", async () => {
    const { body } = await getJson<{ clinic: { questions: unknown[]; privacyUrl: string } }>(s.api);
    expect(body.clinic.privacyUrl).toBe("https://harbourside.example/privacy");
    // The configured questions exactly as configured (a text question shows its limit).
    expect(body.clinic.questions).toEqual(QUESTIONS);
  });

  test("a new child: one new client with the parent's contact, one family record, no client for the parent", async () => {
    const clientsBefore = new Set(s.sandbox.store.clients.keys());
    const res = await postBooking(
      s.api,
      {
        ...bookingBody(await nextSlot(), ids.standard, child as never),
        bookedBy: parent,
        returning: false,
        answers: [{ questionId: "referral", value: "yes" }],
      },
      "someone-else-new-1",
    );
    expect(res.status).toBe(201);
    expect(res.text).not.toContain(parent.email);
    const created = [...s.sandbox.store.clients.values()].filter((c) => !clientsBefore.has(c.clientId));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      ...child,
      email: parent.email,
      phoneNumberMobile: parent.mobile,
    });
    expect(created.some((c) => c.firstName === parent.firstName)).toBe(false);
    const family = await s.controls.clientFamily(created[0]!.clientId);
    expect(family).toHaveLength(1);
    expect(family[0]).toMatchObject({
      firstName: parent.firstName,
      surname: parent.lastName,
      relationship: "Mother",
      email: parent.email,
      mobile: parent.mobile,
      mainContact: true,
    });
    const notes = appointmentOf((res.body.booking as { reference: string }).reference).notes;
    expect(notes.split("\n")).toEqual(["Seen before: no", "Do you have a GP referral? yes"]);
    // A new dependant's carer is on the family record, not in the notes.
    expect(notes).not.toContain(parent.firstName);
  });

  test("a failure after the child's client was made resumes: still one client and one family record", async () => {
    const clientsBefore = s.sandbox.store.clients.size;
    const familiesBefore = s.sandbox.store.families.size;
    const body = {
      ...bookingBody(await nextSlot(), ids.standard, { ...child, firstName: "Ravi" } as never),
      bookedBy: parent,
      answers: [{ questionId: "referral", value: "no" }],
    };
    await s.controls.forceStatus(503, { times: 1, match: { path: "/clientfamily" } });
    try {
      const failed = await postBooking(s.api, body, "someone-else-resume-1");
      expect(failed.status).toBe(503);
    } finally {
      await s.controls.clearFaults();
    }
    const retried = await postBooking(s.api, body, "someone-else-resume-1");
    expect(retried.status).toBe(201);
    expect(s.sandbox.store.clients.size).toBe(clientsBefore + 1);
    expect(s.sandbox.store.families.size).toBe(familiesBefore + 1);
  });

  test("an existing child: no client changed, no family record added, the carer in the notes", async () => {
    const existing = [...s.sandbox.store.clients.values()].find(
      (c) => c.firstName === child.firstName && c.dateOfBirth === child.dateOfBirth,
    )!;
    expect(existing).toBeDefined();
    const snapshot = structuredClone(s.sandbox.store.clients);
    const familiesBefore = s.sandbox.store.families.size;
    const res = await postBooking(
      s.api,
      {
        ...bookingBody(await nextSlot(), ids.standard, child as never),
        bookedBy: { ...parent, firstName: "Dev", relationship: "Father", email: "dev@example.com" },
        returning: true,
        answers: [{ questionId: "referral", value: "No" }],
      },
      "someone-else-existing-1",
    );
    expect(res.status).toBe(201);
    // Matched on the carer's mobile; nothing written to any client record.
    expect(s.sandbox.store.clients).toEqual(snapshot);
    expect(s.sandbox.store.families.size).toBe(familiesBefore);
    const appt = appointmentOf((res.body.booking as { reference: string }).reference);
    expect(appt.clientId).toBe(existing.clientId);
    expect(appt.notes.split("\n")).toEqual([
      "Booked by Dev Raman (Father)",
      "Seen before: yes",
      "Do you have a GP referral? no",
    ]);
  });

  test("the notes never pass 300 characters with the longest answers, names, note and attribution", async () => {
    const long = (n: number) => "w".repeat(n);
    const carer = { ...parent, firstName: long(50), lastName: long(50), relationship: long(30) };
    // First make the long-named child exist, so the carer goes into the notes too.
    const longChild = { ...child, firstName: long(50), lastName: long(50) };
    const answers = [
      { questionId: "referral", value: "yes" },
      { questionId: "funding", value: "Medicare care plan" },
      { questionId: "school", value: long(60) },
    ];
    const make = (key: string, slot: Slot) =>
      postBooking(
        s.api,
        {
          ...bookingBody(slot, ids.standard, longChild as never),
          bookedBy: carer,
          returning: true,
          answers,
          note: long(300),
          attribution: { source: long(40), medium: long(40), campaign: long(40) },
        },
        key,
      );
    const first = await make("someone-else-long-1", await nextSlot());
    expect(first.status).toBe(201);
    const second = await make("someone-else-long-2", await nextSlot());
    expect(second.status).toBe(201);
    for (const res of [first, second]) {
      const notes = appointmentOf((res.body.booking as { reference: string }).reference).notes;
      expect(notes.length).toBeLessThanOrEqual(300);
      expect(notes).toContain("Seen before: yes");
      expect(notes).toContain("Do you have a GP referral? yes");
      expect(notes).toContain("Funding: Medicare care plan");
      expect(notes).toContain(`School or kinder: ${long(60)}`);
    }
    const second_ = appointmentOf((second.body.booking as { reference: string }).reference).notes;
    expect(second_).toContain(`Booked by ${long(50)} ${long(50)} (${long(30)})`);
  });

  test("invalid answers, missing required ones and unknown question ids are field errors", async () => {
    const slot = await nextSlot();
    const res = await postBooking(
      s.api,
      {
        ...bookingBody(slot, ids.standard),
        answers: [
          { questionId: "funding", value: "Cash" },
          { questionId: "school", value: "x".repeat(61) },
          { questionId: "shoe-size", value: "9" },
          { questionId: "funding", value: "NDIS" },
        ],
      },
      "someone-else-invalid-1",
    );
    expect(res.status).toBe(422);
    const problem = res.body as Problem;
    expect(problem.type).toMatch(/\/validation$/);
    expect(problem.errors).toEqual([
      { pointer: "/answers/0/value", code: "invalid_value", detail: expect.any(String) },
      { pointer: "/answers/1/value", code: "too_long", detail: expect.any(String) },
      { pointer: "/answers/2/questionId", code: "unknown_question", detail: expect.any(String) },
      { pointer: "/answers/3/questionId", code: "duplicate", detail: expect.any(String) },
      { pointer: "/answers", code: "answer_required", detail: 'question "referral" must be answered' },
    ]);
    // The details never echo a value.
    expect(res.text).not.toContain("Cash");

    const yesNo = await postBooking(
      s.api,
      { ...bookingBody(slot, ids.standard), answers: [{ questionId: "referral", value: "maybe" }] },
      "someone-else-invalid-2",
    );
    expect((yesNo.body as Problem).errors).toEqual([
      { pointer: "/answers/0/value", code: "invalid_value", detail: 'must be "yes" or "no"' },
    ]);
  });

  test("the new fields are validated with field errors", async () => {
    const slot = await nextSlot();
    const { email: _e, mobile: _m, ...noContact } = bookingBody(slot, ids.standard).patient;
    const res = await postBooking(
      s.api,
      {
        ...bookingBody(slot, ids.standard),
        bookedBy: {
          firstName: "",
          lastName: "Raman",
          relationship: "x".repeat(31),
          email: "nope",
          mobile: "12",
        },
        returning: "yes",
        answers: [{ questionId: "Referral!", value: "x".repeat(ANSWER_MAX + 1) }],
        attribution: { source: "<script>" },
      },
      "someone-else-fields-1",
    );
    expect(res.status).toBe(422);
    const pointers = (res.body as Problem).errors!.map((e) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        "/bookedBy/firstName",
        "/bookedBy/relationship",
        "/bookedBy/email",
        "/bookedBy/mobile",
        "/returning",
        "/answers/0/questionId",
        "/answers/0/value",
        "/attribution/source",
      ]),
    );
    // Without bookedBy the patient's own contact is required.
    const own = await postBooking(
      s.api,
      {
        ...bookingBody(slot, ids.standard),
        patient: noContact,
        answers: [{ questionId: "referral", value: "yes" }],
      },
      "someone-else-fields-2",
    );
    expect(own.status).toBe(422);
    expect((own.body as Problem).errors).toEqual([
      { pointer: "/patient/email", code: "required", detail: "is required" },
      { pointer: "/patient/mobile", code: "required", detail: "is required" },
    ]);
  });
});
