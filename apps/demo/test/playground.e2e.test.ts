/**
 * The widget playground in Chromium (issue 16): it never scrolls sideways, its snippet points at the
 * configured public addresses (never this machine's loopback), and it warns about an accent that fails
 * contrast. The whole demo stack runs on free ports.
 */
import { launchChromium, requireChromiumUnderCi } from "@coreplus-kit/test-support/chromium";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDemo, startDemo } from "../src/start-demo.js";

const executable = requireChromiumUnderCi("playground e2e");
const PUBLIC = {
  api: "https://book.harbourside.example",
  script: "https://cdn.harbourside.example/coreplus-booking.js",
};

describe.skipIf(!executable)("the widget playground, in Chromium", () => {
  let demo: RunningDemo;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    demo = await startDemo({
      ports: { sandbox: 0, edgeApi: 0, slackbot: 0, site: 0 },
      publicUrls: PUBLIC,
      log: () => {},
    });
    browser = await launchChromium(executable as string);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  /** Elements that reach past the window's right edge (the page scrolls sideways when there are any). */
  const overflow = () =>
    page.evaluate(() => ({
      scrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      past: [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .filter((el) => !el.closest(".visually-hidden, pre"))
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
        .slice(0, 5),
    }));

  it("never scrolls sideways at 320, 768 or 1280 px", async () => {
    for (const width of [320, 768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${demo.urls.site}/playground`);
      await page.locator("coreplus-booking").getByRole("heading", { level: 2 }).first().waitFor();
      await page.waitForFunction(() => (document.querySelector("#opt-type") as HTMLSelectElement).length > 1);
      expect({ width, ...(await overflow()) }).toEqual({ width, scrolls: false, past: [] });
      // The snippet scrolls inside its own box rather than widening the page.
      const pre = await page.evaluate(() => {
        const el = document.querySelector(".snippet pre")!;
        return el.getBoundingClientRect().right <= document.documentElement.clientWidth;
      });
      expect(pre, `${width} px`).toBe(true);
    }
  }, 60_000);

  it("builds the snippet from the configured public addresses, never the demo's loopback", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${demo.urls.site}/playground`);
    const snippet = page.locator("#snippet");
    await expect.poll(() => snippet.textContent()).toContain(`src="${PUBLIC.script}"`);
    const text = (await snippet.textContent()) ?? "";
    expect(text).toContain(`api="${PUBLIC.api}"`);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(text).not.toContain("YOUR-");
    // The preview itself still talks to the local edge API.
    expect(await page.locator("coreplus-booking").getAttribute("api")).toBe(demo.urls.edgeApi);
  });

  it("warns when the chosen accent fails contrast, and stops warning when it passes", async () => {
    await page.goto(`${demo.urls.site}/playground`);
    const warning = page.locator("#accent-warning");
    const choose = (colour: string) =>
      page.evaluate((c) => {
        const input = document.querySelector<HTMLInputElement>("#opt-accent")!;
        input.value = c;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }, colour);
    expect(await warning.isVisible()).toBe(false);
    await choose("#ffd400");
    await expect.poll(() => warning.textContent()).toMatch(/^This accent has 1\.4:1 .* at least 4\.5:1/);
    expect(await warning.isVisible()).toBe(true);
    await choose("#0e5e5a");
    await expect.poll(() => warning.textContent()).toBe("");
    expect(await warning.isVisible()).toBe(false);
  });
});
