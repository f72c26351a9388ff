/** Page-level helpers for the end-to-end tests: every control is found by role and accessible name. */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { axeViolations, focusedText, tabTo } from "./stack.ts";

/** A step heading. */
export const heading = (page: Page, name: string) => page.getByRole("heading", { name, level: 2 });

/** Tabs to a control found by role and name, then presses a key on it (Enter by default). */
export async function press(
  page: Page,
  role: Parameters<Page["getByRole"]>[0],
  name: string | RegExp,
  key = "Enter",
) {
  await tabTo(page, page.getByRole(role, { name, exact: typeof name === "string" }));
  await page.keyboard.press(key);
}

/** Waits for a step and checks that its heading has focus. */
export async function expectStep(page: Page, name: string): Promise<void> {
  await heading(page, name).waitFor();
  await expect.poll(() => focusedText(page)).toBe(name);
}

/** Fails with the list of violations, naming the step. */
export async function expectNoAxe(page: Page, step: string): Promise<void> {
  expect({ step, violations: await axeViolations(page) }).toEqual({ step, violations: [] });
}

/** A patient's answers, typed into the details form. */
export interface Patient {
  firstName: string;
  lastName: string;
  day: string;
  month: string;
  year: string;
  email: string;
  mobile: string;
}

/** Types the patient's details with the keyboard, ticks consent and continues. */
export async function typeDetails(page: Page, p: Patient): Promise<void> {
  for (const [label, text] of [
    ["First name", p.firstName],
    ["Last name", p.lastName],
    ["Day", p.day],
    ["Month", p.month],
    ["Year", p.year],
    ["Email", p.email],
    ["Mobile", p.mobile],
  ] as const) {
    await tabTo(page, page.getByRole("textbox", { name: label, exact: true }));
    await page.keyboard.type(text);
  }
  await tabTo(page, page.getByRole("checkbox", { name: /I agree/ }));
  await page.keyboard.press("Space");
  await press(page, "button", "Continue");
}

/** On "Choose a date and time": picks the first time of the first day with times; returns its text. */
export async function pickFirstTime(page: Page): Promise<string> {
  await expectStep(page, "Choose a date and time");
  const first = page.getByRole("group").first().getByRole("button").first();
  await first.waitFor();
  const time = (await first.textContent())!.trim();
  await press(page, "button", time);
  return time;
}

/** From the location step to the review, choosing the first time of the first day with times. */
export async function toReview(page: Page, p: Patient): Promise<string> {
  await press(page, "button", /^Harbourside Health Docklands/);
  await press(page, "button", /^Standard Consultation/);
  await press(page, "button", /^First available/);
  const time = await pickFirstTime(page);
  await expectStep(page, "Your details");
  await typeDetails(page, p);
  await expectStep(page, "Check your booking");
  return time;
}
