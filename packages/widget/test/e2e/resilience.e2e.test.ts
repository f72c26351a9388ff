/**
 * End to end, the unhappy paths: a slot taken meanwhile (409) returns to the times with an
 * explanation; a dropped response after coreplus booked is retried with the same idempotency key
 * and books once.
 */
import type { Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasChromium, openSite, requireChromiumUnderCi, solvedProof, useE2eStack } from "./stack.ts";
import { expectNoAxe, expectStep, heading, type Patient, press, toReview } from "./steps.ts";

requireChromiumUnderCi();

const patient = (name: string): Patient => ({
  firstName: name,
  lastName: "Tester",
  day: "5",
  month: "11",
  year: "1979",
  email: `${name.toLowerCase()}@example.com`,
  mobile: "0411 222 333",
});

describe.skipIf(!hasChromium)("end to end: when things go wrong", () => {
  const e2e = useE2eStack();

  const appointmentsOf = (firstName: string) => {
    const store = e2e.stack.sandbox.sandbox.store;
    const ids = new Set(
      [...store.clients.values()].filter((c) => c.firstName === firstName).map((c) => c.clientId),
    );
    return [...store.appointments.values()].filter((a) => ids.has(a.clientId));
  };
  const bookingPosts = (page: import("playwright-core").Page) => {
    const posts: Request[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/bookings")) posts.push(r);
    });
    return posts;
  };

  it("returns to the times with an explanation when someone else took the slot (409)", async () => {
    const { page, context, problems } = await openSite(e2e.browser, e2e.stack);
    await page.evaluate(() => {
      document.addEventListener("coreplus-slot-selected", (e) => {
        (window as unknown as { picked: unknown }).picked = (e as CustomEvent).detail;
      });
    });
    await heading(page, "Where would you like to be seen?").waitFor();
    await toReview(page, patient("Conflicted"));
    // Someone else books the very same slot first, through the same edge API.
    const picked = (await page.evaluate(
      () => (window as unknown as { picked: Record<string, string> }).picked,
    )) as Record<string, string>;
    const clinicUrl = `${e2e.stack.edge.url}/v1/clinics/harbourside`;
    const proof = await solvedProof(clinicUrl);
    const other = await fetch(`${clinicUrl}/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "e2e-someone-else-0001" },
      body: JSON.stringify({
        slot: {
          locationId: picked.locationId,
          practitionerId: picked.practitionerId,
          appointmentTypeId: picked.appointmentTypeId,
          start: picked.start,
        },
        patient: {
          firstName: "Quick",
          lastName: "Other",
          dateOfBirth: "1980-01-01",
          email: "quick@example.com",
          mobile: "0400 999 888",
        },
        consent: true,
        proof,
      }),
    });
    expect(other.status).toBe(201);
    await press(page, "button", "Confirm booking");
    await expectStep(page, "Choose a date and time");
    await page.getByText("That time was just taken. Here are the nearest times.").waitFor();
    await expectNoAxe(page, "time after 409");
    expect(appointmentsOf("Conflicted")).toHaveLength(0);
    // Another time goes straight back to the review with the details kept, and books.
    const next = page.getByRole("group").first().getByRole("button").first();
    await press(page, "button", (await next.textContent())!.trim());
    await expectStep(page, "Check your booking");
    await press(page, "button", "Confirm booking");
    await expectStep(page, "You're booked");
    expect(appointmentsOf("Conflicted")).toHaveLength(1);
    expect(problems.filter((p) => !p.includes("409"))).toEqual([]);
    await context.close();
  });

  it("books once when the response was lost after coreplus booked, retrying with the same key", async () => {
    const { page, context } = await openSite(e2e.browser, e2e.stack);
    const posts = bookingPosts(page);
    await heading(page, "Where would you like to be seen?").waitFor();
    await toReview(page, patient("Dropped"));
    await e2e.stack.controls.dropConnection({
      times: 1,
      after: "after",
      match: { method: "POST", path: "/appointment" },
    });
    await press(page, "button", "Confirm booking");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      "We couldn't confirm your booking. Try again (you won't be booked twice), or call Harbourside Health Docklands on 03 5550 1200.",
    );
    await expectNoAxe(page, "review with an error");
    // coreplus did create it; the visitor does not know yet.
    expect(appointmentsOf("Dropped")).toHaveLength(1);
    // The retry is Confirm booking again (the notice has no second retry button).
    expect(await page.getByRole("button", { name: "Try again" }).count()).toBe(0);
    await press(page, "button", "Confirm booking");
    await expectStep(page, "You're booked");
    expect(appointmentsOf("Dropped")).toHaveLength(1);
    expect(posts).toHaveLength(2);
    const keys = await Promise.all(posts.map(async (r) => (await r.allHeaders())["idempotency-key"]));
    expect(keys[0]).toMatch(/^cpk_[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    await context.close();
  });
});
