/**
 * Booking for someone else end to end, in Chromium, by keyboard, against the real edge API and
 * sandbox: a parent books for a new child ("Someone I care for", their details, the carer's, the
 * clinic's question, the privacy link); Back and Forward move between steps with `history`; a reload
 * keeps the contact details and nothing else (never the answers); the sandbox ends with one new
 * client (the child, with the parent's contact), one family record for the parent, no client for the
 * parent, and the answer and the page's UTM attribution in the notes; axe clean on each view.
 */
import { describe, expect, it } from "vitest";
import {
  type ClinicSetup,
  hasChromium,
  isFocused,
  openSite,
  plainClinic,
  requireChromiumUnderCi,
  tabTo,
  useE2eStack,
} from "./stack.ts";
import { expectNoAxe, expectStep, heading, pickFirstTime, press } from "./steps.ts";

requireChromiumUnderCi();

/** Today's flow (no disciplines), with a required question for every service and a privacy policy. */
const carerClinic: ClinicSetup = (clinic) => ({
  ...plainClinic(clinic),
  questions: [{ id: "referral", label: "Do you have a GP referral?", kind: "yes-no", required: true }],
  privacyUrl: "https://harbourside.example/privacy",
});

/** Tabs to a text field by its label and types into it. */
async function type(page: import("playwright-core").Page, label: string, text: string): Promise<void> {
  await tabTo(page, page.getByRole("textbox", { name: label, exact: true }));
  await page.keyboard.type(text);
}

describe.skipIf(!hasChromium)("end to end: booking for someone else", () => {
  const e2e = useE2eStack(undefined, carerClinic);

  it("a parent books for a new child by keyboard; Back/Forward with history; a reload keeps only the contact", async () => {
    const { page, context, problems } = await openSite(e2e.browser, e2e.stack, {
      path: "/?attrs=history&utm_source=newsletter&utm_medium=email&utm_campaign=kids",
    });
    const toDetails = async () => {
      await heading(page, "Where would you like to be seen?").waitFor();
      await press(page, "button", /^Harbourside Health Docklands/);
      await expectStep(page, "What would you like to book?");
      await press(page, "button", /^Standard Consultation/);
      await press(page, "button", /^First available/);
      await pickFirstTime(page);
      await expectStep(page, "Your details");
    };
    await heading(page, "Where would you like to be seen?").waitFor();
    await press(page, "button", /^Harbourside Health Docklands/);
    await expectStep(page, "What would you like to book?");
    // `history`: the browser's Back returns to the location step, Forward to the services.
    await page.goBack();
    await expectStep(page, "Where would you like to be seen?");
    await page.goForward();
    await expectStep(page, "What would you like to book?");
    await press(page, "button", /^Standard Consultation/);
    await press(page, "button", /^First available/);
    await pickFirstTime(page);
    await expectStep(page, "Your details");

    // "Who is this appointment for?": Tab reaches "Me", the arrow key chooses "Someone I care for".
    await tabTo(page, page.getByRole("radio", { name: "Me", exact: true }));
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: "Someone I care for" }).isChecked()).toBe(true);
    await page.getByRole("heading", { name: "Their details", level: 3 }).waitFor();
    await type(page, "Their first name", "Milly");
    await type(page, "Their last name", "Kidwell");
    await type(page, "Day", "9");
    await type(page, "Month", "5");
    await type(page, "Year", "2019");
    await type(page, "First name", "Dana");
    await type(page, "Last name", "Kidwell");
    await type(page, "Your relationship to them", "Mother");
    await type(page, "Email", "dana.kidwell@example.com");
    await type(page, "Mobile", "0400 555 777");
    await expect
      .poll(() =>
        page.getByRole("link", { name: /How the clinic handles your information/ }).getAttribute("href"),
      )
      .toBe("https://harbourside.example/privacy");
    await expectNoAxe(page, "details, someone else");

    // A reload: the contact details come back, the answer and consent never do.
    await tabTo(page, page.getByRole("radio", { name: "Yes", exact: true }));
    await page.keyboard.press("Space");
    const kept = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
    expect(kept).toContain("dana.kidwell@example.com");
    expect(kept).not.toContain("referral");
    await page.reload();
    await toDetails();
    for (const [label, value] of [
      ["Their first name", "Milly"],
      ["Their last name", "Kidwell"],
      ["Year", "2019"],
      ["First name", "Dana"],
      ["Your relationship to them", "Mother"],
      ["Email", "dana.kidwell@example.com"],
      ["Mobile", "0400 555 777"],
    ] as const)
      expect(await page.getByRole("textbox", { name: label, exact: true }).inputValue()).toBe(value);
    expect(await page.getByRole("radio", { name: "Yes", exact: true }).isChecked()).toBe(false);
    expect(await page.getByRole("checkbox", { name: /I agree/ }).isChecked()).toBe(false);

    // Continue without the answer: the summary says so, its link focuses the question.
    await press(page, "button", "Continue");
    const link = page.getByRole("link", { name: 'Answer "Do you have a GP referral?"' });
    await link.waitFor();
    await expectNoAxe(page, "details, someone else, with errors");
    await tabTo(page, link);
    await page.keyboard.press("Enter");
    await expect.poll(() => isFocused(page.getByRole("radio", { name: "Yes", exact: true }))).toBe(true);
    await page.keyboard.press("Space");
    await tabTo(page, page.getByRole("checkbox", { name: /I agree/ }));
    await page.keyboard.press("Space");
    await press(page, "button", "Continue");
    await expectStep(page, "Check your booking");
    const values = (await page.getByRole("definition").allTextContents()).map((t) => t.trim());
    expect(values).toContain("Milly Kidwell");
    expect(values).toContain("Dana Kidwell (Mother)");
    await expectNoAxe(page, "review, someone else");
    await press(page, "button", "Confirm booking");
    await expectStep(page, "You're booked");
    await expectNoAxe(page, "booked");
    // Booked: the tab keeps nothing.
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await press(page, "button", "Book another appointment");
    await page.getByText("For you again, or someone else?").waitFor();
    await expectNoAxe(page, "for you again, or someone else?");

    const { store } = e2e.stack.sandbox.sandbox;
    const clients = [...store.clients.values()].filter((c) => c.lastName === "Kidwell");
    expect(clients.map((c) => c.firstName)).toEqual(["Milly"]);
    const child = clients[0]!;
    expect(child).toMatchObject({ email: "dana.kidwell@example.com", dateOfBirth: "2019-05-09" });
    const families = [...store.families.values()].filter((f) => f.clientId === child.clientId);
    expect(families).toHaveLength(1);
    expect(families[0]).toMatchObject({ firstName: "Dana", surname: "Kidwell", relationship: "Mother" });
    const booked = [...store.appointments.values()].filter((a) => a.clientId === child.clientId);
    expect(booked).toHaveLength(1);
    expect(booked[0]?.notes).toContain("Do you have a GP referral? yes");
    expect(booked[0]?.notes).toContain("Via newsletter / email / kids");
    expect(problems).toEqual([]);
    await context.close();
    // Two passes through the steps by keyboard, a reload and axe five times: longer than one booking.
  }, 90_000);
});
