import { afterEach, describe, expect, inject, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { expectNoAxe, expectStep, log, mount, record, tabTo, toReview } from "../test/browser-helpers.ts";
import { FAKE_NOW, FAKE_POLICY } from "../test/fake-data.ts";

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, "", location.pathname);
});

const patientBits = ["Jo", "Citizen", "jo@example.com", "0400", "1990", "27"];

/** Books through the flow and returns the confirmation's "Change or cancel" link. */
async function book(scenario: string, attrs: Record<string, string> = {}, time = "9:00 am") {
  const mounted = await mount(scenario, attrs);
  await toReview(time);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expectStep("You're booked");
  const link = page.getByRole("link", { name: "Change or cancel" });
  await expect.element(link).toBeVisible();
  const href = link.element().getAttribute("href")!;
  return { ...mounted, href };
}

/** Where "Add to calendar" points: the path on the fake edge API, and its manage parameter. */
function calendarLink() {
  const url = new URL(page.getByRole("link", { name: "Add to calendar" }).element().getAttribute("href")!);
  expect(url.origin).toBe(inject("fakeEdgeUrl"));
  return { path: url.pathname, manage: url.searchParams.get("manage") };
}

/** Mounts a second element for the same fake clinic, as the manage page would. */
async function reopen(clinic: string, attrs: Record<string, string>) {
  document.body.replaceChildren();
  const el = document.createElement("coreplus-booking");
  el.now = () => new Date(FAKE_NOW);
  el.setAttribute("api", inject("fakeEdgeUrl"));
  el.setAttribute("clinic", clinic);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const events = record(el);
  document.body.append(el);
  await el.updateComplete;
  return { el, events };
}

describe("the confirmation says how to change or cancel", () => {
  it("links to this page with ?coreplus_booking=, gives the policy and the phone as a tel: link, and the calendar file carries the link", async () => {
    const { href, clinic } = await book("solo");
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe(location.origin + location.pathname);
    expect(url.searchParams.get("coreplus_booking")).toBe("tok-HB-0001");
    await expect.element(page.getByText(FAKE_POLICY)).toBeVisible();
    const tel = page.getByRole("link", { name: "03 9000 0000" });
    await expect.element(tel).toHaveAttribute("href", "tel:0390000000");
    // The edge API's calendar file for the token, told the link to write in it (the file: test/e2e/calendar).
    const ics = new URL(page.getByRole("link", { name: "Add to calendar" }).element().getAttribute("href")!);
    expect(ics.origin + ics.pathname).toBe(
      `${inject("fakeEdgeUrl")}/v1/clinics/${clinic}/bookings/tok-HB-0001/calendar.ics`,
    );
    expect([...ics.searchParams]).toEqual([["manage", href]]);
  });

  it("fills the manage-url template when the clinic sets one", async () => {
    const { href } = await book("solo", { "manage-url": "https://clinic.example/manage/{token}" });
    expect(href).toBe("https://clinic.example/manage/tok-HB-0001");
  });
});

describe("managing a booking", () => {
  it("opens from the page's coreplus_booking parameter, reschedules by keyboard, then cancels; axe finds nothing on each view; events carry no patient data", async () => {
    const { clinic, href } = await book("solo");
    history.replaceState(null, "", new URL(href).search);
    const { events } = await reopen(clinic, {});
    await expectStep("Your appointment", false);
    await expect.element(page.getByText("HB-0001")).toBeVisible();
    await expect.element(page.getByText("Wednesday 2 December 2026 at 9:00 am AEDT")).toBeVisible();
    await expect.element(page.getByText(FAKE_POLICY)).toBeVisible();
    expect(calendarLink()).toEqual({
      path: `/v1/clinics/${clinic}/bookings/tok-HB-0001/calendar.ics`,
      manage: href,
    });
    await expectNoAxe("manage");

    await tabTo("Reschedule");
    await userEvent.keyboard("{Enter}");
    await expectStep("Choose a new time");
    await expect.element(page.getByRole("button", { name: "1:00 pm", exact: true })).toBeVisible();
    await expectNoAxe("reschedule times");
    const week = (await log(clinic)).filter((r) => r.path === "/availability").at(-1);
    // The same service and place (and practitioner), from the booking's own week.
    expect(week?.query).toMatchObject({
      locationId: "loc-southbank",
      appointmentTypeId: "type-follow",
      practitionerId: "prac-anna",
      from: "2026-12-02",
    });
    await tabTo("1:00 pm");
    await userEvent.keyboard("{Enter}");
    await expectStep("Check your new time");
    await expect.element(page.getByText("Wednesday 2 December 2026 at 1:00 pm AEDT")).toBeVisible();
    await expectNoAxe("reschedule check");
    await tabTo("Confirm new time");
    await userEvent.keyboard("{Enter}");
    await expectStep("Your appointment has moved");
    await expect.element(page.getByText("Wednesday 2 December 2026 at 1:00 pm AEDT")).toBeVisible();
    // The calendar file of the moved booking: its new token, and this page's link with it.
    const page2 = new URL(location.href);
    page2.searchParams.set("coreplus_booking", "tok-HB-0001.m");
    expect(calendarLink()).toEqual({
      path: `/v1/clinics/${clinic}/bookings/tok-HB-0001.m/calendar.ics`,
      manage: page2.href,
    });
    await expectNoAxe("moved");

    await tabTo("Cancel appointment");
    await userEvent.keyboard("{Enter}");
    await expectStep("Cancel your appointment?");
    await expectNoAxe("cancel");
    await tabTo("Reason for cancelling (optional)");
    await userEvent.keyboard("Feeling better");
    await tabTo("Cancel appointment");
    await userEvent.keyboard("{Enter}");
    await expectStep("Your appointment is cancelled");
    await expect.element(page.getByRole("link", { name: "Add to calendar" })).not.toBeInTheDocument();
    await expectNoAxe("cancelled");

    const changes = (await log(clinic)).filter(
      (r) => r.method === "POST" && r.path.startsWith("/bookings/tok"),
    );
    expect(changes.map((r) => [r.path, r.status])).toEqual([
      ["/bookings/tok-HB-0001/reschedule", 200],
      // Rescheduling answers a new token; the cancel uses it.
      ["/bookings/tok-HB-0001.m/cancel", 200],
    ]);
    // Each change carried its own solved proof (the fake refuses a missing, wrong or spent one).
    expect(changes.map((r) => r.proof)).toEqual(["ok", "ok"]);
    expect(changes.every((r) => /^cpk_[0-9a-f]{32}$/.test(r.idempotencyKey ?? ""))).toBe(true);
    expect(changes[0]!.idempotencyKey).not.toBe(changes[1]!.idempotencyKey);

    const moved = events.find((e) => e.type === "coreplus-rescheduled");
    expect(moved?.detail).toMatchObject({
      clinic,
      reference: "HB-0001",
      start: "2026-12-02T13:00:00+11:00",
      previousStart: "2026-12-02T09:00:00+11:00",
    });
    const cancelled = events.find((e) => e.type === "coreplus-cancelled");
    expect(cancelled?.detail).toMatchObject({
      clinic,
      reference: "HB-0001",
      start: "2026-12-02T13:00:00+11:00",
    });
    expect(
      events
        .filter((e) => e.type.startsWith("coreplus-re") || e.type === "coreplus-cancelled")
        .every((e) => e.bubbles && e.composed),
    ).toBe(true);
    const serialised = JSON.stringify(events);
    for (const bit of [...patientBits, "Feeling better"]) expect(serialised).not.toContain(bit);

    await page.getByRole("button", { name: "Book a new time" }).click();
    await expectStep("What would you like to book?");
  });

  it("inside the notice period, gives the phone instead of the buttons", async () => {
    const { clinic } = await book("late");
    await reopen(clinic, { booking: "tok-HB-0001" });
    await expectStep("Your appointment", false);
    await expect
      .element(page.getByText(/^To change this appointment, call Harbourside Southbank on/))
      .toBeVisible();
    await expect
      .element(page.getByRole("link", { name: "03 9000 0000" }))
      .toHaveAttribute("href", "tel:0390000000");
    expect(page.getByRole("button", { name: "Reschedule" }).elements()).toHaveLength(0);
    expect(page.getByRole("button", { name: "Cancel appointment" }).elements()).toHaveLength(0);
  });

  it("goes back to the nearest times when the new time was taken meanwhile, the booking unchanged", async () => {
    const { clinic } = await book("conflict", {}, "9:30 am");
    await reopen(clinic, { booking: "tok-HB-0001" });
    await page.getByRole("button", { name: "Reschedule" }).click();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await page.getByRole("button", { name: "Confirm new time" }).click();
    await expectStep("Choose a new time");
    await expect
      .element(page.getByText("That time was just taken. Here are the nearest times."))
      .toBeVisible();
    // The taken time is gone from the reloaded day; the others are offered.
    await expect.element(page.getByRole("button", { name: "1:00 pm", exact: true })).toBeVisible();
    expect(page.getByRole("button", { name: "9:00 am", exact: true }).elements()).toHaveLength(0);
    await page.getByRole("button", { name: "Back" }).click();
    await expectStep("Your appointment");
    await expect.element(page.getByText("Wednesday 2 December 2026 at 9:30 am AEDT")).toBeVisible();
  });

  it("retries a failed reschedule with the same Idempotency-Key", async () => {
    const { clinic } = await book("moveflaky");
    await reopen(clinic, { booking: "tok-HB-0001" });
    await page.getByRole("button", { name: "Reschedule" }).click();
    await page.getByRole("button", { name: "1:00 pm", exact: true }).click();
    await page.getByRole("button", { name: "Confirm new time" }).click();
    await expect.element(page.getByText(/We couldn't change your appointment/)).toBeVisible();
    await page.getByRole("button", { name: "Try again" }).click();
    await expectStep("Your appointment has moved");
    const tries = (await log(clinic)).filter((r) => r.path.endsWith("/reschedule"));
    expect(tries.map((r) => r.status)).toEqual([503, 200]);
    expect(tries.map((r) => r.proof)).toEqual(["ok", "ok"]);
    expect(tries[0]!.idempotencyKey).toBe(tries[1]!.idempotencyKey);
  });

  it("says the link no longer works for an unknown token, and offers Find my booking", async () => {
    const { clinic } = await mount("solo", { booking: "tok-nope" });
    await expectStep("We couldn't find that booking", false);
    await page.getByRole("button", { name: "Find my booking" }).click();
    await expectStep("Find my booking");
    expect((await log(clinic)).some((r) => r.path === "/bookings/tok-nope")).toBe(true);
  });
});

describe("Find my booking", () => {
  it("opens from the first step, says the same for any miss, then shows the booking; axe finds nothing", async () => {
    const { clinic } = await book("solo");
    await reopen(clinic, {});
    await expectStep("What would you like to book?", false);
    await page.getByRole("button", { name: "Find my booking" }).click();
    await expectStep("Find my booking");
    await expectNoAxe("find");
    await page.getByRole("button", { name: "Find my booking" }).click();
    await expect.element(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expectNoAxe("find with errors");
    const fill = async (reference: string, last: string, day: string) => {
      await page.getByLabelText("Booking reference").fill(reference);
      await page.getByLabelText("Last name", { exact: true }).fill(last);
      await page.getByLabelText("Day", { exact: true }).fill(day);
      await page.getByLabelText("Month", { exact: true }).fill("3");
      await page.getByLabelText("Year", { exact: true }).fill("1990");
      await page.getByRole("button", { name: "Find my booking" }).click();
    };
    const miss =
      "We couldn't find a booking with those details. Check the reference, last name and date of birth, and try again.";
    await fill("HB-9999", "Citizen", "27");
    await expect.element(page.getByText(miss)).toBeVisible();
    await fill("HB-0001", "Citizen", "28");
    await expect.element(page.getByText(miss)).toBeVisible();
    await fill("HB-0001", "citizen", "27");
    await expectStep("Your appointment");
    await expect.element(page.getByText("HB-0001")).toBeVisible();
    const lookups = (await log(clinic)).filter((r) => r.path === "/bookings/lookup");
    expect(lookups.map((r) => r.status)).toEqual([404, 404, 200]);
    expect(lookups.map((r) => r.proof)).toEqual(["ok", "ok", "ok"]);
    // The lookup answered the booking: it is not read again by token.
    expect((await log(clinic)).some((r) => r.method === "GET" && r.path.startsWith("/bookings/"))).toBe(
      false,
    );
  });

  it("opens with view=find, and Back is not offered there", async () => {
    await mount("solo", { view: "find" });
    await expectStep("Find my booking", false);
    expect(page.getByRole("button", { name: "Back" }).elements()).toHaveLength(0);
  });
});
