/**
 * Managing a booking end to end, in Chromium, against the real edge API and sandbox: a patient books
 * a time next week, downloads "Add to calendar" (the edge API's file, the manage link in it, no patient
 * details), follows "Change or cancel" from the confirmation, reschedules by keyboard (the
 * same coreplus appointment moves), then cancels it (status Cancelled); axe finds nothing on any
 * manage view, and the CSP holds.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasChromium, openSite, requireChromiumUnderCi, useE2eStack } from "./stack.ts";
import { expectNoAxe, expectStep, heading, press, typeDetails } from "./steps.ts";

requireChromiumUnderCi();

/** `20261201T220000Z`: an instant as the calendar file writes it. */
const icsUtc = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, "");

/** Presses "Add to calendar" and reads the download (folded lines unfolded) and its file name's reference. */
async function downloadCalendar(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    press(page, "link", "Add to calendar"),
  ]);
  const reference = /^appointment-([\w-]+)\.ics$/.exec(download.suggestedFilename())?.[1];
  const ics = (await readFile((await download.path())!, "utf8")).replace(/\r\n /g, "");
  return { ics, reference };
}

describe.skipIf(!hasChromium)("end to end: managing a booking in Chromium", () => {
  const e2e = useE2eStack();

  it("books, follows Change or cancel, reschedules by keyboard, then cancels", async () => {
    const { page, context, problems } = await openSite(e2e.browser, e2e.stack);
    await heading(page, "Where would you like to be seen?").waitFor();
    await press(page, "button", /^Harbourside Health Docklands/);
    await press(page, "button", /^Standard Consultation/);
    await press(page, "button", /^First available/);
    await expectStep(page, "Choose a date and time");
    // Next week: well outside any notice period.
    await press(page, "button", "Later dates");
    const times = page.getByRole("group").first().getByRole("button");
    await times.first().waitFor();
    const first = (await times.first().textContent())!.trim();
    await press(page, "button", first);
    await expectStep(page, "Your details");
    await typeDetails(page, {
      firstName: "Manage",
      lastName: "Patient",
      day: "14",
      month: "10",
      year: "1969",
      email: "manage.patient@example.com",
      mobile: "0400 765 432",
    });
    await press(page, "button", "Confirm booking");
    await expectStep(page, "You're booked");
    const store = e2e.stack.sandbox.sandbox.store;
    const client = [...store.clients.values()].find((c) => c.firstName === "Manage");
    const booked = [...store.appointments.values()].filter((a) => a.clientId === client?.clientId);
    expect(booked).toHaveLength(1);
    const appointment = booked[0]!;
    const startBefore = appointment.start;

    // "Add to calendar": a download of the edge API's file for this booking, its Change or cancel link in it.
    const manageHref = await page.getByRole("link", { name: "Change or cancel" }).getAttribute("href");
    const { ics, reference } = await downloadCalendar(page);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(`\r\nDTSTART:${icsUtc(appointment.start)}\r\n`);
    expect(ics).toContain(`\r\nDESCRIPTION:Reference: ${reference}\\n`);
    expect(ics).toContain(`\r\nURL:${manageHref}\r\n`);
    expect(ics).toContain(`Change or cancel: ${manageHref}`);
    for (const detail of ["Patient", "manage.patient", "0400 765 432", "0400765432", "1969-10-14"]) {
      expect(ics).not.toContain(detail);
    }

    await press(page, "link", "Change or cancel");
    await page.waitForURL(/[?&]coreplus_booking=/);
    await heading(page, "Your appointment").waitFor();
    await expectNoAxe(page, "manage");

    await press(page, "button", "Reschedule");
    await expectStep(page, "Choose a new time");
    const newTimes = page.getByRole("group").first().getByRole("button");
    await newTimes.nth(1).waitFor();
    await expectNoAxe(page, "reschedule times");
    const other = (await newTimes.nth(1).textContent())!.trim();
    await press(page, "button", other);
    await expectStep(page, "Check your new time");
    await expectNoAxe(page, "reschedule check");
    await press(page, "button", "Confirm new time");
    await expectStep(page, "Your appointment has moved");
    await expectNoAxe(page, "moved");
    // The same coreplus appointment moved: no second one, no gap.
    const after = [...store.appointments.values()].filter((a) => a.clientId === client?.clientId);
    expect(after.map((a) => a.appointmentId)).toEqual([appointment.appointmentId]);
    expect(after[0]!.start).not.toBe(startBefore);
    // The file downloaded now has the new time (the same event: the same UID).
    const moved = await downloadCalendar(page);
    expect(moved.ics).toContain(`\r\nDTSTART:${icsUtc(after[0]!.start)}\r\n`);
    expect(moved.ics.match(/\r\nUID:.*\r\n/)?.[0]).toBe(ics.match(/\r\nUID:.*\r\n/)?.[0]);

    await press(page, "button", "Cancel appointment");
    await expectStep(page, "Cancel your appointment?");
    await expectNoAxe(page, "cancel");
    await press(page, "button", "Cancel appointment");
    await expectStep(page, "Your appointment is cancelled");
    await expectNoAxe(page, "cancelled");
    expect(store.appointments.get(appointment.appointmentId)?.status).toBe("Cancelled");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens Find my booking when the later chunk fails, then comes late: the busy card, Try again, the view with focus", async () => {
    // The first request for the later chunk fails; the next ones wait until released.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let requests = 0;
    const { page, context, problems } = await openSite(e2e.browser, e2e.stack, {
      path: `/?attrs=${encodeURIComponent('view="find"')}`,
      before: (p) =>
        p.route("**/coreplus-later-*.js", async (route) => {
          if (++requests === 1) return route.abort("failed");
          await held;
          return route.continue();
        }),
    });
    const card = page.locator("coreplus-booking section.card");
    await page.getByText("We couldn't reach the clinic's booking system. Try again in a moment.").waitFor();
    expect(await card.getAttribute("aria-busy")).toBe("true");
    expect(await heading(page, "Find my booking").count()).toBe(0);
    await press(page, "button", "Try again");
    // Loading again: the busy card with the skeleton, no view yet.
    await card.locator(".skeleton").first().waitFor();
    expect(await heading(page, "Find my booking").count()).toBe(0);
    release();
    await expectStep(page, "Find my booking");
    await expectNoAxe(page, "find after a late chunk");
    expect(requests).toBeGreaterThan(1);
    // The one failure the test made, and nothing else.
    expect(problems).toEqual(["Failed to load resource: net::ERR_FAILED"]);
    await context.close();
  });
});
