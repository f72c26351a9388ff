// Hydration support must load before Lit defines any element (it patches LitElement as it loads).
import "@lit-labs/ssr-client/lit-element-hydrate-support.js";
import { afterEach, describe, expect, inject, it } from "vitest";
import { expectStep, log } from "../test/browser-helpers.ts";
import { FAKE_NOW } from "../test/fake-data.ts";
import type { CoreplusBooking } from "./booking.component.ts";

afterEach(() => document.body.replaceChildren());

/** Parses server HTML as a page would (declarative shadow roots attached) and returns the element. */
function insert(markup: string): { el: CoreplusBooking; root: ShadowRoot; card: Element; heading: Element } {
  const box = document.createElement("div");
  box.setHTMLUnsafe(markup);
  const el = box.querySelector("coreplus-booking")!;
  // The shadow root came from the markup, before any script ran for this element.
  const root = el.shadowRoot!;
  const card = root.querySelector(".card")!;
  const heading = root.querySelector("h2")!;
  document.body.append(box);
  el.now = () => new Date(FAKE_NOW);
  return { el, root, card, heading };
}

describe("<coreplus-booking> rendered on the server", () => {
  it("hydrates the server's markup in place: no second card, no flash, one fetch of each resource", async () => {
    const { clinic, all } = inject("ssr");
    const { el, root, card, heading } = insert(all);
    expect(heading.textContent).toBe("Book an appointment");
    const before = root.innerHTML;
    await el.updateComplete;
    // The first client render reused the server's nodes and changed nothing visible.
    expect(root.querySelectorAll(".card")).toHaveLength(1);
    expect(root.querySelector(".card")).toBe(card);
    expect(root.querySelector("h2")).toBe(heading);
    expect(root.innerHTML).toBe(before);
    // Then the data arrives and updates those same nodes to the step the attributes reach.
    await expectStep("Choose a date and time", false);
    expect(root.querySelector("h2")).toBe(heading);
    expect(el.getAttribute("theme")).toBe("dark");
    const requests = (await log(clinic)).map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.query)}`);
    expect(requests.filter((r) => r === "GET ?")).toHaveLength(1);
    expect(new Set(requests).size).toBe(requests.length);
  });

  it("hydrates the bare element's notice without re-rendering it", async () => {
    const { el, root, card } = insert(inject("ssr").bare);
    const before = root.innerHTML;
    await el.updateComplete;
    expect(root.querySelector(".card")).toBe(card);
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector(".notice")?.textContent).toContain("isn't set up correctly");
  });
});
