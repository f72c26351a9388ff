import { afterEach, describe, expect, inject, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { FAKE_NOW } from "../test/fake-data.ts";
import type { CoreplusBooking } from "./booking.component.ts";
import "./coreplus-booking.ts";

const api = inject("fakeEdgeUrl");
let n = 0;

async function mount(scenario: string, attrs: Record<string, string> = {}): Promise<CoreplusBooking> {
  const el = document.createElement("coreplus-booking");
  el.now = () => new Date(FAKE_NOW);
  el.setAttribute("api", api);
  el.setAttribute("clinic", `${scenario}.${++n}.${Math.random().toString(36).slice(2, 8)}`);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe("<coreplus-booking>", () => {
  it("walks a single-location clinic from service to confirmation", async () => {
    const el = await mount("solo");
    await expect.element(page.getByRole("heading", { name: "What would you like to book?" })).toBeVisible();
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await expect.element(page.getByRole("heading", { name: "Who would you like to see?" })).toBeVisible();
    await page.getByRole("button", { name: /First available/ }).click();
    await expect.element(page.getByRole("heading", { name: "Choose a date and time" })).toBeVisible();
    await page.getByRole("button", { name: "9:00 am" }).click();
    await expect.element(page.getByRole("heading", { name: "Your details" })).toBeVisible();
    expect(el).toBeTruthy();
  });
});
