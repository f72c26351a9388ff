import { describe, expect, test } from "vitest";
import { isSamePerson } from "./patient-match.js";

const patient = {
  firstName: "Ada",
  lastName: "Lovelace",
  dateOfBirth: "1990-02-03",
  email: "ada@example.com",
  mobile: "0400 000 001",
};
const client = { ...patient, phoneNumberMobile: "0400000001" };

describe("isSamePerson", () => {
  test("name, birthday and email or mobile must all agree", () => {
    expect(isSamePerson(client, patient)).toBe(true);
    expect(isSamePerson({ ...client, phoneNumberMobile: "" }, patient)).toBe(true); // email alone
    expect(isSamePerson({ ...client, email: "" }, patient)).toBe(true); // mobile digits alone
    expect(isSamePerson({ ...client, firstName: " ada " }, patient)).toBe(true);
  });

  test("any doubt is no match", () => {
    expect(isSamePerson({ ...client, dateOfBirth: "1990-02-04" }, patient)).toBe(false);
    expect(isSamePerson({ ...client, firstName: "Adah" }, patient)).toBe(false);
    expect(
      isSamePerson({ ...client, email: "other@example.com", phoneNumberMobile: "0400000002" }, patient),
    ).toBe(false);
    expect(isSamePerson({ ...client, email: "", phoneNumberMobile: "" }, patient)).toBe(false);
  });
});
