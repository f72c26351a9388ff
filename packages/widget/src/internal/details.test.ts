import { describe, expect, it } from "vitest";
import { enAU } from "../messages/en-au.ts";
import { enUS } from "../messages/en-us.ts";
import {
  askedQuestions,
  attributionFrom,
  bookingRequest,
  type DetailsDraft,
  dobFocusPart,
  dobIso,
  emptyDetails,
  fieldForPointer,
  serverFieldMessage,
  validateDetails,
  withPrefill,
} from "./details.ts";

const valid: DetailsDraft = {
  ...emptyDetails(),
  firstName: " Jo ",
  lastName: "Citizen",
  day: "27",
  month: "3",
  year: "1990",
  email: "jo@example.com",
  mobile: "0400 000 000",
  consent: true,
};
const today = "2026-12-01";

describe("details", () => {
  it("accepts a complete form", () => {
    expect(validateDetails(valid, enAU, today)).toEqual({});
  });

  it("says how to fix each empty field", () => {
    expect(validateDetails(emptyDetails(), enAU, today)).toEqual({
      firstName: "Enter your first name",
      lastName: "Enter your last name",
      dob: "Enter your date of birth, for example 27 3 1990",
      email: "Enter your email address",
      mobile: "Enter your mobile number",
      consent: "Tick the box to agree, so the clinic can book your appointment",
    });
    expect(validateDetails(emptyDetails(), enUS, today).dob).toBe(
      "Enter your date of birth, for example 3 27 1990",
    );
  });

  it("checks the date of birth as GOV.UK does", () => {
    const dob = (day: string, month: string, year: string) =>
      validateDetails({ ...valid, day, month, year }, enAU, today).dob;
    expect(dob("27", "", "1990")).toBe("Date of birth must include a month");
    expect(dob("", "", "1990")).toBe("Date of birth must include a day");
    expect(dob("27", "3", "90")).toBe("Year must include 4 numbers");
    expect(dob("31", "2", "1990")).toBe("Date of birth must be a real date");
    expect(dob("29", "2", "2024")).toBeUndefined();
    expect(dob("2", "12", "2026")).toBe("Date of birth must be in the past");
    expect(dob("1", "1", "1850")).toBe("Date of birth must be a real date");
    expect(dobIso({ day: "7", month: "3", year: "1990" })).toBe("1990-03-07");
    expect(dobIso({ day: "x", month: "3", year: "1990" })).toBeUndefined();
  });

  it("checks email and mobile formats and lengths", () => {
    const e = (patch: Partial<DetailsDraft>) => validateDetails({ ...valid, ...patch }, enAU, today);
    expect(e({ email: "jo@example" }).email).toBe(
      "Enter an email address in the correct format, like name@example.com",
    );
    expect(e({ email: "jo example.com" }).email).toBeDefined();
    expect(e({ email: `${"a".repeat(45)}@example.com` }).email).toBeDefined();
    expect(e({ mobile: "0400 00" }).mobile).toBe(
      "Enter a mobile number with 8 to 15 digits, like 0400 000 000",
    );
    expect(e({ mobile: "+61 (400) 000-000" }).mobile).toBeUndefined();
    expect(e({ mobile: "call me" }).mobile).toBeDefined();
    expect(e({ firstName: "x".repeat(51) }).firstName).toBe("First name must be 50 characters or fewer");
    expect(e({ note: "x".repeat(301) }).note).toBe("Note must be 300 characters or fewer");
  });

  it("focuses the first missing date part in the locale's order", () => {
    expect(dobFocusPart({ ...valid, day: "", month: "" }, enAU.dobOrder)).toBe("day");
    expect(dobFocusPart({ ...valid, day: "", month: "" }, enUS.dobOrder)).toBe("month");
    expect(dobFocusPart(valid, enUS.dobOrder)).toBe("month");
  });

  it("maps the edge API's error pointers to fields", () => {
    expect(fieldForPointer("/patient/email")).toBe("email");
    expect(fieldForPointer("/patient/dateOfBirth")).toBe("dob");
    expect(fieldForPointer("/consent")).toBe("consent");
    expect(fieldForPointer("/slot/start")).toBeUndefined();
  });

  it("words the edge API's refusals from the message table, in the visitor's language", () => {
    expect(serverFieldMessage("email", enAU)).toBe(
      "Enter an email address in the correct format, like name@example.com",
    );
    expect(serverFieldMessage("mobile", enUS)).toBe(
      "Enter a phone number with 8 to 15 digits, like 555 555 0100",
    );
    expect(serverFieldMessage("firstName", enAU)).toBe("Check this answer and try again");
  });

  it("builds the booking body, trimmed, honeypot only when filled", () => {
    const slot = {
      start: "2026-12-02T09:00:00+11:00",
      end: "2026-12-02T09:30:00+11:00",
      practitionerId: "p1",
      locationId: "l1",
    };
    expect(bookingRequest(slot, "t1", { ...valid, note: "  " })).toEqual({
      slot: { locationId: "l1", practitionerId: "p1", appointmentTypeId: "t1", start: slot.start },
      patient: {
        firstName: "Jo",
        lastName: "Citizen",
        dateOfBirth: "1990-03-27",
        email: "jo@example.com",
        mobile: "0400 000 000",
      },
      consent: true,
    });
    const bot = bookingRequest(slot, "t1", { ...valid, note: "Sore knee", website: "http://spam" });
    expect(bot.note).toBe("Sore knee");
    expect(bot.website).toBe("http://spam");
    // "Have you seen us before?": sent only when it was asked (either answer).
    expect(bot).not.toHaveProperty("returning");
    expect(bookingRequest(slot, "t1", valid, false).returning).toBe(false);
    expect(bookingRequest(slot, "t1", valid, true).returning).toBe(true);
    expect(bookingRequest(slot, "t1", valid, undefined)).not.toHaveProperty("returning");
  });

  describe("for someone else", () => {
    const child: DetailsDraft = {
      ...valid,
      forWhom: "other",
      firstName: "Sam",
      lastName: "Rivera",
      day: "4",
      month: "6",
      year: "2018",
      carerFirstName: "Pat",
      carerLastName: "Rivera",
      relationship: " Mother ",
      email: "pat@example.com",
      mobile: "0400 111 222",
    };

    it("accepts a complete form, and needs the carer's name and relationship", () => {
      expect(validateDetails(child, enAU, today)).toEqual({});
      expect(validateDetails({ ...child, carerFirstName: " ", relationship: "" }, enAU, today)).toEqual({
        carerFirstName: "Enter your first name",
        relationship: "Enter your relationship to them, for example mother",
      });
      expect(validateDetails({ ...child, relationship: "x".repeat(31) }, enAU, today).relationship).toBe(
        "Your relationship to them must be 30 characters or fewer",
      );
      // Booking for yourself, the carer's fields are not asked.
      expect(validateDetails({ ...child, forWhom: "me", carerFirstName: "" }, enAU, today)).toEqual({});
    });

    it('says "their" wherever it means the patient, in the form\'s order', () => {
      const errors = validateDetails({ ...emptyDetails(), forWhom: "other" }, enAU, today);
      expect(errors).toEqual({
        firstName: "Enter their first name",
        lastName: "Enter their last name",
        dob: "Enter their date of birth, for example 27 3 2015",
        carerFirstName: "Enter your first name",
        carerLastName: "Enter your last name",
        relationship: "Enter your relationship to them, for example mother",
        email: "Enter your email address",
        mobile: "Enter your mobile number",
        consent: "Tick the box to agree, so the clinic can book their appointment",
      });
      // The summary lists them in the order the form shows them.
      expect(Object.keys(errors)).toEqual([
        "firstName",
        "lastName",
        "dob",
        "carerFirstName",
        "carerLastName",
        "relationship",
        "email",
        "mobile",
        "consent",
      ]);
      const dob = (day: string, month: string, year: string) =>
        validateDetails({ ...child, day, month, year }, enAU, today).dob;
      expect(dob("4", "", "2018")).toBe("Their date of birth must include a month");
      expect(dob("31", "2", "2018")).toBe("Their date of birth must be a real date");
      expect(dob("2", "12", "2026")).toBe("Their date of birth must be in the past");
      expect(validateDetails({ ...emptyDetails(), forWhom: "other" }, enUS, today).dob).toBe(
        "Enter their date of birth, for example 3 27 2015",
      );
    });

    it("sends bookedBy with the carer's contact, and the patient without one", () => {
      const slot = { start: "2026-12-02T09:00:00+11:00", end: "", practitionerId: "p1", locationId: "l1" };
      const body = bookingRequest(slot, "t1", child);
      expect(body.patient).toEqual({ firstName: "Sam", lastName: "Rivera", dateOfBirth: "2018-06-04" });
      expect(body.bookedBy).toEqual({
        firstName: "Pat",
        lastName: "Rivera",
        relationship: "Mother",
        email: "pat@example.com",
        mobile: "0400 111 222",
      });
      expect(bookingRequest(slot, "t1", { ...child, forWhom: "me" })).not.toHaveProperty("bookedBy");
      expect(fieldForPointer("/bookedBy/relationship")).toBe("relationship");
      expect(fieldForPointer("/bookedBy/email")).toBe("email");
    });
  });

  describe("the clinic's questions", () => {
    const profile = {
      questions: [
        { id: "referral", label: "Do you have a GP referral?", kind: "yes-no", required: true },
        { id: "school", label: "School", kind: "text", required: false, appointmentTypeIds: ["t1"] },
        {
          id: "injury",
          label: "Injury",
          kind: "choice",
          options: ["Knee", "Back"],
          required: true,
          disciplineIds: ["physio"],
        },
      ],
    } as never;
    const slot = { start: "2026-12-02T09:00:00+11:00", end: "", practitionerId: "p1", locationId: "l1" };

    it("asks the unscoped ones, and the scoped ones for their service or discipline only", () => {
      const ids = (typeId?: string, disciplineId?: string) =>
        askedQuestions(profile, typeId, disciplineId).map((q) => q.id);
      expect(ids("t2")).toEqual(["referral"]);
      expect(ids("t1")).toEqual(["referral", "school"]);
      expect(ids("t2", "physio")).toEqual(["referral", "injury"]);
      expect(askedQuestions(undefined, "t1", undefined)).toEqual([]);
    });

    it("needs the required ones answered, before the note, and sends only the non-blank answers", () => {
      const asked = askedQuestions(profile, "t1", "physio");
      expect(validateDetails({ ...valid, "q:school": "Bayside" }, enAU, today, asked)).toEqual({
        "q:referral": 'Answer "Do you have a GP referral?"',
        "q:injury": 'Answer "Injury"',
      });
      const answered = { ...valid, "q:referral": "yes", "q:injury": "Knee", "q:school": "  " };
      expect(validateDetails(answered, enAU, today, asked)).toEqual({});
      expect(bookingRequest(slot, "t1", answered, undefined, asked).answers).toEqual([
        { questionId: "referral", value: "yes" },
        { questionId: "injury", value: "Knee" },
      ]);
      // An answer to a question no longer asked (another service chosen since) is not sent.
      expect(
        bookingRequest(slot, "t2", answered, undefined, askedQuestions(profile, "t2", undefined)).answers,
      ).toEqual([{ questionId: "referral", value: "yes" }]);
      expect(bookingRequest(slot, "t1", valid, undefined, asked)).not.toHaveProperty("answers");
    });
  });

  it("fills only empty fields from prefill, a date of birth only when real and none was typed", () => {
    const d = withPrefill(
      { ...emptyDetails(), firstName: "Joanna" },
      { firstName: "Jo", lastName: " Citizen ", email: "jo@example.com", dateOfBirth: "1990-03-07" },
    );
    expect(d).toMatchObject({ firstName: "Joanna", lastName: "Citizen", email: "jo@example.com" });
    expect(d).toMatchObject({ day: "7", month: "3", year: "1990" });
    expect(withPrefill(emptyDetails(), { dateOfBirth: "1990-02-31" })).toMatchObject({ day: "", year: "" });
    expect(withPrefill({ ...emptyDetails(), year: "1985" }, { dateOfBirth: "1990-03-07" })).toMatchObject({
      day: "",
      year: "1985",
    });
    // Only the documented fields: a page's object never ticks consent or writes a note.
    const odd = { consent: true, note: "x", mobile: "0400 000 000" } as never;
    expect(withPrefill(emptyDetails(), odd)).toEqual({ ...emptyDetails(), mobile: "0400 000 000" });
    expect(withPrefill(valid, undefined)).toEqual(valid);
  });

  it("takes the page's well-formed UTM parameters as the attribution", () => {
    expect(
      attributionFrom("?utm_source=newsletter&utm_medium=%3Cb%3E&utm_campaign=spring+sale&utm_term=x"),
    ).toEqual({
      source: "newsletter",
      campaign: "spring sale",
    });
    expect(attributionFrom(`?utm_medium=email&utm_campaign=${"x".repeat(41)}`)).toEqual({ medium: "email" });
    expect(attributionFrom("?q=knee")).toBeUndefined();
    expect(attributionFrom("")).toBeUndefined();
  });
});
