import { afterEach, describe, expect, inject, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { deepActive, expectStep, fillDetails, log, mount, tabTo, toReview } from "../test/browser-helpers.ts";

afterEach(() => {
  document.body.replaceChildren();
});

const patientBits = ["Jo", "Citizen", "jo@example.com", "0400", "1990", "27"];

describe("<coreplus-booking> flow", () => {
  it("books with the keyboard alone, moving focus to each step's heading, with typed events and no patient data", async () => {
    const { el, clinic, events } = await mount("solo");
    await expectStep("What would you like to book?", false);
    // Loading the widget never steals focus from the page.
    expect(document.activeElement).toBe(document.body);
    await expect.element(page.getByText("Step 1 of 5 · Service")).toBeVisible();

    await tabTo(/^Follow-up/);
    await userEvent.keyboard("{Enter}");
    await expectStep("Who would you like to see?");
    await expect.element(page.getByText("Step 2 of 5 · Practitioner")).toBeVisible();
    await tabTo(/^First available/);
    await userEvent.keyboard("{Enter}");
    await expectStep("Choose a date and time");
    await expect
      .element(page.getByRole("status"))
      .toHaveTextContent("4 times available on Wednesday 2 December 2026.");
    await tabTo("9:30 am");
    await userEvent.keyboard("{Enter}");
    await expectStep("Your details");
    for (const [label, text] of [
      ["First name", "Jo"],
      ["Last name", "Citizen"],
      ["Day", "27"],
      ["Month", "3"],
      ["Year", "1990"],
      ["Email", "jo@example.com"],
      ["Mobile", "0400 000 000"],
    ]) {
      await tabTo(label!);
      await userEvent.keyboard(text!);
    }
    await tabTo(/^I agree/);
    await userEvent.keyboard(" ");
    await tabTo("Continue");
    await userEvent.keyboard("{Enter}");
    await expectStep("Check your booking");
    await tabTo("Confirm booking");
    await userEvent.keyboard("{Enter}");
    await expectStep("You're booked");
    await expect.element(page.getByText("HB-0001")).toBeVisible();
    await expect.element(page.getByText("Wednesday 2 December 2026 at 9:30 am AEDT")).toBeVisible();
    await expect.element(page.getByText("We'll remind you by email and text message.")).toBeVisible();
    const ics = new URL(page.getByRole("link", { name: "Add to calendar" }).element().getAttribute("href")!);
    expect(ics.origin + ics.pathname).toBe(
      `${inject("fakeEdgeUrl")}/v1/clinics/${clinic}/bookings/tok-HB-0001/calendar.ics`,
    );
    await expect.element(page.getByRole("link", { name: /Open map/ })).toHaveAttribute("target", "_blank");

    expect(events.map((e) => e.type)).toEqual([
      "coreplus-ready",
      "coreplus-step-change",
      "coreplus-step-change",
      "coreplus-slot-selected",
      "coreplus-step-change",
      "coreplus-step-change",
      "coreplus-step-change",
      "coreplus-booked",
    ]);
    expect(events.every((e) => e.bubbles && e.composed)).toBe(true);
    expect(events.filter((e) => e.type === "coreplus-step-change").map((e) => e.detail)).toEqual([
      { clinic, step: "practitioner", previousStep: "service", index: 2, total: 5 },
      { clinic, step: "time", previousStep: "practitioner", index: 3, total: 5 },
      { clinic, step: "details", previousStep: "time", index: 4, total: 5 },
      { clinic, step: "review", previousStep: "details", index: 5, total: 5 },
      { clinic, step: "done", previousStep: "review", index: 5, total: 5 },
    ]);
    expect(events.find((e) => e.type === "coreplus-slot-selected")?.detail).toEqual({
      clinic,
      locationId: "loc-southbank",
      appointmentTypeId: "type-follow",
      practitionerId: "prac-anna",
      anyPractitioner: true,
      start: "2026-12-02T09:30:00+11:00",
      end: "2026-12-02T10:00:00+11:00",
      timezone: "Australia/Melbourne",
    });
    const booked = events.find((e) => e.type === "coreplus-booked")?.detail;
    expect(booked).toMatchObject({
      clinic,
      reference: "HB-0001",
      practitioner: { id: "prac-anna", displayName: "Anna Lee" },
    });
    const serialised = JSON.stringify(events);
    for (const bit of patientBits) expect(serialised).not.toContain(bit);
    expect((await log(clinic)).filter((r) => r.method === "POST")).toHaveLength(1);
    expect(el.isConnected).toBe(true);
  });

  it("asks for the location first when the clinic has several, and Back returns with focus", async () => {
    await mount("multi");
    await expectStep("Where would you like to be seen?", false);
    await expect.element(page.getByText("Step 1 of 6 · Location")).toBeVisible();
    expect(page.getByRole("button", { name: "Back" }).elements()).toHaveLength(0);
    await page.getByRole("button", { name: /Harbourside Perth/ }).click();
    await expectStep("What would you like to book?");
    await page.getByRole("button", { name: "Back" }).click();
    await expectStep("Where would you like to be seen?");
    await expect
      .element(page.getByRole("button", { name: /Harbourside Perth/ }))
      .toHaveAttribute("aria-current", "true");
  });

  it("skips preselected steps and says which zone the times are in", async () => {
    await mount("multi", {
      location: "loc-perth",
      "appointment-type": "type-follow",
      practitioner: "prac-anna",
    });
    await expectStep("Choose a date and time", false);
    await expect.element(page.getByText("Step 1 of 3 · Date and time")).toBeVisible();
    await expect.element(page.getByText(/^Times are in Perth time \((AWST|GMT\+8)\)\./)).toBeVisible();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await fillDetails();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectStep("Check your booking");
    // Locked answers have no Change link; the time and the details do.
    expect(page.getByRole("button", { name: "Change location" }).elements()).toHaveLength(0);
    expect(page.getByRole("button", { name: "Change service" }).elements()).toHaveLength(0);
    await expect.element(page.getByRole("button", { name: "Change date and time" })).toBeVisible();
    await expect.element(page.getByText("Harbourside Perth, 4 Bay Road, Perth WA 6000")).toBeVisible();
  });

  it("falls back to a normal choice when a preselected id is not offered", async () => {
    await mount("solo", { "appointment-type": "type-nope", practitioner: "prac-nope" });
    await expectStep("What would you like to book?", false);
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await expectStep("Who would you like to see?");
  });

  it("offers only the locations where a preselected practitioner works", async () => {
    const { clinic } = await mount("three", { practitioner: "prac-liam" });
    await expectStep("Where would you like to be seen?", false);
    await expect.element(page.getByRole("button", { name: /Harbourside Docklands/ })).toBeVisible();
    await expect.element(page.getByRole("button", { name: /Harbourside Perth/ })).toBeVisible();
    expect(page.getByRole("button", { name: /Harbourside Southbank/ }).elements()).toHaveLength(0);
    await expect.element(page.getByText("Step 1 of 5 · Location")).toBeVisible();
    await page.getByRole("button", { name: /Harbourside Docklands/ }).click();
    await expectStep("What would you like to book?");
    await page.getByRole("button", { name: /Initial consultation/ }).click();
    await expectStep("Choose a date and time");
    const week = (await log(clinic)).filter((r) => r.path === "/availability");
    expect(week.at(-1)?.query).toMatchObject({ locationId: "loc-docklands", practitionerId: "prac-liam" });
  });

  it("chooses the only location of a preselected practitioner and skips that step", async () => {
    const { clinic } = await mount("three", { practitioner: "prac-ben" });
    await expectStep("What would you like to book?", false);
    await expect.element(page.getByText("Step 1 of 4 · Service")).toBeVisible();
    expect(page.getByRole("button", { name: "Back" }).elements()).toHaveLength(0);
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await expectStep("Choose a date and time");
    const week = (await log(clinic)).filter((r) => r.path === "/availability");
    expect(week.at(-1)?.query).toMatchObject({ locationId: "loc-southbank", practitionerId: "prac-ben" });
  });

  it("offers only the locations where a preselected service is offered", async () => {
    await mount("three", { "appointment-type": "type-follow" });
    await expectStep("Where would you like to be seen?", false);
    await expect.element(page.getByRole("button", { name: /Harbourside Southbank/ })).toBeVisible();
    await expect.element(page.getByRole("button", { name: /Harbourside Perth/ })).toBeVisible();
    expect(page.getByRole("button", { name: /Harbourside Docklands/ }).elements()).toHaveLength(0);
  });

  it("offers every location when the preselected practitioner is not offered", async () => {
    await mount("three", { practitioner: "prac-nope" });
    await expectStep("Where would you like to be seen?", false);
    for (const name of [/Southbank/, /Perth/, /Docklands/])
      await expect.element(page.getByRole("button", { name })).toBeVisible();
    await page.getByRole("button", { name: /Docklands/ }).click();
    await page.getByRole("button", { name: /Initial consultation/ }).click();
    await expectStep("Who would you like to see?");
  });

  it("lets Change on the review jump back and then return to the review", async () => {
    await mount("solo");
    await toReview();
    await page.getByRole("button", { name: "Change service" }).click();
    await expectStep("What would you like to book?");
    await page.getByRole("button", { name: /Initial consultation/ }).click();
    // The time no longer fits the new service, so the visitor picks one; details are kept.
    await expectStep("Choose a date and time");
    await page.getByRole("button", { name: "1:00 pm", exact: true }).click();
    await expectStep("Check your booking");
    await expect.element(page.getByText("Initial consultation")).toBeVisible();
    await expect.element(page.getByText(/1:00 pm/)).toBeVisible();
    await page.getByRole("button", { name: "Change email" }).click();
    await expectStep("Your details");
    await page.getByLabelText("Email", { exact: true }).fill("jo@example.org");
    await page.getByRole("button", { name: "Continue" }).click();
    await expectStep("Check your booking");
    await expect.element(page.getByText("jo@example.org")).toBeVisible();
  });

  it("starts again with 'Book another appointment'", async () => {
    await mount("solo");
    await toReview();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expectStep("You're booked");
    await page.getByRole("button", { name: "Book another appointment" }).click();
    await expect.element(page.getByText("For you again, or someone else?")).toBeVisible();
    await page.getByRole("button", { name: "Someone I care for" }).click();
    await expectStep("What would you like to book?");
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await page.getByRole("button", { name: /Ben Ng/ }).click();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await expectStep("Your details");
    // The previous patient is now the one booking for someone else: their fields start blank,
    // the contact details stay as the carer's.
    await expect.element(page.getByLabelText("Their first name", { exact: true })).toHaveValue("");
    await expect.element(page.getByLabelText("First name", { exact: true })).toHaveValue("Jo");
    await expect.element(page.getByLabelText("Email", { exact: true })).toHaveValue("jo@example.com");
    expect(deepActive()?.textContent).toBe("Your details");
  });
});
