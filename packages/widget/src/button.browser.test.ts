import { afterEach, describe, expect, inject, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { axeViolations, deepActive, expectStep, focusedName } from "../test/browser-helpers.ts";
import { FAKE_NOW } from "../test/fake-data.ts";
import type { CoreplusBookingButton } from "./button.component.ts";
import "./coreplus-booking-button.ts";

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.style.removeProperty("overflow");
});

let counter = 0;

/** A page that scrolls, with a link before the button and one after it. */
async function mountButton(attrs: Record<string, string> = {}) {
  document.body.innerHTML = `<a href="#before">Before</a><div style="height: 3000px"></div><a href="#after">After</a>`;
  const el = document.createElement("coreplus-booking-button") as CoreplusBookingButton;
  el.now = () => new Date(FAKE_NOW);
  const clinic = `solo.b${++counter}${Math.random().toString(36).slice(2, 7)}`;
  el.setAttribute("api", inject("fakeEdgeUrl"));
  el.setAttribute("clinic", clinic);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.querySelector("div")!.before(el);
  await el.updateComplete;
  const events: { type: string; target: EventTarget | null }[] = [];
  for (const type of ["coreplus-ready", "coreplus-step-change"])
    document.addEventListener(type, (e) => events.push({ type, target: e.target }));
  return { el, clinic, events };
}

const inner = (el: Element) => el.shadowRoot!.querySelector("coreplus-booking");
const dialog = (el: Element) => el.shadowRoot!.querySelector("dialog")!;

describe("<coreplus-booking-button>", () => {
  it("opens the booking in a modal dialog by keyboard: Tab stays inside, Esc closes, focus returns, the page does not scroll", async () => {
    const { el, clinic, events } = await mountButton({ "appointment-type": "type-follow" });
    // Nothing of the booking exists until the first open.
    expect(inner(el)).toBeNull();
    await userEvent.tab();
    await userEvent.tab();
    expect(focusedName()).toBe("Book an appointment");
    expect(getComputedStyle(document.documentElement).overflow).toBe("visible");
    await userEvent.keyboard("{Enter}");
    await expect.poll(() => dialog(el).open).toBe(true);
    expect(dialog(el).matches(":modal")).toBe(true);
    await expectStep("Who would you like to see?", false);
    expect(getComputedStyle(document.documentElement).overflow).toBe("hidden");
    // The booking got the button's attributes, and its events come out of the button.
    const booking = inner(el)!;
    expect(booking.getAttribute("clinic")).toBe(clinic);
    expect(booking.getAttribute("appointment-type")).toBe("type-follow");
    await expect.poll(() => events.map((e) => e.type)).toContain("coreplus-ready");
    expect(events.every((e) => e.target === el)).toBe(true);
    expect(await axeViolations([el])).toEqual([]);

    // Tab and Shift+Tab cycle through the dialog's controls and never reach the page behind.
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await userEvent.tab();
      const a = deepActive();
      expect(a === document.body || !!a?.closest("a"), `focus left the dialog for ${a?.outerHTML}`).toBe(
        false,
      );
      seen.add(focusedName());
    }
    expect([...seen].some((name) => name.endsWith("Close"))).toBe(true);
    expect([...seen].some((name) => name.startsWith("Anna Lee"))).toBe(true);
    for (let i = 0; i < 6; i++) {
      await userEvent.tab({ shift: true });
      expect(deepActive()?.closest("a")).toBeNull();
    }

    // A choice inside passes its step-change event out through the button.
    await page.getByRole("button", { name: /First available/ }).click();
    await expectStep("Choose a date and time");
    expect(events.filter((e) => e.type === "coreplus-step-change").map((e) => e.target)).toEqual([el]);

    await userEvent.keyboard("{Escape}");
    await expect.poll(() => dialog(el).open).toBe(false);
    expect(focusedName()).toBe("Book an appointment");
    expect(getComputedStyle(document.documentElement).overflow).toBe("visible");

    // Opening again shows the same booking where the visitor left it; Close closes.
    await userEvent.keyboard("{Enter}");
    await expect.poll(() => dialog(el).open).toBe(true);
    expect(inner(el)).toBe(booking);
    await expectStep("Choose a date and time", false);
    await page.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => dialog(el).open).toBe(false);
    expect(focusedName()).toBe("Book an appointment");
  });

  it("passes attribute changes through, takes its label from the slot, and themes the booking from its own custom properties", async () => {
    const { el } = await mountButton();
    el.textContent = "Book with us";
    el.style.setProperty("--coreplus-accent", "rgb(0, 109, 91)");
    await expect.element(page.getByRole("button", { name: "Book with us" })).toBeVisible();
    el.setAttribute("theme", "dark");
    await page.getByRole("button", { name: "Book with us" }).click();
    await expectStep("What would you like to book?", false);
    const booking = inner(el)!;
    expect(booking.getAttribute("theme")).toBe("dark");
    el.setAttribute("practitioner", "prac-anna");
    await expect.poll(() => booking.getAttribute("practitioner")).toBe("prac-anna");
    el.removeAttribute("practitioner");
    await expect.poll(() => booking.hasAttribute("practitioner")).toBe(false);
    const card = booking.shadowRoot!.querySelector(".card")!;
    // Dark card, the clinic's accent on the choices' links and buttons.
    expect(getComputedStyle(card).backgroundColor).toBe("rgb(21, 25, 30)");
    expect(getComputedStyle(booking).getPropertyValue("--coreplus-accent").trim()).toBe("rgb(0, 109, 91)");
  });

  it("floats in the corner its placement names", async () => {
    const { el } = await mountButton({ floating: "" });
    const rect = () => el.getBoundingClientRect();
    expect(getComputedStyle(el).position).toBe("fixed");
    expect(Math.round(innerWidth - rect().right)).toBe(24);
    expect(Math.round(innerHeight - rect().bottom)).toBe(24);
    el.setAttribute("placement", "bottom-left");
    expect(Math.round(rect().left)).toBe(24);
    el.setAttribute("placement", "top-right");
    expect(Math.round(rect().top)).toBe(24);
    expect(Math.round(innerWidth - rect().right)).toBe(24);
    // Floating over a scrolled page, it still opens the dialog.
    scrollTo(0, 1000);
    await page.getByRole("button", { name: "Book an appointment" }).click();
    await expect.poll(() => dialog(el).open).toBe(true);
    await expectStep("What would you like to book?", false);
    expect(scrollY).toBe(1000);
    expect(await axeViolations([el])).toEqual([]);
  });
});
