/**
 * Disciplines against the real sandbox over HTTP: the profile, practitioners and types carry them,
 * availability within a discipline never offers anyone outside it (every discipline, types several
 * disciplines share, every day of four weeks), and bookings across disciplines or against a
 * service's audience are refused. Also: the development clinic's data matches the sandbox's seed.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { defaultSandboxConfig } from "../src/index.ts";
import { availability, bookingBody, getJson, postBooking, type Stack, seedIds, startStack } from "./stack.ts";

type Problem = { type: string; status: number; errors?: { pointer: string; code: string }[] };
type Practitioner = {
  id: string;
  profession?: string;
  bio?: string;
  disciplineIds: string[];
  locationIds: string[];
  appointmentTypeIds: string[];
};
type Type = {
  id: string;
  name: string;
  disciplineIds: string[];
  description?: string;
  price?: { amountCents: number; currency: string };
  audience: string;
};

let s: Stack;
let ids: ReturnType<typeof seedIds>;
let practitioners: Practitioner[];
beforeAll(async () => {
  s = await startStack();
  ids = seedIds(s);
  practitioners = (await getJson<{ practitioners: Practitioner[] }>(`${s.api}/practitioners`)).body
    .practitioners;
});
afterAll(() => s?.close());

const FROM = "2026-11-30";
const TO = "2026-12-27";

describe("the catalogue carries disciplines", () => {
  test("the profile lists the disciplines; practitioners carry profession, disciplines and bio", async () => {
    const { body } = await getJson<{ clinic: { disciplines: { id: string; name: string }[] } }>(s.api);
    expect(body.clinic.disciplines.map((d) => d.id)).toEqual([
      "physiotherapy",
      "psychology",
      "dietetics",
      "exercise-physiology",
      "podiatry",
      "occupational-therapy",
    ]);
    const liam = practitioners.find((p) => p.id === ids.oconnor)!;
    expect(liam).toMatchObject({ profession: "Physiotherapist", disciplineIds: ["physiotherapy"] });
    expect(liam.bio).toMatch(/running injuries/);
    for (const p of practitioners) expect(p.disciplineIds).toHaveLength(1);
  });

  test("appointment types carry disciplines, description, price and audience, and filter by discipline", async () => {
    const types = async (q: string) =>
      (await getJson<{ appointmentTypes: Type[] }>(`${s.api}/appointment-types?${q}`)).body.appointmentTypes;
    const all = await types("");
    const standard = all.find((t) => t.id === ids.standard)!;
    expect(standard.disciplineIds).toHaveLength(6);
    expect(standard).toMatchObject({ price: { amountCents: 9500, currency: "AUD" }, audience: "all" });
    expect(standard.description).toBeTruthy();
    expect(all.find((t) => t.id === ids.initial)?.audience).toBe("new");

    const psych = (await types("disciplineId=psychology")).map((t) => t.id);
    expect(psych).toContain(ids.psych);
    expect(psych).not.toContain(ids.hydro);
    const physio = (await types("disciplineId=physiotherapy")).map((t) => t.id);
    expect(physio).toEqual(expect.arrayContaining([ids.standard, ids.hydro]));
    expect(physio).not.toContain(ids.psych);

    const unknown = await getJson<Problem>(`${s.api}/appointment-types?disciplineId=astrology`);
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: "/query/disciplineId" })]);
    const outside = await getJson<Problem>(
      `${s.api}/appointment-types?disciplineId=psychology&practitionerId=${ids.oconnor}`,
    );
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toEqual([
      expect.objectContaining({ pointer: "/query/practitionerId", code: "not_in_discipline" }),
    ]);
  });
});

describe("practitioners by discipline", () => {
  test("?disciplineId= lists exactly that discipline's practitioners, for what the discipline offers", async () => {
    const { body: profile } = await getJson<{ clinic: { disciplines: { id: string }[] } }>(s.api);
    expect(profile.clinic.disciplines).toHaveLength(6);
    for (const d of profile.clinic.disciplines) {
      const res = await getJson<{ practitioners: Practitioner[] }>(
        `${s.api}/practitioners?disciplineId=${d.id}`,
      );
      expect(res.status).toBe(200);
      const listed = res.body.practitioners.map((p) => p.id);
      const members = practitioners.filter((p) => p.disciplineIds.includes(d.id)).map((p) => p.id);
      expect(members.length).toBeGreaterThan(0);
      expect({ discipline: d.id, listed }).toEqual({ discipline: d.id, listed: members });
      const offered = new Set(
        (
          await getJson<{ appointmentTypes: Type[] }>(`${s.api}/appointment-types?disciplineId=${d.id}`)
        ).body.appointmentTypes.map((t) => t.id),
      );
      for (const p of res.body.practitioners)
        for (const t of p.appointmentTypeIds)
          expect({ discipline: d.id, t, offered: offered.has(t) }).toEqual({
            discipline: d.id,
            t,
            offered: true,
          });
    }
    // Combined with a location: both filters apply.
    const here = await getJson<{ practitioners: Practitioner[] }>(
      `${s.api}/practitioners?disciplineId=physiotherapy&locationId=${ids.docklands}`,
    );
    expect(here.body.practitioners.length).toBeGreaterThan(0);
    for (const p of here.body.practitioners) {
      expect(p.disciplineIds).toEqual(["physiotherapy"]);
      expect(p.locationIds).toEqual([ids.docklands]);
    }
    expect(here.body.practitioners.map((p) => p.id)).toContain(ids.oconnor);
  });

  test("an unknown discipline is the same problem the other routes give", async () => {
    const onPractitioners = await getJson<Problem>(`${s.api}/practitioners?disciplineId=astrology`);
    const onTypes = await getJson<Problem>(`${s.api}/appointment-types?disciplineId=astrology`);
    expect(onPractitioners.status).toBe(422);
    expect(onPractitioners.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(onPractitioners.body.errors).toEqual([
      expect.objectContaining({ pointer: "/query/disciplineId", code: "not_bookable" }),
    ]);
    expect(onPractitioners.body).toEqual(onTypes.body);
    const tooLong = await getJson<Problem>(`${s.api}/practitioners?disciplineId=${"x".repeat(65)}`);
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ pointer: "/query/disciplineId" })]);
  });
});

describe("availability within a discipline", () => {
  // Dozens of uncached week reads in a row: reads get 8 of the budget's 9 a second (one is kept for the
  // priority lane) and queue paced, so this takes about 20 s on a busy machine.
  test("for every discipline and every type it shares, every slot's practitioner is in it (four weeks)", {
    timeout: 45_000,
  }, async () => {
    const { body: profile } = await getJson<{
      clinic: { disciplines: { id: string }[]; locations: { id: string }[] };
    }>(s.api);
    const types = (await getJson<{ appointmentTypes: Type[] }>(`${s.api}/appointment-types`)).body
      .appointmentTypes;
    const shared = types.filter((t) => t.disciplineIds.length > 1);
    expect(shared.map((t) => t.id)).toEqual(expect.arrayContaining([ids.standard, ids.hydro]));
    let checked = 0;
    for (const d of profile.clinic.disciplines) {
      const members = new Set(practitioners.filter((p) => p.disciplineIds.includes(d.id)).map((p) => p.id));
      const at = profile.clinic.locations.filter((l) =>
        practitioners.some((p) => members.has(p.id) && p.locationIds.includes(l.id)),
      );
      let slots = 0;
      for (const t of shared.filter((x) => x.disciplineIds.includes(d.id))) {
        for (const l of at) {
          const res = await availability(s, {
            locationId: l.id,
            appointmentTypeId: t.id,
            from: FROM,
            to: TO,
            disciplineId: d.id,
          });
          if (res.status === 422) continue; // this type is not offered by this discipline here
          expect(res.status).toBe(200);
          expect(res.body.days).toHaveLength(28);
          for (const day of res.body.days)
            for (const slot of day.slots) {
              expect({
                discipline: d.id,
                practitionerId: slot.practitionerId,
                in: members.has(slot.practitionerId),
              }).toEqual({ discipline: d.id, practitionerId: slot.practitionerId, in: true });
              slots++;
            }
        }
      }
      // Every discipline has someone rostered in these four weeks, so the check is never vacuous.
      expect({ discipline: d.id, hasSlots: slots > 0 }).toEqual({ discipline: d.id, hasSlots: true });
      checked++;
    }
    expect(checked).toBe(6);
    // Without the discipline, the same shared type at Docklands is offered by several disciplines.
    const mixed = await availability(s, {
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: FROM,
      to: TO,
    });
    const disciplinesSeen = new Set(
      mixed.body.days.flatMap((day) =>
        day.slots.map((x) => practitioners.find((p) => p.id === x.practitionerId)?.disciplineIds[0]),
      ),
    );
    expect(disciplinesSeen.size).toBeGreaterThan(2);
  });

  test("a practitioner outside the discipline, or a type it does not offer, is refused", async () => {
    const bad = await availability(s, {
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: FROM,
      to: "2026-12-06",
      disciplineId: "psychology",
      practitionerId: ids.oconnor,
    });
    expect(bad.status).toBe(422);
    expect((bad.body as unknown as Problem).errors).toEqual([
      expect.objectContaining({ pointer: "/query/practitionerId", code: "not_in_discipline" }),
    ]);
    const hydro = await availability(s, {
      locationId: ids.williamstown,
      appointmentTypeId: ids.hydro,
      from: FROM,
      to: "2026-12-06",
      disciplineId: "dietetics",
    });
    expect(hydro.status).toBe(422);
    expect((hydro.body as unknown as Problem).errors).toEqual([
      expect.objectContaining({ pointer: "/query/appointmentTypeId", code: "not_in_discipline" }),
    ]);
  });
});

describe("bookings within a discipline", () => {
  test("a booking across disciplines is refused on /slot/practitionerId; within it, it books", async () => {
    const res = await availability(s, {
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: "2026-12-01",
      to: "2026-12-07",
      disciplineId: "physiotherapy",
    });
    const slot = res.body.days.flatMap((d) => d.slots)[0]!;
    const physio = practitioners.find((p) => p.id === slot.practitionerId)!;
    expect(physio.profession).toBe("Physiotherapist");
    const body = bookingBody(slot, ids.standard);
    const across = await postBooking(
      s.api,
      { ...body, slot: { ...body.slot, disciplineId: "psychology" } },
      "discipline-across-1",
    );
    expect(across.status).toBe(422);
    expect(across.body.errors).toEqual([
      expect.objectContaining({ pointer: "/slot/practitionerId", code: "not_in_discipline" }),
    ]);
    const unknown = await postBooking(
      s.api,
      { ...body, slot: { ...body.slot, disciplineId: "astrology" } },
      "discipline-unknown-1",
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: "/slot/disciplineId" })]);

    const within = await postBooking(
      s.api,
      { ...body, slot: { ...body.slot, disciplineId: "physiotherapy" }, returning: false },
      "discipline-within-1",
    );
    expect(within.status).toBe(201);
    expect((within.body.booking as { practitioner: { id: string } }).practitioner.id).toBe(physio.id);
  });

  test("a service whose audience contradicts `returning` is refused", async () => {
    const res = await availability(s, {
      locationId: ids.docklands,
      appointmentTypeId: ids.initial,
      from: "2026-12-01",
      to: "2026-12-07",
    });
    const slot = res.body.days.flatMap((d) => d.slots)[0]!;
    const refused = await postBooking(
      s.api,
      { ...bookingBody(slot, ids.initial), returning: true },
      "audience-1",
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ pointer: "/slot/appointmentTypeId", code: "audience_mismatch" }),
    ]);
  });
});

test("OpenAPI documents the discipline filters and the booking's discipline and returning", async () => {
  const { body: doc } = await getJson<{
    paths: Record<
      string,
      Record<string, { parameters?: { name: string }[]; responses: Record<string, { description: string }> }>
    >;
    components: { schemas: Record<string, { properties: Record<string, unknown> }> };
  }>(`${s.edge.url}/openapi.json`);
  const params = (path: string) => doc.paths[path]?.get?.parameters?.map((p) => p.name) ?? [];
  expect(params("/v1/clinics/{clinic}/availability")).toContain("disciplineId");
  expect(params("/v1/clinics/{clinic}/appointment-types")).toContain("disciplineId");
  expect(params("/v1/clinics/{clinic}/practitioners")).toEqual(
    expect.arrayContaining(["locationId", "disciplineId"]),
  );
  const schemas = doc.components.schemas;
  expect(Object.keys(schemas.BookingSlot!.properties)).toContain("disciplineId");
  expect(Object.keys(schemas.BookingRequest!.properties)).toContain("returning");
  expect(Object.keys(schemas.PublicPractitioner!.properties)).toEqual(
    expect.arrayContaining(["profession", "disciplineIds", "bio"]),
  );
  // OfferedAppointmentType extends PublicAppointmentType (allOf).
  const offered = schemas.OfferedAppointmentType as unknown as { allOf: { properties?: object }[] };
  expect(Object.keys(offered.allOf.find((x) => x.properties)?.properties ?? {})).toEqual(
    expect.arrayContaining(["disciplineIds", "description", "price", "audience"]),
  );
  expect(doc.paths["/v1/clinics/{clinic}/bookings"]?.post?.responses["422"]?.description).toContain(
    "/slot/practitionerId",
  );
});

test("the development clinic's disciplines and professions are the sandbox seed's", () => {
  const clinic = defaultSandboxConfig().clinics[0]!;
  const seed = s.sandbox.seed;
  const store = s.sandbox.store;
  for (const p of seed.practitioners) {
    expect(clinic.practitionerProfiles[p.practitionerId]?.profession).toBe(p.profession);
    const inDisciplines = clinic.disciplines.filter((d) => d.practitionerIds.includes(p.practitionerId));
    expect(inDisciplines).toHaveLength(1);
    expect(p.specialtyIds).toContain(inDisciplines[0]!.specialtyId);
  }
  const known = new Set(seed.appointmentTypes.map((t) => t.appointmentTypeId));
  for (const id of Object.keys(clinic.appointmentTypeInfo)) expect(known.has(id)).toBe(true);
  for (const d of clinic.disciplines)
    for (const t of d.appointmentTypeIds ?? []) expect(known.has(t)).toBe(true);
  expect(store.practitioners.size).toBe(Object.keys(clinic.practitionerProfiles).length);
});
