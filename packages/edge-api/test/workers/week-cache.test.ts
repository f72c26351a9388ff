/** Availability inside workerd: read from coreplus in whole weeks, cached per week in the clinic's object. */
import { describe, expect, test } from "vitest";
import { call, controls, freshSandbox, self } from "./harness.ts";

const ids = freshSandbox();

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe("the week cache on Workers", () => {
  test("40 distinct 31-day queries cost at most the 9 weeks they touch", async () => {
    await call(self, `/v1/clinics/harbourside-north/practitioners`); // the catalogue first
    await controls.resetStats();
    for (let i = 0; i < 40; i++) {
      const from = addDays("2026-11-30", i);
      const q = new URLSearchParams({
        locationId: ids.docklands,
        appointmentTypeId: ids.standard,
        practitionerId: ids.oconnor,
        from,
        to: addDays(from, 30),
      });
      const res = await call(self, `/v1/clinics/harbourside-north/availability?${q}`);
      expect(res.status, res.text).toBe(200);
    }
    const calls = (await controls.stats()).byRoute["GET /AvailabilitySlot/"] ?? 0;
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(9);
  });

  test("a remembered answer comes out whole every time (its bytes are shared between answers)", async () => {
    const q = new URLSearchParams({
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      practitionerId: ids.oconnor,
      from: "2026-12-07",
      to: "2026-12-13",
    });
    const path = `/v1/clinics/harbourside-north/availability?${q}`;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await call(self, path));
    const [first] = answers;
    expect(first?.status, first?.text).toBe(200);
    expect(first?.text.length).toBeGreaterThan(2);
    for (const a of answers) {
      expect(a.text).toBe(first?.text);
      expect(a.headers.get("etag")).toBe(first?.headers.get("etag"));
      expect(a.headers.get("content-type")).toBe("application/json");
    }
    expect(answers[2]?.headers.get("server-timing")).toContain("cache;desc=hit");
  });
});
