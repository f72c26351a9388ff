/**
 * "Have you seen us before?" end to end, in Chromium, against the real edge API and sandbox: the
 * development clinic's initial consultation is for new patients, so the question comes after the
 * location; the answer narrows the services, Back from the services returns to it, the review shows it
 * with a Change link, and the booking's notes in the sandbox carry it; axe on the new step.
 */
import { describe, expect, it } from "vitest";
import {
  type ClinicSetup,
  hasChromium,
  openSite,
  plainClinic,
  requireChromiumUnderCi,
  useE2eStack,
} from "./stack.ts";
import { expectNoAxe, expectStep, heading, pickFirstTime, press, typeDetails } from "./steps.ts";

requireChromiumUnderCi();

/** Today's flow (no disciplines), with the development clinic's audiences: the initial consultation is for new patients. */
const seenClinic: ClinicSetup = (clinic) => ({
  ...plainClinic(clinic),
  appointmentTypeInfo: Object.fromEntries(
    Object.entries(clinic.appointmentTypeInfo)
      .filter(([, i]) => i.audience !== "all")
      .map(([id, i]) => [id, { audience: i.audience }]),
  ),
});

describe.skipIf(!hasChromium)('end to end: "Have you seen us before?"', () => {
  const e2e = useE2eStack(undefined, seenClinic);

  it("a first visit books the initial consultation; the answer narrows the services and reaches the notes", async () => {
    const { page, context, problems } = await openSite(e2e.browser, e2e.stack);
    await heading(page, "Where would you like to be seen?").waitFor();
    await press(page, "button", /^Harbourside Health Docklands/);
    await expectStep(page, "Have you seen us before?");
    await expectNoAxe(page, "have you seen us before");
    await press(page, "button", "Yes, I've been before");
    await expectStep(page, "What would you like to book?");
    await page.getByRole("button", { name: /^Standard Consultation/ }).waitFor();
    // The initial consultation is for new patients only.
    expect(await page.getByRole("button", { name: /^Initial Consultation/ }).count()).toBe(0);
    await press(page, "button", "Back");
    await expectStep(page, "Have you seen us before?");
    await press(page, "button", "No, this is my first visit");
    await expectStep(page, "What would you like to book?");
    await press(page, "button", /^Initial Consultation/);
    await expectStep(page, "Who would you like to see?");
    await press(page, "button", /^First available/);
    await pickFirstTime(page);
    await expectStep(page, "Your details");
    await typeDetails(page, {
      firstName: "Firstvisit",
      lastName: "Patient",
      day: "14",
      month: "2",
      year: "1985",
      email: "first.visit@example.com",
      mobile: "0400 444 555",
    });
    await expectStep(page, "Check your booking");
    const terms = (await page.getByRole("term").allTextContents()).map((t) => t.trim());
    const values = (await page.getByRole("definition").allTextContents()).map((t) => t.trim());
    expect(terms[1]).toBe("Seen us before");
    expect(values).toContain("No, this is my first visit");
    await page.getByRole("button", { name: "Change seen us before" }).waitFor();
    await expectNoAxe(page, "review with the returning answer");
    await press(page, "button", "Confirm booking");
    await expectStep(page, "You're booked");

    const { store } = e2e.stack.sandbox.sandbox;
    const client = [...store.clients.values()].find((c) => c.firstName === "Firstvisit");
    const booked = [...store.appointments.values()].filter((a) => a.clientId === client?.clientId);
    expect(booked).toHaveLength(1);
    expect(booked[0]?.notes).toContain("Seen before: no");
    expect(problems).toEqual([]);
    await context.close();
  });
});
