import { describe, expect, test } from "vitest";
import { remindersFor } from "./summary.js";

describe("remindersFor", () => {
  const on = { email: true, sms: true };

  test("with the form: the clinic's flags, SMS only when the form gave a mobile (the patient's or the carer's)", () => {
    expect(remindersFor(on, { patient: { mobile: "0400 111 222" } })).toEqual(on);
    expect(remindersFor(on, { patient: {}, bookedBy: { mobile: "0400 111 222" } })).toEqual(on);
    expect(remindersFor(on, { patient: { mobile: "  " } })).toEqual({ email: true, sms: false });
    expect(remindersFor({ email: false, sms: false }, { patient: { mobile: "0400 111 222" } })).toEqual({
      email: false,
      sms: false,
    });
  });

  test("without a form (a managed booking): the clinic's flags", () => {
    expect(remindersFor({ email: false, sms: true })).toEqual({ email: false, sms: true });
  });
});
