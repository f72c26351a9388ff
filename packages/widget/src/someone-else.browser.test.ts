/**
 * Booking for someone else, the clinic's questions, the privacy link, the tab's kept contact details,
 * `prefill`, UTM attribution, `history` and "Have you seen us before?", in Chromium against the fake.
 */
import { afterEach, describe, expect, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import type { BookingRequest } from "../src/api/types.ts";
import { expectNoAxe, expectStep, fillDetails, log, mount, tabTo } from "../test/browser-helpers.ts";

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, "", location.pathname);
});

/** The booking bodies the fake received for a clinic. */
async function bodies(clinic: string): Promise<BookingRequest[]> {
  const entries = (await log(clinic)) as { method: string; body?: BookingRequest }[];
  return entries.filter((e) => e.method === "POST" && e.body).map((e) => e.body!);
}

describe("<coreplus-booking> for someone else", () => {
  it("books for a child by keyboard: their wording, the carer's details, the questions, the privacy link; axe clean", async () => {
    history.replaceState(
      null,
      "",
      `${location.pathname}?utm_source=newsletter&utm_campaign=spring&utm_medium=<bad>`,
    );
    const { clinic } = await mount("carer");
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await page.getByRole("button", { name: /First available/ }).click();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await expectStep("Your details");
    // A radio group: Tab reaches the checked "Me", the arrow keys choose within it.
    await tabTo("Me");
    await userEvent.keyboard("{ArrowDown}");
    await expect.element(page.getByRole("heading", { name: "Their details" })).toBeVisible();
    await expect
      .element(page.getByRole("link", { name: /How the clinic handles your information/ }))
      .toHaveAttribute("href", "https://harbourside.example/privacy");
    // A required question left blank, the carer's fields empty: the summary says so in "their" words.
    await tabTo("Continue");
    await userEvent.keyboard("{Enter}");
    const summary = page.getByRole("heading", { name: "There is a problem" });
    await expect.element(summary).toBeVisible();
    for (const text of [
      "Enter their first name",
      "Enter your relationship to them, for example mother",
      "Answer this question",
    ])
      await expect.element(page.getByRole("link", { name: text })).toBeVisible();
    await expectNoAxe("details, someone else, with errors");

    for (const [label, text] of [
      ["Their first name", "Sam"],
      ["Their last name", "Rivera"],
      ["Day", "4"],
      ["Month", "6"],
      ["Year", "2018"],
      ["Your first name", "Pat"],
      ["Your last name", "Rivera"],
      ["Your relationship to them", "Mother"],
      ["Your email", "pat@example.com"],
      ["Your mobile", "0400 111 222"],
    ] as const) {
      await page.getByLabelText(label, { exact: true }).fill(text);
    }
    // The date of birth is theirs, not the carer's: the browser offers no autofill for it.
    await expect.element(page.getByLabelText("Day", { exact: true })).toHaveAttribute("autocomplete", "off");
    await page.getByRole("radio", { name: "Yes" }).click();
    await page.getByLabelText(/School or kinder/).fill("Bayside Primary");
    await page.getByRole("checkbox").click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectStep("Check your booking");
    await expect.element(page.getByText("Pat Rivera (Mother)")).toBeVisible();
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
    // Only well-formed UTM values are sent.
    expect(body?.attribution).toEqual({ source: "newsletter", campaign: "spring" });
    expect(body && "returning" in body).toBe(false);
    // Booked: nothing of the contact stays in the tab.
    expect(sessionStorage.getItem(`coreplus-booking:${clinic}:contact`)).toBeNull();
  });

  it("asks a scoped question only for its service", async () => {
    await mount("carer");
    await page.getByRole("button", { name: /Initial consultation/ }).click();
    await page.getByRole("button", { name: /First available/ }).click();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await expectStep("Your details");
    await expect.element(page.getByText("Do you have a GP referral?")).toBeVisible();
    expect(page.getByText(/School or kinder/).elements()).toHaveLength(0);
  });

  it("keeps the contact details through a reload of the element, never the note or answers; Start again forgets them", async () => {
    const first = await mount("carer");
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await page.getByRole("button", { name: /First available/ }).click();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await expectStep("Your details");
    await page.getByLabelText("Email", { exact: true }).fill("jo@example.com");
    await page.getByLabelText(/School or kinder/).fill("Bayside Primary");
    await page.getByLabelText(/^Note for the clinic/).fill("sore knee");
    const saved = sessionStorage.getItem(`coreplus-booking:${first.clinic}:contact`) ?? "";
    expect(JSON.parse(saved)).toMatchObject({ email: "jo@example.com" });
    expect(saved).not.toContain("Bayside");
    expect(saved).not.toContain("sore knee");

    // The same clinic again (a reload): the email is back.
    first.el.remove();
    const again = document.createElement("coreplus-booking");
    again.now = first.el.now;
    again.setAttribute("api", first.el.api);
    again.setAttribute("clinic", first.clinic);
    document.body.append(again);
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await page.getByRole("button", { name: /First available/ }).click();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await expectStep("Your details");
    await expect.element(page.getByLabelText("Email", { exact: true })).toHaveValue("jo@example.com");
    await expect.element(page.getByLabelText(/School or kinder/)).toHaveValue("");
    await page.getByRole("button", { name: "Start again" }).click();
    await expectStep("What would you like to book?");
    expect(sessionStorage.getItem(`coreplus-booking:${first.clinic}:contact`)).toBeNull();
  });

  it("fills empty fields from prefill, never over typing, and a date of birth only when real", async () => {
    const { el } = await mount("solo");
    el.prefill = { firstName: "Jo", email: "jo@example.com", dateOfBirth: "1990-02-31" };
    await page.getByRole("button", { name: /Follow-up/ }).click();
    await page.getByRole("button", { name: /First available/ }).click();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await expectStep("Your details");
    await expect.element(page.getByLabelText("First name", { exact: true })).toHaveValue("Jo");
    await expect.element(page.getByLabelText("Email", { exact: true })).toHaveValue("jo@example.com");
    await expect.element(page.getByLabelText("Day", { exact: true })).toHaveValue("");
    await page.getByLabelText("First name", { exact: true }).fill("Joanna");
    el.prefill = { firstName: "Jo", lastName: "Citizen", dateOfBirth: "1990-03-27" };
    await expect.element(page.getByLabelText("Last name", { exact: true })).toHaveValue("Citizen");
    await expect.element(page.getByLabelText("First name", { exact: true })).toHaveValue("Joanna");
    await expect.element(page.getByLabelText("Year", { exact: true })).toHaveValue("1990");
    await expect.element(page.getByLabelText("Day", { exact: true })).toHaveValue("27");
  });

  it("moves between steps with the browser's Back and Forward when history is set", async () => {
    await mount("solo", { history: "" });
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
  });
});

describe('<coreplus-booking> "Have you seen us before?"', () => {
  it("asks when services are for new or returning patients, offers only the fitting ones, and sends the answer", async () => {
    const { clinic } = await mount("seen");
    await expectStep("Have you seen us before?", false);
    await expectNoAxe("returning");
    await page.getByRole("button", { name: "Yes, I've been before" }).click();
    await expectStep("What would you like to book?");
    await expect.element(page.getByRole("button", { name: /Follow-up/ })).toBeVisible();
    expect(page.getByRole("button", { name: /Initial consultation/ }).elements()).toHaveLength(0);
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("button", { name: "No, this is my first visit" }).click();
    await expectStep("What would you like to book?");
    expect(page.getByRole("button", { name: /Follow-up/ }).elements()).toHaveLength(0);
    await page.getByRole("button", { name: /Initial consultation/ }).click();
    await page.getByRole("button", { name: /First available/ }).click();
    await page.getByRole("button", { name: "9:00 am", exact: true }).click();
    await fillDetails();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expectStep("You're booked");
    const [body] = await bodies(clinic);
    expect(body?.returning).toBe(false);
    expect(body?.slot.appointmentTypeId).toBe("type-initial");
  });

  it("is not asked when no service names an audience", async () => {
    await mount("solo");
    await expectStep("What would you like to book?", false);
    expect(page.getByRole("heading", { name: "Have you seen us before?" }).elements()).toHaveLength(0);
  });
});
