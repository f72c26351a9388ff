/**
 * Booking for someone else (issue 14's widget part), in Chromium against the fake: "Who is this
 * appointment for?", their wording and the carer's details, the clinic's questions, the privacy link,
 * the tab's kept contact details, "For you again, or someone else?", `prefill`, UTM attribution and
 * `history`.
 */
import { afterEach, describe, expect, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import type { BookingRequest } from "../src/api/types.ts";
import {
  deepActive,
  expectNoAxe,
  expectStep,
  fillDetails,
  log,
  mount,
  tabTo,
} from "../test/browser-helpers.ts";

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, "", location.pathname);
});

/** The booking bodies the fake received for a clinic. */
async function bodies(clinic: string): Promise<BookingRequest[]> {
  const entries = (await log(clinic)) as { method: string; body?: BookingRequest }[];
  return entries.filter((e) => e.method === "POST" && e.body).map((e) => e.body!);
}

/** From the first step to "Your details" with the follow-up (which asks both of the carer clinic's questions). */
async function toDetails(service = /Follow-up/): Promise<void> {
  await page.getByRole("button", { name: service }).click();
  await page.getByRole("button", { name: /First available/ }).click();
  await page.getByRole("button", { name: "9:00 am", exact: true }).click();
  await expectStep("Your details");
}

const kept = (clinic: string) => sessionStorage.getItem(`coreplus-booking:${clinic}:contact`);

describe("<coreplus-booking> for someone else", () => {
  it("books for a child: their wording, the carer's details, the questions, the privacy link, UTM; axe clean", async () => {
    history.replaceState(
      null,
      "",
      `${location.pathname}?utm_source=newsletter&utm_campaign=spring&utm_medium=<bad>`,
    );
    const { clinic } = await mount("carer");
    await toDetails();
    await expectNoAxe("details, for me, with questions");
    // A radio group: Tab reaches the checked "Me", an arrow key chooses "Someone I care for".
    await tabTo("Me");
    await userEvent.keyboard("{ArrowDown}");
    await expect.element(page.getByRole("heading", { name: "Their details" })).toBeVisible();
    await expect.element(page.getByRole("heading", { name: "Your details", level: 3 })).toBeVisible();
    await expect
      .element(page.getByRole("link", { name: /How the clinic handles your information/ }))
      .toHaveAttribute("href", "https://harbourside.example/privacy");
    await expect
      .element(page.getByLabelText(/I agree/))
      .toHaveAccessibleName("I agree to the clinic keeping these details to manage their appointment.");
    await tabTo("Continue");
    await userEvent.keyboard("{Enter}");
    await expect.element(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    for (const text of [
      "Enter their first name",
      "Enter their date of birth, for example 27 3 2015",
      "Enter your first name",
      "Enter your relationship to them, for example mother",
      'Answer "Do you have a GP referral?"',
      "Tick the box to agree, so the clinic can book their appointment",
    ])
      await expect.element(page.getByRole("link", { name: text })).toBeVisible();
    await expectNoAxe("details, someone else, with errors");
    // The question's link focuses its first answer.
    await page.getByRole("link", { name: 'Answer "Do you have a GP referral?"' }).click();
    expect(deepActive()?.id).toBe("q-referral");

    for (const [label, text] of [
      ["Their first name", "Sam"],
      ["Their last name", "Rivera"],
      ["Day", "4"],
      ["Month", "6"],
      ["Year", "2018"],
      ["First name", "Pat"],
      ["Last name", "Rivera"],
      ["Your relationship to them", "Mother"],
      ["Email", "pat@example.com"],
      ["Mobile", "0400 111 222"],
    ] as const)
      await page.getByLabelText(label, { exact: true }).fill(text);
    // Their details are not the visitor's: the browser offers no autofill for them.
    await expect.element(page.getByLabelText("Their first name")).toHaveAttribute("autocomplete", "off");
    await expect.element(page.getByLabelText("Day", { exact: true })).toHaveAttribute("autocomplete", "off");
    await expect
      .element(page.getByLabelText("First name", { exact: true }))
      .toHaveAttribute("autocomplete", "given-name");
    await page.getByRole("radio", { name: "Yes" }).click();
    await page.getByLabelText("School or kinder (optional)").fill("Bayside Primary");
    await page.getByRole("checkbox").click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectStep("Check your booking");
    await expect.element(page.getByText("Pat Rivera (Mother)")).toBeVisible();
    await expect.element(page.getByText("Bayside Primary")).toBeVisible();
    await expect.element(page.getByRole("definition").filter({ hasText: /^Yes$/ })).toBeVisible();
    await expectNoAxe("review, someone else");
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expectStep("You're booked");

    const [body] = await bodies(clinic);
    expect(body?.patient).toEqual({ firstName: "Sam", lastName: "Rivera", dateOfBirth: "2018-06-04" });
    expect(body?.bookedBy).toEqual({
      firstName: "Pat",
      lastName: "Rivera",
      relationship: "Mother",
      email: "pat@example.com",
      mobile: "0400 111 222",
    });
    expect(body?.answers).toEqual([
      { questionId: "referral", value: "yes" },
      { questionId: "school", value: "Bayside Primary" },
    ]);
    // Only the well-formed UTM values are sent.
    expect(body?.attribution).toEqual({ source: "newsletter", campaign: "spring" });
    // Booked: nothing of the contact stays in the tab.
    expect(kept(clinic)).toBeNull();

    // "Book another appointment" asks for whom; "Me": the carer is the patient now.
    await page.getByRole("button", { name: "Book another appointment" }).click();
    await expect.element(page.getByText("For you again, or someone else?")).toBeVisible();
    expect(deepActive()?.textContent).toBe("Me");
    await expectNoAxe("for you again, or someone else?");
    await userEvent.keyboard("{Enter}");
    await toDetails(/Initial consultation/);
    await expect.element(page.getByLabelText("First name", { exact: true })).toHaveValue("Pat");
    await expect.element(page.getByLabelText("Email", { exact: true })).toHaveValue("pat@example.com");
    // The child's date of birth is not the carer's, and no answer carries over.
    await expect.element(page.getByLabelText("Day", { exact: true })).toHaveValue("");
    expect(page.getByRole("radio", { name: "Yes" }).element()).toHaveProperty("checked", false);
    // The scoped question is asked only for the follow-up.
    expect(page.getByText(/School or kinder/).elements()).toHaveLength(0);
    expect(JSON.parse(kept(clinic) ?? "{}")).toMatchObject({ firstName: "Pat", email: "pat@example.com" });
  });

  it("keeps the contact details through a reload, never the note, answers or consent; Start again forgets them", async () => {
    const first = await mount("carer");
    await toDetails();
    await page.getByLabelText("Email", { exact: true }).fill("jo@example.com");
    await page.getByLabelText("First name", { exact: true }).fill("Jo");
    await page.getByLabelText("School or kinder (optional)").fill("Bayside Primary");
    await page.getByRole("radio", { name: "No" }).click();
    await page.getByLabelText(/^Note for the clinic/).fill("sore knee");
    await page.getByRole("checkbox").click();
    const saved = kept(first.clinic) ?? "";
    expect(JSON.parse(saved)).toEqual({ firstName: "Jo", email: "jo@example.com" });

    // The same clinic in a new element (a reload): the contact details are back, nothing else.
    first.el.remove();
    const again = document.createElement("coreplus-booking");
    again.now = first.el.now;
    again.setAttribute("api", first.el.api);
    again.setAttribute("clinic", first.clinic);
    document.body.append(again);
    await expectStep("What would you like to book?", false);
    await toDetails();
    await expect.element(page.getByLabelText("Email", { exact: true })).toHaveValue("jo@example.com");
    await expect.element(page.getByLabelText("First name", { exact: true })).toHaveValue("Jo");
    await expect.element(page.getByLabelText("School or kinder (optional)")).toHaveValue("");
    await expect.element(page.getByLabelText(/^Note for the clinic/)).toHaveValue("");
    expect(page.getByRole("checkbox").element()).toHaveProperty("checked", false);
    expect(page.getByRole("radio", { name: "No" }).element()).toHaveProperty("checked", false);
    await page.getByRole("button", { name: "Start again" }).click();
    await expectStep("What would you like to book?");
    expect(kept(first.clinic)).toBeNull();
  });

  it("fills empty fields from prefill, never over typing, and a date of birth only when real", async () => {
    const { el } = await mount("solo");
    el.prefill = { firstName: "Jo", email: "jo@example.com", dateOfBirth: "1990-02-31" };
    await toDetails();
    await expect.element(page.getByLabelText("First name", { exact: true })).toHaveValue("Jo");
    await expect.element(page.getByLabelText("Email", { exact: true })).toHaveValue("jo@example.com");
    await expect.element(page.getByLabelText("Day", { exact: true })).toHaveValue("");
    await page.getByLabelText("First name", { exact: true }).fill("Joanna");
    el.prefill = { firstName: "Jo", lastName: "Citizen", dateOfBirth: "1990-03-27" };
    await expect.element(page.getByLabelText("Last name", { exact: true })).toHaveValue("Citizen");
    await expect.element(page.getByLabelText("First name", { exact: true })).toHaveValue("Joanna");
    await expect.element(page.getByLabelText("Day", { exact: true })).toHaveValue("27");
    await expect.element(page.getByLabelText("Year", { exact: true })).toHaveValue("1990");
  });

  it("moves between steps with the browser's Back and Forward when history is set", async () => {
    const { events } = await mount("solo", { history: "" });
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await expectStep("Who would you like to see?");
    await page.getByRole("button", { name: /First available/ }).click();
    await expectStep("Choose a date and time");
    history.back();
    await expectStep("Who would you like to see?");
    history.back();
    await expectStep("What would you like to book?");
    history.forward();
    await expectStep("Who would you like to see?");
    // Entries carry the step's name only.
    expect(history.state).toEqual({ coreplusBookingStep: "practitioner" });
    const steps = events
      .filter((e) => e.type === "coreplus-step-change")
      .map((e) => (e.detail as { step: string }).step);
    expect(steps).toEqual(["practitioner", "time", "practitioner", "service", "practitioner"]);
  });

  it("leaves the page's history alone without the attribute", async () => {
    const before = history.length;
    await mount("solo");
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await expectStep("Who would you like to see?");
    await page.getByRole("button", { name: /First available/ }).click();
    await expectStep("Choose a date and time");
    expect(history.length).toBe(before);
    expect(history.state).toBeNull();
  });
});

describe("<coreplus-booking> booking for yourself with the clinic's questions", () => {
  it("sends no bookedBy, the answers, and the patient's own contact", async () => {
    const { clinic } = await mount("carer");
    await toDetails(/Initial consultation/);
    await fillDetails();
    await page.getByRole("radio", { name: "No" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expectStep("You're booked");
    const [body] = await bodies(clinic);
    expect(body).not.toHaveProperty("bookedBy");
    expect(body?.patient.email).toBe("jo@example.com");
    expect(body?.answers).toEqual([{ questionId: "referral", value: "no" }]);
    expect(body).not.toHaveProperty("attribution");
  });
});
