/**
 * The practitioner page's booking dialog in Chromium (issue 16): a native modal `<dialog>` named by
 * its heading; opening it moves focus in and keeps Tab inside; Esc, Close and a click on the backdrop
 * close it and give focus back to "Book now"; a drag out of the form does not; the page behind does
 * not scroll while it is open. The whole demo stack runs on free ports.
 */
import { launchChromium, requireChromiumUnderCi } from "@coreplus-kit/test-support/chromium";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDemo, startDemo } from "../src/start-demo.js";

const executable = requireChromiumUnderCi("practitioner dialog e2e");

describe.skipIf(!executable)("the practitioner page's booking dialog, in Chromium", () => {
  let demo: RunningDemo;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    demo = await startDemo({ ports: { sandbox: 0, edgeApi: 0, slackbot: 0, site: 0 }, log: () => {} });
    browser = await launchChromium(executable as string);
    // Short enough that the page scrolls, so the scroll lock has something to stop.
    page = await browser.newPage({ viewport: { width: 1280, height: 600 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  /** Where focus is: inside the dialog (through the widget's shadow root) or which element outside. */
  const focus = () =>
    page.evaluate(() => {
      const dialog = document.getElementById("booking-dialog") as HTMLDialogElement;
      const active = document.activeElement;
      return {
        open: dialog.open,
        modal: dialog.matches(":modal"),
        inside: active !== null && dialog.contains(active),
        // The body when focus has left the document (for the browser's own controls).
        id:
          active === null || active === document.body
            ? "(none)"
            : `${active.tagName.toLowerCase()}#${active.id}`,
      };
    });

  const bookNow = () => page.getByRole("button", { name: /^Book now with / });

  async function openByKeyboard(): Promise<void> {
    await bookNow().focus();
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").waitFor();
  }

  it("opens as a modal dialog named by its heading, with focus inside", async () => {
    await page.goto(`${demo.urls.site}/practitioner`);
    await expect.poll(() => bookNow().isEnabled()).toBe(true);
    const name = await page.locator("#practitioner-name").textContent();
    await openByKeyboard();
    expect(await focus()).toMatchObject({ open: true, modal: true, inside: true });
    // The accessible name comes from the dialog's heading, with the practitioner in it.
    await page.getByRole("dialog", { name: `Book with ${name}` }).waitFor();
    await page
      .locator("dialog coreplus-booking")
      .getByRole("heading", { name: /Where would you like|Have you seen us before|What would you like/ })
      .waitFor();
  }, 30_000);

  it("keeps Tab and Shift+Tab inside the dialog: the page behind is inert", async () => {
    expect((await focus()).open).toBe(true);
    for (const key of [...Array(12).fill("Tab"), ...Array(6).fill("Shift+Tab")] as string[]) {
      await page.keyboard.press(key);
      const now = await focus();
      // Past the last control focus may rest on the browser itself (the document), never on the page.
      expect(now.inside || now.id === "(none)", `${key} moved focus to ${now.id}`).toBe(true);
    }
  });

  it("does not let the page behind scroll while it is open", async () => {
    const scrollable = await page.evaluate(
      () => document.documentElement.scrollHeight > document.documentElement.clientHeight,
    );
    expect(scrollable, "the page must be taller than the window for this check").toBe(true);
    await page.mouse.move(10, 300);
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it("closes on Esc and gives focus back to Book now", async () => {
    await page.keyboard.press("Escape");
    expect(await focus()).toMatchObject({ open: false, id: "button#book-now" });
  });

  it("closes with its Close button, labelled, and gives focus back", async () => {
    await openByKeyboard();
    await page.getByRole("button", { name: "Close booking" }).click();
    expect(await focus()).toMatchObject({ open: false, id: "button#book-now" });
  });

  it("closes on a click on the backdrop, but not after a drag out of the form", async () => {
    await openByKeyboard();
    const title = await page.locator("#dialog-title").boundingBox();
    if (!title) throw new Error("the dialog's heading has no box");
    // Press in the dialog, release on the backdrop (as when selecting a field's text too far).
    await page.mouse.move(title.x + 5, title.y + 5);
    await page.mouse.down();
    await page.mouse.move(4, 4, { steps: 4 });
    await page.mouse.up();
    expect((await focus()).open).toBe(true);

    await page.mouse.click(4, 4);
    expect(await focus()).toMatchObject({ open: false, id: "button#book-now" });
  });
});
