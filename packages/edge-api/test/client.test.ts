/**
 * The typed client: `hc<EdgeApp>` (hono/client) against the app's own route types. The calls below
 * are typechecked by `pnpm typecheck` (tsconfig.test.json), the `@ts-expect-error` lines prove that
 * the types refuse what the routes refuse, and every call goes over HTTP to the real edge API.
 */
import { hc } from "hono/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { EdgeApp, Proof } from "../src/index.ts";
import { bookingBody, NEXT_MONDAY, type Stack, seedIds, solvedProof, startStack } from "./stack.ts";

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(() => s.close());

describe("hc<EdgeApp>", () => {
  test("reads and books through the typed client", async () => {
    const ids = seedIds(s);
    const clinic = hc<EdgeApp>(s.edge.url).v1.clinics[":clinic"];
    const param = { clinic: "harbourside" };

    const profile = await clinic.$get({ param });
    expect(profile.status).toBe(200);
    if (profile.status !== 200) throw new Error("unreachable");
    const { locations } = (await profile.json()).clinic;
    expect(locations.map((l) => l.id)).toContain(ids.docklands);

    const types = await clinic["appointment-types"].$get({ param, query: { locationId: ids.docklands } });
    if (types.status !== 200) throw new Error(`appointment-types answered ${types.status}`);
    expect((await types.json()).appointmentTypes.map((t) => t.id)).toContain(ids.standard);

    const query = {
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: NEXT_MONDAY,
      to: NEXT_MONDAY,
    };
    const week = await clinic.availability.$get({ param, query });
    if (week.status !== 200) throw new Error(`availability answered ${week.status}`);
    const day = await week.json();
    expect(day.timezone).toBe("Australia/Melbourne");
    const slot = day.days[0]?.slots[0];
    if (!slot) throw new Error("no slot on the pinned Monday");

    const challenge = await clinic.challenge.$get({ param });
    if (challenge.status !== 200) throw new Error(`challenge answered ${challenge.status}`);
    expect((await challenge.json()).kind).toBe("altcha");
    const proof = (await solvedProof(`${s.edge.url}/v1/clinics/harbourside`)) as Proof;
    const booked = await clinic.bookings.$post({
      param,
      header: { "Idempotency-Key": `typed-client-${Date.now()}` },
      json: { ...bookingBody(slot, ids.standard), proof },
    });
    expect(booked.status).toBe(201);
    if (booked.status !== 201) throw new Error("unreachable");
    expect((await booked.json()).booking.start).toBe(slot.start);
  });

  test("the types refuse what the routes refuse", () => {
    const clinic = hc<EdgeApp>(s.edge.url).v1.clinics[":clinic"];
    // Never sent: these only have to fail to typecheck.
    const unsent = () => {
      // @ts-expect-error availability needs a location, a type and a range
      void clinic.availability.$get({ param: { clinic: "harbourside" }, query: { locationId: "x" } });
      // @ts-expect-error a booking needs its Idempotency-Key header (and a body)
      void clinic.bookings.$post({ param: { clinic: "harbourside" }, json: {} });
      // @ts-expect-error there is no such route
      void clinic.nothing.$get();
    };
    expect(typeof unsent).toBe("function");
  });
});
