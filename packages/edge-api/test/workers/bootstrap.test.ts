/**
 * The bootstrap and the caching headers inside workerd, with Durable Object state: each part equals
 * its own route's answer and comes from the same caches (the sandbox's record of coreplus requests),
 * and an unchanged answer revalidates to a 304, through another Worker script too.
 */
import { describe, expect, test } from "vitest";
import { arrivals, call, clearArrivals, freshSandbox, nextMonday, replicas, self } from "./harness.ts";

const ids = freshSandbox();

const base = "/v1/clinics/harbourside-north";

describe("bootstrap on Workers", () => {
  test("one answer with every part of the first screen, and no coreplus call the separate routes would not make", async () => {
    const q = new URLSearchParams({
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      practitionerId: ids.nguyen,
      from: nextMonday,
    });
    const boot = await call(self, `${base}/bootstrap?${q}`);
    expect(boot.status, boot.text).toBe(200);
    await clearArrivals();
    const profile = await call(self, base);
    const practitioners = await call(self, `${base}/practitioners?locationId=${ids.docklands}`);
    const types = await call(self, `${base}/appointment-types?locationId=${ids.docklands}`);
    q.set("to", "2026-12-13");
    const week = await call(self, `${base}/availability?${q}`);
    expect(await arrivals()).toEqual([]);
    expect(boot.body.clinic).toEqual(profile.body.clinic);
    expect(boot.body.locationId).toBe(ids.docklands);
    expect(boot.body.practitioners).toEqual(practitioners.body.practitioners);
    expect(boot.body.appointmentTypes).toEqual(types.body.appointmentTypes);
    expect(boot.body.availability).toEqual(week.body);
    expect(boot.headers.get("cache-control")).toBe("public, max-age=20, stale-while-revalidate=60");
  });

  test("an unchanged profile revalidates to a 304, whichever Worker script answers", async () => {
    const first = await call(self, base);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=3600");
    for (const edge of [self, replicas[1]!]) {
      const again = await call(edge, base, { headers: { "if-none-match": etag! } });
      expect(again.status).toBe(304);
      expect(again.text).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("vary")).toBe("Origin");
    }
  });
});
