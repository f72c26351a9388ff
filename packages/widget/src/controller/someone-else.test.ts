/** The someone-else pieces that load with the details step: "another" drafts, UTM values, questions, strings. */
import { describe, expect, it } from "vitest";
import { leaves } from "../../test/message-leaves.ts";
import { attributionFrom } from "../internal/attribution.ts";
import { bookingRequest, validateDetails } from "../internal/details.ts";
import { emptyDetails } from "../internal/details-draft.ts";
import { askedQuestions } from "../internal/questions.ts";
import { enAU } from "../messages/en-au.ts";
import { forWhomAU, forWhomMessages, forWhomUS } from "../messages/for-whom.ts";
import { withPrefill } from "./prefill.ts";
import { draftForAnother } from "./saved-contact.ts";

const carer = {
  ...emptyDetails(),
  forWhom: "other" as const,
  firstName: "Sam",
  lastName: "Rivera",
  day: "4",
  month: "6",
  year: "2018",
  carerFirstName: "Pat",
  carerLastName: "Rivera",
  relationship: "Mother",
  email: "pat@example.com",
  mobile: "0400 111 222",
  note: "shy",
  consent: true,
  answers: { referral: "yes" },
};

describe("someone else", () => {
  it("arranges the next draft for whom it is: the carer becomes the patient, or stays the carer", () => {
    const me = draftForAnother(carer, "me");
    expect(me).toMatchObject({
      forWhom: "me",
      firstName: "Pat",
      lastName: "Rivera",
      email: "pat@example.com",
    });
    // The child's date of birth, the note, the answers and consent never carry over.
    expect(me).toMatchObject({ day: "", year: "", note: "", consent: false, answers: {} });
    const other = draftForAnother(carer, "other");
    expect(other).toMatchObject({ firstName: "", carerFirstName: "Pat", relationship: "Mother" });
    const fromMe = draftForAnother({ ...carer, forWhom: "me" }, "me");
    expect(fromMe).toMatchObject({ firstName: "Sam", year: "2018" });
  });

  it("sends bookedBy with the contact, the patient without it, and only non-blank answers", () => {
    const slot = { locationId: "l", practitionerId: "p", start: "2026-12-02T09:00:00+11:00" };
    const questions = askedQuestions(
      {
        questions: [
          { id: "referral", label: "Referral?", kind: "yes-no", required: true },
          { id: "school", label: "School", kind: "text", required: false, appointmentTypeIds: ["t"] },
        ],
      } as never,
      { id: "t" },
    );
    const body = bookingRequest(slot as never, "t", carer, { questions, returning: true });
    expect(body.patient).toEqual({ firstName: "Sam", lastName: "Rivera", dateOfBirth: "2018-06-04" });
    expect(body.bookedBy).toMatchObject({ relationship: "Mother", mobile: "0400 111 222" });
    expect(body.answers).toEqual([{ questionId: "referral", value: "yes" }]);
    expect(body.returning).toBe(true);
  });

  it("checks the carer's fields and required answers in their own words", () => {
    const errors = validateDetails(
      { ...carer, relationship: "", carerFirstName: "", answers: {} },
      enAU,
      "2026-12-01",
      [{ id: "referral", label: "Referral?", kind: "yes-no", required: true }],
      forWhomAU,
    );
    expect(errors).toEqual({
      carerFirstName: "Enter your first name",
      relationship: "Enter your relationship to them, for example mother",
      "q:referral": "Answer this question",
    });
  });

  it("keeps only well-formed UTM values", () => {
    expect(attributionFrom("?utm_source=google&utm_medium=%3Cx%3E&utm_campaign=spring+sale")).toEqual({
      source: "google",
      campaign: "spring sale",
    });
    expect(attributionFrom("?q=1")).toBeUndefined();
  });

  it("fills only empty fields from prefill", () => {
    const d = withPrefill(
      { ...emptyDetails(), firstName: "Joanna" },
      { firstName: "Jo", dateOfBirth: "1990-03-27" },
    );
    expect(d).toMatchObject({ firstName: "Joanna", day: "27", month: "3", year: "1990" });
    expect(withPrefill(emptyDetails(), { dateOfBirth: "1990-02-31" })).toMatchObject({ day: "" });
  });

  it("has the same strings in en-AU and en-US, with US words where they differ", () => {
    expect(leaves(forWhomUS)).toEqual(leaves(forWhomAU));
    expect(forWhomMessages("en-US").carer.mobile).toBe("Your cell phone");
    expect(forWhomMessages("en-GB")).toBe(forWhomAU);
  });
});
