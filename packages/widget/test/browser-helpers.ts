/** Helpers for the component tests that run in Chromium (Vitest browser mode). */
import { expect, inject } from "vitest";
import { page } from "vitest/browser";
import type { CoreplusBooking } from "../src/booking.component.ts";
import type { CoreplusEventDetails } from "../src/events.ts";
import { FAKE_NOW } from "./fake-data.ts";
import "../src/coreplus-booking.ts";

let counter = 0;

/** Mounts an element against the fake edge API; the scenario is the slug's first part. */
export async function mount(
  scenario: string,
  attrs: Record<string, string> = {},
  parent: HTMLElement = document.body,
) {
  const el = document.createElement("coreplus-booking");
  el.now = () => new Date(FAKE_NOW);
  const clinic = `${scenario}.${++counter}${Math.random().toString(36).slice(2, 7)}`;
  el.setAttribute("api", inject("fakeEdgeUrl"));
  el.setAttribute("clinic", clinic);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const events = record(el);
  parent.append(el);
  await el.updateComplete;
  return { el, clinic, events };
}

/** Every coreplus-* event the element fires, in order, as seen on `document` (so bubbling and composed). */
export function record(el: CoreplusBooking) {
  const seen: { type: keyof CoreplusEventDetails; detail: unknown; composed: boolean; bubbles: boolean }[] =
    [];
  const names: (keyof CoreplusEventDetails)[] = [
    "coreplus-ready",
    "coreplus-step-change",
    "coreplus-slot-selected",
    "coreplus-booked",
    "coreplus-error",
    "coreplus-cancelled",
    "coreplus-rescheduled",
  ];
  for (const name of names) {
    document.addEventListener(name, (e) => {
      if (e.target === el)
        seen.push({ type: name, detail: e.detail, composed: e.composed, bubbles: e.bubbles });
    });
  }
  return seen;
}

/** The focused element, looking inside shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits for a step heading and checks that focus moved to it. */
export async function expectStep(name: string, focused = true): Promise<void> {
  const heading = page.getByRole("heading", { name, level: 2 });
  await expect.element(heading).toBeVisible();
  if (focused) await expect.poll(() => deepActive()?.textContent?.trim()).toBe(name);
}

/** Requests the fake saw for one clinic. */
export async function log(clinic: string): Promise<
  {
    method: string;
    path: string;
    idempotencyKey?: string;
    /** For bookings, lookups and changes: what the fake made of the proof. */
    proof?: "ok" | "missing" | "failed" | "replayed";
    status?: number;
    aborted: boolean;
    query: Record<string, string>;
  }[]
> {
  const res = await fetch(`${inject("fakeEdgeUrl")}/_log?clinic=${encodeURIComponent(clinic)}`);
  return res.json();
}

/** Fills the details form with a valid patient. */
export async function fillDetails(
  patch: Partial<
    Record<"First name" | "Last name" | "Day" | "Month" | "Year" | "Email" | "Mobile", string>
  > = {},
): Promise<void> {
  const values = {
    "First name": "Jo",
    "Last name": "Citizen",
    Day: "27",
    Month: "3",
    Year: "1990",
    Email: "jo@example.com",
    Mobile: "0400 000 000",
    ...patch,
  };
  for (const [label, value] of Object.entries(values))
    await page.getByLabelText(label, { exact: true }).fill(value);
  await page.getByRole("checkbox").click();
}

/** Goes from the first step of a single-location clinic to the review. */
export async function toReview(time = "9:00 am"): Promise<void> {
  await page.getByRole("button", { name: /Follow-up/ }).click();
  await page.getByRole("button", { name: /First available/ }).click();
  await page.getByRole("button", { name: time, exact: true }).click();
  await fillDetails();
  await page.getByRole("button", { name: "Continue" }).click();
  await expectStep("Check your booking");
}

/** A rough accessible name of the focused element: aria-label, its label, or its text. */
export function focusedName(): string {
  const a = deepActive() as HTMLElement | null;
  if (!a) return "";
  const input = a as HTMLInputElement;
  const name = a.getAttribute("aria-label") ?? (input.labels?.[0]?.textContent || a.textContent) ?? "";
  return name.replace(/\s+/g, " ").trim();
}

/** Presses Tab until the focused control's name matches; fails if the honeypot ever gets focus. */
export async function tabTo(name: string | RegExp, max = 60): Promise<void> {
  const { userEvent } = await import("vitest/browser");
  for (let i = 0; i < max; i++) {
    await userEvent.tab();
    expect(deepActive()?.id).not.toBe("website");
    const current = focusedName();
    if (typeof name === "string" ? current === name : name.test(current)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/**
 * axe-core's violations in the widget (its open shadow root included; the test page itself is not
 * checked): every `<coreplus-booking>` on the page, or the elements given.
 */
export async function axeViolations(
  widgets: Element[] = [...document.querySelectorAll("coreplus-booking")],
): Promise<{ id: string; nodes: string[] }[]> {
  const axe = (await import("axe-core")).default;
  const result = await axe.run(widgets, { resultTypes: ["violations"] });
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
}

/** Fails with the violations, naming the view. */
export async function expectNoAxe(view: string): Promise<void> {
  expect({ view, violations: await axeViolations() }).toEqual({ view, violations: [] });
}
