/**
 * `pnpm --filter @coreplus-kit/demo screenshots`: starts the demo on free ports with business time
 * pinned to a Monday morning, walks it in Chromium (a booking through the widget, the practitioner's
 * page, the playground, the Slack preview, today's appointments) and writes the README's pictures to
 * apps/demo/docs/*.png. Needs Chromium at CHROMIUM_PATH or /usr/bin/chromium; no network.
 */
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromiumPath, findChromium, launchChromium } from "@coreplus-kit/test-support/chromium";
import type { Locator, Page } from "playwright-core";
import {
  askSlackPreview,
  chooseUpToTimes,
  listenForBooking,
  pickFirstTimeAndBook,
} from "../browser/drive.js";
import { startDemo } from "../start-demo.js";

/** Monday 2 March 2026, 7:30 am in Melbourne: a working day with the morning still to come. */
const BUSINESS_NOW = new Date("2026-03-02T07:30:00+11:00");
const OUT = fileURLToPath(new URL("../../../docs/", import.meta.url));

async function shot(target: Page | Locator, name: string): Promise<void> {
  const path = `${OUT}${name}.png`;
  await target.screenshot({ path, animations: "disabled" });
  console.log(`  wrote docs/${name}.png`);
}

/** Lets fonts, skeletons and transitions settle before a picture. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(400);
}

async function main(): Promise<void> {
  const executable = findChromium(process.env);
  if (!executable)
    throw new Error(`No Chromium at ${chromiumPath(process.env)}; install it or set CHROMIUM_PATH`);
  await mkdir(OUT, { recursive: true });
  const demo = await startDemo({
    ports: { sandbox: 0, edgeApi: 0, slackbot: 0, site: 0 },
    now: () => new Date(BUSINESS_NOW),
    log: () => {},
  });
  const browser = await launchChromium(executable);
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: "en-AU",
      timezoneId: "Australia/Melbourne",
    });
    await context.clock.setFixedTime(BUSINESS_NOW);
    const site = demo.urls.site;

    // Today's list first, so the booking made below arrives as "new".
    const today = await context.newPage();
    await today.goto(`${site}/today`);
    await today.locator(".day-card table").first().waitFor();

    const page = await context.newPage();
    await page.goto(`${site}/`);
    await page.locator(".team-card h3").first().waitFor();
    await settle(page);
    await shot(page, "home");

    const widget = page.locator("coreplus-booking");
    const section = page.locator("#book");
    await section.scrollIntoViewIfNeeded();
    await chooseUpToTimes(widget, {
      discipline: /^Physiotherapy/,
      location: /Docklands/,
      returning: false,
      service: /Standard Consultation/,
      practitioner: /Liam O'Connor/,
    });
    await settle(page);
    await shot(section, "booking-times");
    const booked = await listenForBooking(page);
    await pickFirstTimeAndBook(widget, {
      firstName: "Tessa",
      lastName: "Quill",
      dob: ["14", "7", "1988"],
      email: "tessa.quill@example.test",
      mobile: "0400 555 123",
    });
    const detail = await booked();
    await page.locator("#booked-note").waitFor();
    await settle(page);
    await shot(section, "booking-confirmed");

    await page.goto(`${site}/practitioner?id=${encodeURIComponent(detail.practitioner.id)}`);
    await page.getByRole("button", { name: /Book now/ }).click();
    await page
      .locator("dialog coreplus-booking")
      .getByRole("heading", { name: /Where would you like|Have you seen us before|What would you like/ })
      .waitFor();
    await settle(page);
    await shot(page, "practitioner");

    await page.goto(`${site}/playground`);
    await page.getByLabel("Language").selectOption("en-US");
    await page.getByRole("radio", { name: "Dark" }).check();
    await page.getByRole("button", { name: "Terracotta" }).click();
    // A range input cannot be typed into; set it as a drag would, with an input event.
    await page.getByLabel(/Corner radius/).evaluate((el) => {
      (el as HTMLInputElement).value = "18";
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page
      .locator("#frame coreplus-booking")
      .getByRole("heading", { name: /Where would you like/ })
      .waitFor();
    await settle(page);
    await page.setViewportSize({ width: 1280, height: 1460 });
    await shot(page, "playground");
    await page.setViewportSize({ width: 1280, height: 860 });

    const liam = demo.staff.find((s) => s.practitionerId === detail.practitioner.id);
    if (!liam) throw new Error("The booked practitioner is not in the demo workspace");
    await page.goto(`${site}/slack`);
    await askSlackPreview(page, liam.id, "/appointments today");
    await page.getByText("Under the hood").click();
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await shot(page, "slack");

    await today.bringToFront();
    await today.locator("tr.is-new").waitFor({ timeout: 15_000 });
    await settle(today);
    await shot(today, "today");
  } finally {
    await browser.close();
    await demo.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`screenshots: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
