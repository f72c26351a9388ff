/**
 * End to end in Chromium: the whole demo stack on free ports, a patient books through the widget on
 * the clinic's home page, and the practitioner then sees that booking in the Slack preview (signed
 * by the demo, answered by the real bot) and on today's appointments. Business time is pinned (for the
 * servers and the browser) so the booking lands on "today".
 */
import { launchChromium, requireChromiumUnderCi } from "@coreplus-kit/test-support/chromium";
import type { CoreplusBookedDetail } from "@coreplus-kit/widget";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askSlackPreview, bookThroughWidget, listenForBooking } from "../src/browser/drive.js";
import { type RunningDemo, startDemo } from "../src/start-demo.js";

const executable = requireChromiumUnderCi("demo e2e");

/** A Monday morning in Melbourne: Liam O'Connor works at Docklands from 08:00. */
const BUSINESS_NOW = new Date("2026-03-02T07:30:00+11:00");
const PATIENT = {
  firstName: "Tessa",
  lastName: "Quill",
  dob: ["14", "7", "1988"] as [string, string, string],
  email: "tessa.quill@example.test",
  mobile: "0400 555 123",
};

describe.skipIf(!executable)("the demo, end to end in Chromium", () => {
  let demo: RunningDemo;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let booked: CoreplusBookedDetail;
  const logs: string[] = [];

  beforeAll(async () => {
    demo = await startDemo({
      ports: { sandbox: 0, edgeApi: 0, slackbot: 0, site: 0 },
      now: () => new Date(BUSINESS_NOW),
      log: (line) => logs.push(line),
    });
    browser = await launchChromium(executable as string);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.clock.setFixedTime(BUSINESS_NOW);
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it("books through the widget embedded on the clinic's home page", async () => {
    await page.goto(`${demo.urls.site}/`);
    // The page embeds the widget with a script tag and the documented attributes.
    const widget = page.locator("coreplus-booking");
    expect(await widget.getAttribute("clinic")).toBe("harbourside");
    expect(await widget.getAttribute("api")).toBe(demo.urls.edgeApi);

    const nextBooking = await listenForBooking(page);
    await bookThroughWidget(widget, {
      discipline: /^Physiotherapy/,
      location: /Docklands/,
      returning: false,
      service: /Standard Consultation/,
      practitioner: /Liam O'Connor/,
      patient: PATIENT,
    });
    booked = await nextBooking();
    expect(booked.practitioner.displayName).toMatch(/Liam O'Connor/);
    expect(booked.start.slice(0, 10)).toBe("2026-03-02");
    await expect.poll(() => page.locator("#booked-note").textContent()).toContain(booked.reference);
  }, 90_000);

  it("links each service into the widget with its discipline chosen; team cards show professions from the edge API", async () => {
    await page.goto(`${demo.urls.site}/`);
    const marco = page.locator(".team-card", { hasText: "Marco Russo" });
    await marco.waitFor();
    // The site keeps no list of professions: this one is the edge API's (the clinic's configuration).
    expect(await marco.textContent()).toContain("Podiatrist");
    await page.getByRole("link", { name: "Book podiatry" }).click();
    const widget = page.locator("coreplus-booking");
    expect(await widget.getAttribute("discipline")).toBe("podiatry");
    expect(new URL(page.url()).searchParams.get("discipline")).toBe("podiatry");
    // Podiatry is only at Port Adelaide: the widget goes straight past the location, to "Have you seen us
    // before?" (the initial consultation is for new patients) and then the services there.
    await widget.getByRole("heading", { name: "Have you seen us before?" }).waitFor();
    await widget.getByRole("button", { name: /^No, this is my first visit/ }).click();
    await widget.getByRole("heading", { name: "What would you like to book?" }).waitFor();
    await widget.getByRole("button", { name: /^Standard Consultation/ }).click();
    await widget.getByRole("heading", { name: "Who would you like to see?" }).waitFor();
    expect(await widget.getByRole("button", { name: /^Marco Russo/ }).textContent()).toContain("Podiatrist");
  }, 60_000);

  it("shows the booking in the Slack preview for that practitioner, with initials only", async () => {
    expect(booked, "the booking test must pass first").toBeDefined();
    const liam = demo.staff.find((s) => s.practitionerId === booked.practitioner.id);
    expect(liam, "the practitioner is a member of the demo workspace").toBeDefined();

    await page.goto(`${demo.urls.site}/slack`);
    const reply = await askSlackPreview(page, liam?.id ?? "", `/appointments ${booked.start.slice(0, 10)}`);
    const text = (await reply.textContent()) ?? "";
    const range = `${booked.start.slice(11, 16)}–${booked.end.slice(11, 16)}`;
    expect(text).toContain("Only visible to you");
    expect(text).toContain(range);
    expect(text).toContain("Standard Consultation");
    expect(text).toContain("T.Q.");
    expect(text).not.toContain(PATIENT.firstName);
    expect(text).not.toContain(PATIENT.lastName);
  }, 60_000);

  it("lists the booking on today's appointments without the patient's name", async () => {
    expect(booked, "the booking test must pass first").toBeDefined();
    await page.goto(`${demo.urls.site}/today`);
    const row = page.locator("tr", { hasText: booked.reference });
    await row.waitFor({ timeout: 15_000 });
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("T.Q.");
    expect(text).toContain("Liam O'Connor");
    expect(await page.locator("body").textContent()).not.toContain(PATIENT.lastName);
  }, 30_000);
});
