/**
 * The widget end to end, in Chromium, against the real edge API and sandbox: a keyboard-only booking
 * that lands in the sandbox, axe on every step, the 409 and dropped-response paths, the screenshots.
 */
import { describe, expect, it } from "vitest";
import { hasChromium, openSite, requireChromiumUnderCi, useE2eStack } from "./stack.ts";
import { expectNoAxe, expectStep, heading, press, typeDetails } from "./steps.ts";

requireChromiumUnderCi();

describe.skipIf(!hasChromium)("end to end: widget + edge API + sandbox in Chromium", () => {
  const e2e = useE2eStack();

  it("books with the keyboard alone; axe finds nothing on any step; the appointment is in the sandbox", async () => {
    const { page, context, problems } = await openSite(e2e.browser, e2e.stack);
    await heading(page, "Where would you like to be seen?").waitFor();
    await expectNoAxe(page, "location");
    await press(page, "button", /^Harbourside Health Docklands/);
    await expectStep(page, "What would you like to book?");
    await page.getByRole("button", { name: /^Standard Consultation/ }).waitFor();
    await expectNoAxe(page, "service");
    await press(page, "button", /^Standard Consultation/);
    await expectStep(page, "Who would you like to see?");
    await page.getByRole("button", { name: /^First available/ }).waitFor();
    await expectNoAxe(page, "practitioner");
    await press(page, "button", /^First available/);
    await expectStep(page, "Choose a date and time");
    const times = page.getByRole("group").first().getByRole("button");
    await times.first().waitFor();
    await expectNoAxe(page, "time");
    const time = (await times.first().textContent())!.trim();
    await press(page, "button", time);
    await expectStep(page, "Your details");
    await expectNoAxe(page, "details");
    await press(page, "button", "Continue");
    await page.getByRole("heading", { name: "There is a problem" }).waitFor();
    await expectNoAxe(page, "details with errors");
    await typeDetails(page, {
      firstName: "Keyboard",
      lastName: "Patient",
      day: "27",
      month: "3",
      year: "1990",
      email: "keyboard.patient@example.com",
      mobile: "0400 123 456",
    });
    await expectStep(page, "Check your booking");
    await expectNoAxe(page, "review");
    const before = e2e.stack.sandbox.sandbox.store.appointments.size;
    await press(page, "button", "Confirm booking");
    await expectStep(page, "You're booked");
    await expectNoAxe(page, "confirmation");

    expect(e2e.stack.sandbox.sandbox.store.appointments.size).toBe(before + 1);
    const store = e2e.stack.sandbox.sandbox.store;
    const client = [...store.clients.values()].find(
      (c) => c.firstName === "Keyboard" && c.lastName === "Patient",
    );
    expect(client?.dateOfBirth).toBe("1990-03-27");
    const appointments = [...store.appointments.values()].filter((a) => a.clientId === client?.clientId);
    expect(appointments).toHaveLength(1);
    const reference = (
      await page
        .getByText(/^[A-Z0-9-]{4,}$/)
        .first()
        .textContent()
    )?.trim();
    expect(reference).toBeTruthy();
    // The strict CSP held: no violation, no error, nothing inline needed.
    expect(problems).toEqual([]);
    await context.close();
  });
});
