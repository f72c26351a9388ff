import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import { expectStep, mount } from "../test/browser-helpers.ts";

afterEach(() => {
  document.body.replaceChildren();
  for (const s of document.head.querySelectorAll("style[data-test]")) s.remove();
  delete (window as { dataLayer?: unknown }).dataLayer;
});

const card = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>(".card")!;
const addStyle = (text: string) => {
  const style = document.createElement("style");
  style.dataset.test = "";
  style.textContent = text;
  document.head.append(style);
};

describe("<coreplus-booking> look, language and embedding", () => {
  it("themes light by default, dark on request, and through public custom properties and parts", async () => {
    const { el } = await mount("solo");
    await expectStep("What would you like to book?", false);
    expect(getComputedStyle(card(el)).backgroundColor).toBe("rgb(255, 255, 255)");
    el.setAttribute("theme", "dark");
    await el.updateComplete;
    expect(getComputedStyle(card(el)).backgroundColor).toBe("rgb(21, 25, 30)");
    addStyle(`coreplus-booking { --coreplus-bg: rgb(4, 5, 6); --coreplus-radius: 3px; }
      coreplus-booking::part(heading) { color: rgb(1, 2, 3); }`);
    expect(getComputedStyle(card(el)).backgroundColor).toBe("rgb(4, 5, 6)");
    expect(getComputedStyle(card(el)).borderTopLeftRadius).toBe("3px");
    expect(getComputedStyle(el.shadowRoot!.querySelector("h2")!).color).toBe("rgb(1, 2, 3)");
  });

  it("stacks days above times in a narrow container and puts them side by side in a wide one", async () => {
    const box = document.createElement("div");
    box.style.width = "320px";
    document.body.append(box);
    const { el } = await mount("solo", { "appointment-type": "type-follow", practitioner: "prac-anna" }, box);
    await expect.element(page.getByRole("button", { name: "9:00 am", exact: true })).toBeVisible();
    const days = el.shadowRoot!.querySelector<HTMLElement>(".days")!;
    expect(getComputedStyle(days).gridTemplateColumns.split(" ")).toHaveLength(7);
    expect(card(el).scrollWidth).toBeLessThanOrEqual(card(el).clientWidth);
    box.style.width = "760px";
    await expect.poll(() => getComputedStyle(days).gridTemplateColumns.split(" ").length).toBe(1);
    const layout = el.shadowRoot!.querySelector<HTMLElement>(".time-layout")!;
    expect(getComputedStyle(layout).gridTemplateColumns.split(" ")).toHaveLength(2);
  });

  it("speaks US English with lang=en-US, and follows the page's language otherwise", async () => {
    await mount("solo", { lang: "en-US", "appointment-type": "type-follow", practitioner: "prac-anna" });
    await expect.element(page.getByRole("button", { name: "9:00 AM", exact: true })).toBeVisible();
    document.body.replaceChildren();
    const wrapper = document.createElement("div");
    wrapper.lang = "en-US";
    document.body.append(wrapper);
    const { el } = await mount(
      "solo",
      { "appointment-type": "type-follow", practitioner: "prac-anna" },
      wrapper,
    );
    await page.getByRole("button", { name: "9:00 AM", exact: true }).click();
    await expectStep("Your details");
    const labels = [...el.shadowRoot!.querySelectorAll(".dob label")].map((l) => l.textContent);
    expect(labels).toEqual(["Month", "Day", "Year"]);
    await expect.element(page.getByLabelText("Cell phone")).toHaveAttribute("autocomplete", "tel");
    expect(card(el).lang).toBe("en-US");
    el.setAttribute("lang", "en-AU");
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll(".dob label")].map((l) => l.textContent)).toEqual([
      "Day",
      "Month",
      "Year",
    ]);
  });

  it("labels every field with autocomplete and numeric input modes, and keeps the honeypot unreachable", async () => {
    const { el } = await mount("solo", { "appointment-type": "type-follow", practitioner: "prac-anna" });
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await expectStep("Your details");
    const attrs = (label: string) => {
      const input = page.getByLabelText(label, { exact: true }).element() as HTMLInputElement;
      return [input.autocomplete, input.inputMode, input.type];
    };
    expect(attrs("First name")).toEqual(["given-name", "", "text"]);
    expect(attrs("Last name")).toEqual(["family-name", "", "text"]);
    expect(attrs("Day")).toEqual(["bday-day", "numeric", "text"]);
    expect(attrs("Month")).toEqual(["bday-month", "numeric", "text"]);
    expect(attrs("Year")).toEqual(["bday-year", "numeric", "text"]);
    expect(attrs("Email")).toEqual(["email", "", "email"]);
    expect(attrs("Mobile")).toEqual(["tel", "", "tel"]);
    const honeypot = el.shadowRoot!.querySelector<HTMLInputElement>("#website")!;
    expect(honeypot.tabIndex).toBe(-1);
    expect(honeypot.closest("[aria-hidden='true']")).not.toBeNull();
    expect(honeypot.closest("[inert]")).not.toBeNull();
    expect(page.getByRole("textbox", { name: "Leave this field empty" }).elements()).toHaveLength(0);
    for (const input of el.shadowRoot!.querySelectorAll<HTMLElement>(
      "input:not([type=checkbox]), textarea",
    )) {
      expect(Number.parseFloat(getComputedStyle(input).fontSize)).toBeGreaterThanOrEqual(16);
    }
  });

  it("runs several elements on one page independently", async () => {
    const a = await mount("solo");
    const b = await mount("multi");
    await expect.element(page.getByRole("heading", { name: "What would you like to book?" })).toBeVisible();
    await expect
      .element(page.getByRole("heading", { name: "Where would you like to be seen?" }))
      .toBeVisible();
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await expect.element(page.getByRole("heading", { name: "Who would you like to see?" })).toBeVisible();
    await expect
      .element(page.getByRole("heading", { name: "Where would you like to be seen?" }))
      .toBeVisible();
    expect(a.events.every((e) => (e.detail as { clinic: string }).clinic === a.clinic)).toBe(true);
    expect(b.events.map((e) => e.type)).toEqual(["coreplus-ready"]);
    expect(a.el.shadowRoot!.querySelector("#heading")).not.toBe(b.el.shadowRoot!.querySelector("#heading"));
  });

  it("pushes events to window.dataLayer only when asked", async () => {
    await mount("solo");
    await expectStep("What would you like to book?", false);
    expect((window as { dataLayer?: unknown }).dataLayer).toBeUndefined();
    const { clinic } = await mount("solo", { datalayer: "" });
    await expect
      .poll(() => (window as { dataLayer?: unknown[] }).dataLayer)
      .toEqual([
        { event: "coreplus-ready", coreplus: { clinic, clinicName: "Harbourside Physio", locationCount: 1 } },
      ]);
  });

  it("moves nothing while loading: skeletons hold the place and are hidden from screen readers", async () => {
    const { el } = await mount("slow", { "appointment-type": "type-follow", practitioner: "prac-anna" });
    await expect.poll(() => el.shadowRoot!.querySelector(".times[aria-hidden='true']")).not.toBeNull();
    const daysBefore = el.shadowRoot!.querySelector(".days")!.getBoundingClientRect();
    const timesBefore = el.shadowRoot!.querySelector(".times")!.getBoundingClientRect().top;
    await expect.element(page.getByRole("button", { name: "9:00 am", exact: true })).toBeVisible();
    const daysAfter = el.shadowRoot!.querySelector(".days")!.getBoundingClientRect();
    expect(daysAfter.top).toBe(daysBefore.top);
    expect(daysAfter.height).toBe(daysBefore.height);
    expect(el.shadowRoot!.querySelector(".times")!.getBoundingClientRect().top).toBe(timesBefore);
  });
});
