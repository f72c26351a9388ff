/**
 * Drives the demo's pages the way a person would, finding controls by role and accessible name:
 * booking through the widget, and asking the bot in the Slack preview. Shared by the end-to-end test
 * and the README screenshot script.
 */
import type { CoreplusBookedDetail } from "@coreplus-kit/widget";
import type { Locator, Page } from "playwright-core";

/** A made-up patient. */
export interface DemoPatient {
  firstName: string;
  lastName: string;
  /** Day, month and year of birth. */
  dob: [string, string, string];
  email: string;
  mobile: string;
}

/** What to choose in the widget; omit a step the page presets. */
export interface BookingChoices {
  /** "What do you need help with?" (the clinic has disciplines). */
  discipline?: RegExp;
  location?: RegExp;
  /** "Have you seen us before?" (some service is only for new or only for returning patients). */
  returning?: boolean;
  service?: RegExp;
  practitioner?: RegExp;
  patient: DemoPatient;
}

const TIME_BUTTON = /^\d{1,2}:\d{2}\s?(am|pm)$/i;

/** Resolves with the next `coreplus-booked` detail on the page (listen before booking). */
export async function listenForBooking(page: Page): Promise<() => Promise<CoreplusBookedDetail>> {
  await page.evaluate(() => {
    const w = window as unknown as { __demoBooked?: Promise<unknown> };
    w.__demoBooked = new Promise((resolve) => {
      document.addEventListener("coreplus-booked", (e) => resolve((e as CustomEvent).detail), { once: true });
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { __demoBooked: Promise<CoreplusBookedDetail> }).__demoBooked);
}

const headingIn =
  (widget: Locator) =>
  (name: string | RegExp): Locator =>
    widget.getByRole("heading", { name });

/** Goes through the widget from its current step to the confirmation. */
export async function bookThroughWidget(widget: Locator, choices: BookingChoices): Promise<void> {
  await chooseUpToTimes(widget, choices);
  await pickFirstTimeAndBook(widget, choices.patient);
}

/** Makes the choices up to the date-and-time step, and waits for its times. */
export async function chooseUpToTimes(
  widget: Locator,
  choices: Omit<BookingChoices, "patient">,
): Promise<void> {
  const heading = headingIn(widget);
  if (choices.discipline) {
    await heading("What do you need help with?").waitFor();
    await widget.getByRole("button", { name: choices.discipline }).click();
  }
  if (choices.location) {
    await heading("Where would you like to be seen?").waitFor();
    await widget.getByRole("button", { name: choices.location }).click();
  }
  if (choices.returning !== undefined) {
    await heading("Have you seen us before?").waitFor();
    await widget.getByRole("button", { name: choices.returning ? /^Yes/ : /^No/ }).click();
  }
  if (choices.service) {
    await heading("What would you like to book?").waitFor();
    await widget.getByRole("button", { name: choices.service }).click();
  }
  if (choices.practitioner) {
    await heading("Who would you like to see?").waitFor();
    await widget.getByRole("button", { name: choices.practitioner }).click();
  }
  await heading("Choose a date and time").waitFor();
  await widget.getByRole("button", { name: TIME_BUTTON }).first().waitFor();
}

/** From the date-and-time step: the first time shown, the patient's details, review, confirm. */
export async function pickFirstTimeAndBook(widget: Locator, p: DemoPatient): Promise<void> {
  const heading = headingIn(widget);
  await widget.getByRole("button", { name: TIME_BUTTON }).first().click();
  await heading("Your details").waitFor();
  await widget.getByLabel("First name").fill(p.firstName);
  await widget.getByLabel("Last name").fill(p.lastName);
  await widget.getByLabel("Day", { exact: true }).fill(p.dob[0]);
  await widget.getByLabel("Month", { exact: true }).fill(p.dob[1]);
  await widget.getByLabel("Year", { exact: true }).fill(p.dob[2]);
  await widget.getByLabel("Email", { exact: true }).fill(p.email);
  await widget.getByLabel("Mobile", { exact: true }).fill(p.mobile);
  await widget.getByRole("checkbox", { name: /I agree/ }).check();
  await widget.getByRole("button", { name: "Continue" }).click();

  await heading("Check your booking").waitFor();
  await widget.getByRole("button", { name: "Confirm booking" }).click();
  await heading("You're booked").waitFor({ timeout: 20_000 });
}

/** Sends a command in the Slack preview as `staffId` and returns the text of the bot's reply. */
export async function askSlackPreview(page: Page, staffId: string, command: string): Promise<Locator> {
  await page.getByLabel("Who is asking?").selectOption(staffId);
  const replies = page.locator("#messages .slack-msg");
  const before = await replies.count();
  await page.getByRole("textbox", { name: "Command" }).fill(command);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  // The user's command, then at least one answer from the app.
  await replies.nth(before + 1).waitFor({ timeout: 20_000 });
  return replies.nth(before + 1);
}
