/**
 * End to end, how it looks and behaves in a real page: screenshots for the README at 375 px and
 * 1280 px, the dark theme passing axe, reduced motion, and proof that the page's CSP is strict
 * (an inline script is refused) while the widget works.
 */
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { axeViolations, hasChromium, openSite, requireChromiumUnderCi, useE2eStack } from "./stack.ts";
import { expectNoAxe, expectStep, heading, press } from "./steps.ts";

requireChromiumUnderCi();

// The README's screenshots are refreshed only when asked (UPDATE_SCREENSHOTS=1): an ordinary run must not
// rewrite tracked files with rendering noise, so it saves them in a temporary folder.
const docsDir = fileURLToPath(new URL("../../docs/", import.meta.url));
const docs = process.env.UPDATE_SCREENSHOTS
  ? docsDir
  : `${await mkdtemp(join(tmpdir(), "coreplus-screenshots-"))}/`;

describe.skipIf(!hasChromium)("end to end: look and embedding", () => {
  const e2e = useE2eStack(async () => {
    await mkdir(docs, { recursive: true });
  });

  for (const width of [1280, 375]) {
    it(`renders the date-and-time step at ${width} px without overflow, and saves a screenshot`, async () => {
      const { page, context, problems } = await openSite(e2e.browser, e2e.stack, { width });
      await heading(page, "Where would you like to be seen?").waitFor();
      await press(page, "button", /^Harbourside Health Docklands/);
      await press(page, "button", /^Standard Consultation/);
      await press(page, "button", /^First available/);
      await expectStep(page, "Choose a date and time");
      await page.getByRole("group").first().getByRole("button").first().waitFor();
      await page.getByText(/^Times are in Melbourne time \(AEDT\)\.$/).waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${docs}widget-${width}.png`, fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("passes axe in the dark theme, and axe does see into the element (a low-contrast override is caught)", async () => {
    const { page, context } = await openSite(e2e.browser, e2e.stack, {
      path: `/?attrs=${encodeURIComponent('theme="dark"')}`,
    });
    await heading(page, "Where would you like to be seen?").waitFor();
    expect(
      await page
        .locator("coreplus-booking")
        .evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector(".card")!).backgroundColor),
    ).toBe("rgb(21, 25, 30)");
    await expectNoAxe(page, "location, dark");
    await press(page, "button", /^Harbourside Health Docklands/);
    await press(page, "button", /^Standard Consultation/);
    await press(page, "button", /^First available/);
    await page.getByRole("group").first().getByRole("button").first().waitFor();
    await expectNoAxe(page, "time, dark");
    await page
      .locator("coreplus-booking")
      .evaluate((el) => (el as HTMLElement).style.setProperty("--coreplus-muted", "#3a3f45"));
    const violations = await axeViolations(page);
    expect(violations.map((v) => v.id)).toContain("color-contrast");
    await context.close();
  });

  it("follows the visitor's colour scheme with theme=auto", async () => {
    const { page, context } = await openSite(e2e.browser, e2e.stack, {
      path: `/?attrs=${encodeURIComponent('theme="auto"')}`,
    });
    await heading(page, "Where would you like to be seen?").waitFor();
    const background = () =>
      page
        .locator("coreplus-booking")
        .evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector(".card")!).backgroundColor);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await background()).toBe("rgb(21, 25, 30)");
    await page.emulateMedia({ colorScheme: "light" });
    expect(await background()).toBe("rgb(255, 255, 255)");
    await context.close();
  });

  it("animates skeletons only when the visitor allows motion", async () => {
    await e2e.stack.controls.setLatency(1_500, { path: "/availabilityslot" });
    try {
      for (const [reducedMotion, expected] of [
        [true, "none"],
        [false, "pulse"],
      ] as const) {
        const { page, context } = await openSite(e2e.browser, e2e.stack, { reducedMotion });
        await heading(page, "Where would you like to be seen?").waitFor();
        await press(
          page,
          "button",
          reducedMotion ? /^Harbourside Health Williamstown/ : /^Harbourside Health Hamilton/,
        );
        await press(page, "button", /^Standard Consultation/);
        await press(page, "button", /^First available/);
        const skeleton = page.locator("coreplus-booking .pill.skeleton").first();
        await skeleton.waitFor();
        expect(await skeleton.evaluate((el) => getComputedStyle(el).animationName)).toBe(expected);
        await context.close();
      }
    } finally {
      await e2e.stack.controls.clearFaults();
    }
  });

  it("works under a strict Content-Security-Policy that really refuses inline script", async () => {
    const { page, context, problems } = await openSite(e2e.browser, e2e.stack);
    const response = await page.goto(e2e.stack.site);
    const csp = response!.headers()["content-security-policy"]!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    await heading(page, "Where would you like to be seen?").waitFor();
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true";
      document.body.append(script);
      return (window as { inlineRan?: boolean }).inlineRan ?? false;
    });
    expect(ran).toBe(false);
    expect(problems.some((p) => p.includes("Content Security Policy"))).toBe(true);
    await context.close();
  });
});
