/**
 * Disciplines end to end, in Chromium, against the real edge API and sandbox with the development
 * clinic's disciplines: "What do you need help with?" first, then only that discipline's services,
 * practitioners and "first available"; axe on every new or changed step; the `discipline` attribute.
 */
import { describe, expect, it } from "vitest";
import { hasChromium, openSite, requireChromiumUnderCi, useE2eStack } from "./stack.ts";
import { expectNoAxe, expectStep, heading, pickFirstTime, press, typeDetails } from "./steps.ts";

requireChromiumUnderCi();

describe.skipIf(!hasChromium)("end to end: disciplines", () => {
  // The development clinic's disciplines, professions, bios and prices. Every service is for anyone
  // here, so that no "Have you seen us before?" question stands between these steps.
  const e2e = useE2eStack(undefined, (clinic) => ({
    ...clinic,
    appointmentTypeInfo: Object.fromEntries(
      Object.entries(clinic.appointmentTypeInfo).map(([id, info]) => [
        id,
        { ...info, audience: "all" as const },
      ]),
    ),
  }));

  it("Physiotherapy → Standard Consultation → First available books with a physiotherapist", async () => {
    const { page, context, problems } = await openSite(e2e.browser, e2e.stack);
    const asked: URL[] = [];
    page.on("request", (r) => asked.push(new URL(r.url())));
    await heading(page, "What do you need help with?").waitFor();
    await page.getByRole("button", { name: /^Psychology/ }).waitFor();
    await expectNoAxe(page, "discipline");
    expect(await page.getByText("Step 1 of 7 · Type of care").count()).toBe(1);
    await press(page, "button", /^Physiotherapy/);
    // Physiotherapists work at Docklands and Williamstown only.
    await expectStep(page, "Where would you like to be seen?");
    await page.getByRole("button", { name: /^Harbourside Health Docklands/ }).waitFor();
    const locations = await page.getByRole("button", { name: /^Harbourside Health/ }).count();
    expect(locations).toBe(2);
    await press(page, "button", /^Harbourside Health Docklands/);
    await expectStep(page, "What would you like to book?");
    const standard = page.getByRole("button", { name: /^Standard Consultation/ });
    await standard.waitFor();
    expect((await standard.textContent())?.replace(/\s+/g, " ")).toContain("30 minutes · $95");
    expect(await page.getByRole("button", { name: /^Psychology Session/ }).count()).toBe(0);
    await expectNoAxe(page, "service with prices and descriptions");
    await press(page, "button", /^Standard Consultation/);
    await expectStep(page, "Who would you like to see?");
    const liam = page.getByRole("button", { name: /^Liam O'Connor/ });
    await liam.waitFor();
    expect(await liam.textContent()).toContain("Physiotherapist");
    // Only physiotherapists: nobody from another discipline who works at Docklands on the day. The
    // edge API narrows the list (the widget asks for the discipline's practitioners).
    expect(await page.getByRole("button", { name: /Nguyen|Wilson|Papadopoulos/ }).count()).toBe(0);
    const lists = asked.filter(
      (u) => u.pathname.endsWith("/practitioners") && u.searchParams.has("locationId"),
    );
    expect(lists.map((u) => u.searchParams.get("disciplineId"))).toEqual(["physiotherapy"]);
    await page.getByText("About Liam O'Connor").click();
    await page.getByText(/running injuries/).waitFor();
    await expectNoAxe(page, "practitioner with a bio shown");
    await press(page, "button", /^First available/);
    await pickFirstTime(page);
    await expectStep(page, "Your details");
    await typeDetails(page, {
      firstName: "Backpain",
      lastName: "Patient",
      day: "2",
      month: "9",
      year: "1979",
      email: "back.pain@example.com",
      mobile: "0400 222 333",
    });
    await expectStep(page, "Check your booking");
    // The review lists the discipline first, with a Change link back to its question.
    const terms = (await page.getByRole("term").allTextContents()).map((t) => t.trim());
    const values = (await page.getByRole("definition").allTextContents()).map((t) => t.trim());
    expect(terms[0]).toBe("Type of care");
    expect(values[0]).toBe("Physiotherapy");
    await page.getByRole("button", { name: "Change type of care" }).waitFor();
    await expectNoAxe(page, "review with the discipline");
    await press(page, "button", "Confirm booking");
    await expectStep(page, "You're booked");

    const { store, seed } = e2e.stack.sandbox.sandbox;
    const client = [...store.clients.values()].find((c) => c.firstName === "Backpain");
    const booked = [...store.appointments.values()].filter((a) => a.clientId === client?.clientId);
    expect(booked).toHaveLength(1);
    const who = seed.practitioners.find((p) => p.practitionerId === booked[0]?.practitionerId);
    expect(who?.profession).toBe("Physiotherapist");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the discipline attribute preselects: podiatry skips the question and the one clinic that has it", async () => {
    const { page, context } = await openSite(e2e.browser, e2e.stack, {
      path: `/?attrs=${encodeURIComponent('discipline="podiatry"')}`,
    });
    await heading(page, "What would you like to book?").waitFor();
    expect(await heading(page, "What do you need help with?").count()).toBe(0);
    await page.getByRole("button", { name: /^Standard Consultation/ }).waitFor();
    expect(await page.getByText(/^Step 1 of \d · Service$/).count()).toBe(1);
    await press(page, "button", /^Standard Consultation/);
    await expectStep(page, "Who would you like to see?");
    const marco = page.getByRole("button", { name: /^Marco Russo/ });
    await marco.waitFor();
    expect(await marco.textContent()).toContain("Podiatrist");
    await context.close();
  });
});
