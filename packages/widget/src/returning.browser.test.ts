/**
 * "Have you seen us before?" (issue 12), in Chromium against the fake: asked when some service is only
 * for new or only for returning patients, the answer narrows the services, goes with the booking and
 * shows in the review with a Change link.
 */
import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import type { BookingRequest } from "../src/api/types.ts";
import { expectNoAxe, expectStep, fillDetails, log, mount } from "../test/browser-helpers.ts";

afterEach(() => {
  document.body.replaceChildren();
});

/** The booking bodies the fake received for a clinic. */
async function bodies(clinic: string): Promise<BookingRequest[]> {
  const entries = (await log(clinic)) as { method: string; body?: BookingRequest }[];
  return entries.filter((e) => e.method === "POST" && e.body).map((e) => e.body!);
}

describe('<coreplus-booking> "Have you seen us before?"', () => {
  it("asks when services are for new or returning patients, offers only the fitting ones, and sends the answer", async () => {
    const { clinic, events } = await mount("seen");
    await expectStep("Have you seen us before?", false);
    await expect.element(page.getByText("Step 1 of 6 · Seen us before")).toBeVisible();
    await expectNoAxe("returning");
    await page.getByRole("button", { name: "Yes, I've been before" }).click();
    await expectStep("What would you like to book?");
    await expect.element(page.getByRole("button", { name: /Follow-up/ })).toBeVisible();
    expect(page.getByRole("button", { name: /Initial consultation/ }).elements()).toHaveLength(0);
    // Back from the services returns to the question, the answer still marked.
    await page.getByRole("button", { name: "Back" }).click();
    await expectStep("Have you seen us before?");
    await expect
      .element(page.getByRole("button", { name: "Yes, I've been before" }))
      .toHaveAttribute("aria-current", "true");
    await page.getByRole("button", { name: "No, this is my first visit" }).click();
    await expectStep("What would you like to book?");
    expect(page.getByRole("button", { name: /Follow-up/ }).elements()).toHaveLength(0);
    await page.getByRole("button", { name: /Initial consultation/ }).click();
    await page.getByRole("button", { name: /First available/ }).click();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await fillDetails();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectStep("Check your booking");
    // The review lists the answer, with a Change link back to the question.
    await expect.element(page.getByText("No, this is my first visit")).toBeVisible();
    await expectNoAxe("review with the returning answer");
    await page.getByRole("button", { name: "Change seen us before" }).click();
    await expectStep("Have you seen us before?");
    // The same answer: straight back to the review, nothing else to answer again.
    await page.getByRole("button", { name: "No, this is my first visit" }).click();
    await expectStep("Check your booking");
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expectStep("You're booked");
    const [body] = await bodies(clinic);
    expect(body?.returning).toBe(false);
    expect(body?.slot.appointmentTypeId).toBe("type-initial");
    const steps = events.filter((e) => e.type === "coreplus-step-change").map((e) => e.detail);
    // The step is public: `coreplus-step-change` names it (index 1 of 6 steps).
    expect(steps[0]).toMatchObject({ step: "service", previousStep: "returning", index: 2, total: 6 });
    expect(steps[1]).toMatchObject({ step: "returning", previousStep: "service", index: 1, total: 6 });
  });

  it("changing the answer from the review asks for a fitting service again", async () => {
    await mount("seen");
    await page.getByRole("button", { name: "No, this is my first visit" }).click();
    await page.getByRole("button", { name: /Initial consultation/ }).click();
    await page.getByRole("button", { name: /First available/ }).click();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await fillDetails();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectStep("Check your booking");
    await page.getByRole("button", { name: "Change seen us before" }).click();
    await page.getByRole("button", { name: "Yes, I've been before" }).click();
    // The initial consultation is for new patients: the service (and its time) must be chosen again.
    await expectStep("What would you like to book?");
    expect(page.getByRole("button", { name: /Initial consultation/ }).elements()).toHaveLength(0);
    await page.getByRole("button", { name: /Follow-up/ }).click();
    // "First available" still stands; only the time went with the service.
    await expectStep("Choose a date and time");
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await expectStep("Check your booking");
    await expect.element(page.getByText("Yes, I've been before")).toBeVisible();
    await expect.element(page.getByText("Follow-up")).toBeVisible();
  });

  it("is not asked when no service names an audience", async () => {
    await mount("solo");
    await expectStep("What would you like to book?", false);
    expect(page.getByRole("heading", { name: "Have you seen us before?" }).elements()).toHaveLength(0);
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await page.getByRole("button", { name: /First available/ }).click();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await fillDetails();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectStep("Check your booking");
    expect(page.getByText("Seen us before").elements()).toHaveLength(0);
  });
});
