import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import { deepActive, expectStep, fillDetails, log, mount, toReview } from "../test/browser-helpers.ts";

afterEach(() => {
  document.body.replaceChildren();
});

const posts = async (clinic: string) => (await log(clinic)).filter((r) => r.method === "POST");

describe("<coreplus-booking> when things go wrong", () => {
  it("checks the details inline, with a summary linking to each field", async () => {
    await mount("solo");
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await page.getByRole("button", { name: /First available/ }).click();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await page.getByLabelText("Day", { exact: true }).fill("31");
    await page.getByLabelText("Month", { exact: true }).fill("2");
    await page.getByLabelText("Year", { exact: true }).fill("1990");
    await page.getByLabelText("Email", { exact: true }).fill("jo@example");
    await page.getByRole("button", { name: "Continue" }).click();
    const summary = page.getByRole("heading", { name: "There is a problem" });
    await expect.element(summary).toBeVisible();
    expect(deepActive()?.id).toBe("error-summary");
    const links = page.getByRole("link");
    expect(links.elements().map((a) => a.textContent?.trim())).toEqual([
      "Enter your first name",
      "Enter your last name",
      "Date of birth must be a real date",
      "Enter an email address in the correct format, like name@example.com",
      "Enter your mobile number",
      "Tick the box to agree, so the clinic can book your appointment",
    ]);
    const email = page.getByLabelText("Email", { exact: true });
    await expect.element(email).toHaveAttribute("aria-invalid", "true");
    await expect
      .element(email)
      .toHaveAccessibleDescription(
        "We'll send your confirmation here. Error: Enter an email address in the correct format, like name@example.com",
      );
    await page.getByRole("link", { name: /correct format/ }).click();
    expect(deepActive()?.id).toBe("email");
    await page.getByRole("link", { name: "Date of birth must be a real date" }).click();
    expect(deepActive()?.id).toBe("dob-day");
    await fillDetails();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectStep("Check your booking");
  });

  it("shows the edge API's field errors at their fields, and a changed answer gets a new key", async () => {
    const { clinic } = await mount("invalid");
    await toReview();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expectStep("Your details", false);
    expect(deepActive()?.id).toBe("error-summary");
    await expect
      .element(page.getByLabelText("Email", { exact: true }))
      .toHaveAttribute("aria-invalid", "true");
    await expect.element(page.getByRole("link", { name: /correct format/ })).toBeVisible();
    await page.getByLabelText("Email", { exact: true }).fill("jo@example.org");
    await page.getByRole("button", { name: "Continue" }).click();
    await expectStep("Check your booking");
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expectStep("You're booked");
    const [first, second] = await posts(clinic);
    expect(first?.status).toBe(422);
    expect(second?.status).toBe(201);
    expect(first?.idempotencyKey).not.toBe(second?.idempotencyKey);
  });

  it("returns to the times with an explanation when the slot was just taken (409)", async () => {
    const { clinic, events } = await mount("conflict");
    await toReview("9:00 am");
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expectStep("Choose a date and time");
    await expect
      .element(page.getByText("That time was just taken. Here are the nearest times."))
      .toBeVisible();
    await expect.element(page.getByRole("button", { name: "9:30 am", exact: true })).toBeVisible();
    expect(page.getByRole("button", { name: "9:00 am", exact: true }).elements()).toHaveLength(0);
    expect(events.find((e) => e.type === "coreplus-error")?.detail).toMatchObject({
      code: "ERR_SLOT_UNAVAILABLE",
      status: 409,
      operation: "booking",
      step: "review",
    });
    // The details are kept: picking another time goes straight back to the review.
    await page.getByRole("button", { name: "9:30 am", exact: true }).click();
    await expectStep("Check your booking");
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expectStep("You're booked");
    const [taken, booked] = await posts(clinic);
    expect([taken?.status, booked?.status]).toEqual([409, 201]);
    expect(taken?.idempotencyKey).not.toBe(booked?.idempotencyKey);
  });

  it("offers a retry with the clinic's phone after a failure, and the retry reuses the key", async () => {
    const { clinic, events } = await mount("flaky");
    await toReview();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    const alert = page.getByRole("alert");
    await expect
      .element(alert)
      .toHaveTextContent(
        "We couldn't confirm your booking. Try again (you won't be booked twice), or call Harbourside Southbank on 03 9000 0000.",
      );
    expect(events.at(-1)).toMatchObject({
      type: "coreplus-error",
      detail: { code: "ERR_UPSTREAM", status: 503, retryable: true },
    });
    // One button does the retry while the notice shows: Confirm booking, not a second "Try again".
    expect(page.getByRole("button", { name: "Try again" }).elements()).toHaveLength(0);
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expectStep("You're booked");
    const [failed, retried] = await posts(clinic);
    expect([failed?.status, retried?.status]).toEqual([503, 201]);
    expect(retried?.idempotencyKey).toBe(failed?.idempotencyKey);
    expect(failed?.idempotencyKey).toMatch(/^cpk_[0-9a-f]{32}$/);
  });

  it("offers the phone instead of a pointless retry when the booking is refused", async () => {
    const { clinic } = await mount("refused");
    await toReview();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expect
      .element(page.getByRole("alert"))
      .toHaveTextContent(
        "We couldn't book this appointment online. To book, call Harbourside Southbank on 03 9000 0000.",
      );
    expect(page.getByRole("button", { name: "Try again" }).elements()).toHaveLength(0);
    expect(await posts(clinic)).toHaveLength(1);
  });

  it("sends one request for a double click on Confirm booking", async () => {
    const { clinic } = await mount("solo");
    await toReview();
    await page.getByRole("button", { name: "Confirm booking" }).dblClick();
    await expectStep("You're booked");
    expect(await posts(clinic)).toHaveLength(1);
  });

  it("explains a failed load and loads again on retry", async () => {
    const { events } = await mount("down");
    await expect
      .element(page.getByRole("alert"))
      .toHaveTextContent("We couldn't reach the clinic's booking system. Try again in a moment.");
    expect(events[0]).toMatchObject({
      type: "coreplus-error",
      detail: { operation: "profile", code: "ERR_UPSTREAM" },
    });
    await page.getByRole("button", { name: "Try again" }).click();
    await expectStep("What would you like to book?", false);
    expect(events.at(-1)?.type).toBe("coreplus-ready");
  });

  it("offers the next available day when the week has no times", async () => {
    await mount("empty");
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await page.getByRole("button", { name: /First available/ }).click();
    await expect
      .element(page.getByText(/^No times available from Tue,? 1 Dec to Mon,? 7 Dec\.$/))
      .toBeVisible();
    await expect
      .element(page.getByRole("status"))
      .toHaveTextContent(/^No times available from Tuesday 1 December 2026 to Monday 7 December 2026\./);
    await page.getByRole("button", { name: /^Next available: Tue,? 15 Dec$/ }).click();
    await expect
      .element(page.getByRole("button", { name: /^Tue 15 Dec/ }))
      .toHaveAttribute("aria-pressed", "true");
    await expect.element(page.getByRole("button", { name: "9:00 am", exact: true })).toBeVisible();
    await expect
      .element(page.getByRole("status"))
      .toHaveTextContent("4 times available on Tuesday 15 December 2026.");
  });

  it("cancels a superseded availability request and never shows its stale times", async () => {
    const { clinic } = await mount("slow");
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await page.getByRole("button", { name: /First available/ }).click();
    // The first week is still loading: its day buttons are there (no layout shift), disabled.
    await expect.element(page.getByRole("button", { name: /^Wed 2 Dec/ })).toBeDisabled();
    await page.getByRole("button", { name: "Later dates" }).click();
    await expect
      .element(page.getByRole("button", { name: /^Tue 8 Dec/ }))
      .toHaveAttribute("aria-pressed", "true");
    await new Promise((r) => setTimeout(r, 800));
    await expect
      .element(page.getByRole("button", { name: /^Tue 8 Dec/ }))
      .toHaveAttribute("aria-pressed", "true");
    const requests = (await log(clinic)).filter((r) => r.path === "/availability");
    expect(requests.map((r) => [r.query.from, r.aborted])).toEqual([
      ["2026-12-01", true],
      ["2026-12-08", false],
    ]);
  });
});
