// ux.md "Embedded in real sites": sticky headers, a clinic's accent alone, touch screens, 320 px, the live region.
import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import { deepActive, expectStep, mount, tabTo } from "../test/browser-helpers.ts";
import "./coreplus-booking-button.ts";

afterEach(() => {
  document.body.replaceChildren();
  scrollTo(0, 0);
});

const deep = { "appointment-type": "type-follow", practitioner: "prac-anna" };
const shadow = (el: Element) => el.shadowRoot!;

/** A colour as sRGB bytes, whatever syntax the browser computed it in (canvas converts). */
function rgb(color: string): number[] {
  const ctx = document.createElement("canvas").getContext("2d")!;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
}

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, b2] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b2!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("<coreplus-booking> embedded in real sites", () => {
  it("keeps the text on a clinic's accent readable: black or white, whichever contrasts more", async () => {
    const { el } = await mount("solo", deep);
    await expect.element(page.getByRole("button", { name: "9:00 am", exact: true })).toBeVisible();
    const day = shadow(el).querySelector<HTMLElement>(".day[aria-pressed='true']")!;
    for (const [accent, text] of [
      ["#ffd400", "rgb(0, 0, 0)"], // yellow: white text on it was 1.5:1
      ["#7fdbff", "rgb(0, 0, 0)"],
      ["#006d5b", "rgb(255, 255, 255)"],
      ["#6a1b9a", "rgb(255, 255, 255)"],
    ]) {
      el.style.setProperty("--coreplus-accent", accent!);
      const style = getComputedStyle(day);
      expect(rgb(style.backgroundColor), accent).toEqual(rgb(accent!));
      expect(`rgb(${rgb(style.color).join(", ")})`, accent).toBe(text);
      expect(contrast(style.color, style.backgroundColor), accent).toBeGreaterThanOrEqual(4.5);
    }
    // A clinic's own text colour on the accent still wins.
    el.style.setProperty("--coreplus-accent-text", "rgb(20, 30, 40)");
    expect(getComputedStyle(day).color).toBe("rgb(20, 30, 40)");
  });

  it("draws the focus ring in the accent where it has 3:1 on the card, else in the text colour, light and dark", async () => {
    const { el } = await mount("solo");
    await expectStep("What would you like to book?", false);
    // By keyboard, so the ring (:focus-visible) shows.
    await tabTo(/^Follow-up/);
    const choice = deepActive() as HTMLElement;
    const card = shadow(el).querySelector(".card")!;
    const ring = () => getComputedStyle(choice).outlineColor;
    el.style.setProperty("--coreplus-accent", "#006d5b");
    expect(rgb(ring())).toEqual(rgb("#006d5b"));
    el.style.setProperty("--coreplus-accent", "#ffd400");
    expect(rgb(ring())).toEqual(rgb("#1a1f24"));
    expect(contrast(ring(), getComputedStyle(card).backgroundColor)).toBeGreaterThanOrEqual(3);
    el.setAttribute("theme", "dark");
    await el.updateComplete;
    expect(rgb(ring())).toEqual(rgb("#ffd400"));
    el.style.setProperty("--coreplus-accent", "#0b3d91");
    expect(rgb(ring())).toEqual(rgb("#eef1f4"));
    expect(contrast(ring(), getComputedStyle(card).backgroundColor)).toBeGreaterThanOrEqual(3);
  });

  it("scrolls the card's top below a sticky header on a step change, so the focused heading is not hidden", async () => {
    document.body.innerHTML = `<header style="position: sticky; top: 0; height: 96px; background: #333; z-index: 1"></header>
      <div style="height: 1200px"></div>`;
    const { el } = await mount("solo", { style: "--coreplus-scroll-offset: 96px" });
    document.body.append(Object.assign(document.createElement("div"), { style: "height: 3000px" }));
    await expect.element(page.getByRole("button", { name: /Follow-up/ })).toBeVisible();
    // The visitor scrolled down the list, so the card's top is above the window.
    const follow = [...shadow(el).querySelectorAll<HTMLElement>(".choice")].find((c) =>
      c.textContent!.includes("Follow-up"),
    )!;
    scrollBy(0, shadow(el).querySelector(".card")!.getBoundingClientRect().top + 150);
    expect(shadow(el).querySelector(".card")!.getBoundingClientRect().top).toBeLessThan(0);
    follow.click();
    await expectStep("Who would you like to see?");
    const heading = shadow(el).querySelector("h2")!.getBoundingClientRect();
    const card = shadow(el).querySelector(".card")!.getBoundingClientRect();
    expect(Math.round(card.top)).toBe(96);
    expect(heading.top).toBeGreaterThanOrEqual(96);
    expect(heading.bottom).toBeLessThanOrEqual(innerHeight);
    // A step change while the card is in view does not move the page.
    const y = scrollY;
    await page.getByRole("button", { name: /First available/ }).click();
    await expectStep("Choose a date and time");
    expect(scrollY).toBe(y);
  });

  it("applies hover styles only where something hovers (not after a tap on a touch screen)", async () => {
    const { el } = await mount("solo", deep);
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await expectStep("Your details");
    const button = document.createElement("coreplus-booking-button");
    document.body.append(button);
    await button.updateComplete;
    const rules: string[] = [];
    const walk = (list: CSSRuleList, inHover: boolean) => {
      for (const rule of list) {
        if (rule instanceof CSSMediaRule)
          walk(rule.cssRules, inHover || rule.conditionText === "(hover: hover)");
        else if (rule instanceof CSSStyleRule && rule.selectorText.includes(":hover") && !inHover)
          rules.push(rule.selectorText);
        else if (rule instanceof CSSSupportsRule) walk(rule.cssRules, inHover);
      }
    };
    const sheets = [...shadow(el).adoptedStyleSheets, ...shadow(button).adoptedStyleSheets];
    // The later views' styles are in too (the details step shows): its text inputs have form.styles.ts's height.
    expect(sheets.length).toBeGreaterThan(1);
    await expect
      .poll(() => getComputedStyle(shadow(el).querySelector("#first-name")!).minHeight)
      .toBe("44px");
    const hovers = sheets.flatMap((s) => [...s.cssRules]).filter((r) => r.cssText.includes(":hover"));
    expect(hovers.length).toBeGreaterThan(0);
    for (const sheet of sheets) walk(sheet.cssRules, false);
    expect(rules).toEqual([]);
  });

  it("fits everything on a 320 px phone, the date of birth's year included, even inside the site's padding", async () => {
    const box = document.createElement("div");
    document.body.append(box);
    const { el } = await mount("solo", deep, box);
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await expectStep("Your details");
    await page.getByLabelText("Year", { exact: true }).fill("1990");
    const card = shadow(el).querySelector(".card")!;
    const year = page.getByLabelText("Year", { exact: true }).element() as HTMLInputElement;
    // 320 px, and 320 px less a site's 16 px padding on each side.
    for (const width of [320, 288]) {
      box.style.width = `${width}px`;
      const edge = card.getBoundingClientRect().right;
      const over = [...card.querySelectorAll("*")]
        .filter((n) => n.getBoundingClientRect().right > edge + 0.5)
        .map((n) => n.className || n.tagName);
      expect(over, `${width} px`).toEqual([]);
      expect(card.scrollWidth).toBeLessThanOrEqual(card.clientWidth);
      expect(year.scrollWidth).toBeLessThanOrEqual(year.clientWidth);
      expect(year.getBoundingClientRect().width).toBeGreaterThanOrEqual(64);
    }
  });

  it("clears the live region on each step change", async () => {
    const { el } = await mount("solo", deep);
    const status = () => shadow(el).querySelector("[role=status]")!.textContent!.trim();
    await expect.poll(status).toBe("4 times available on Wednesday 2 December 2026.");
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await expectStep("Your details");
    expect(status()).toBe("");
  });
});
