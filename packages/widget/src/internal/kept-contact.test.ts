import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type DetailsDraft, emptyDetails } from "./details-draft.ts";
import { draftForAnother, keepContact, loadContact } from "./kept-contact.ts";

const carer: DetailsDraft = {
  ...emptyDetails(),
  forWhom: "other",
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
  note: "shy with new people",
  consent: true,
  "q:referral": "yes",
};

/** A Map behind the Storage calls these functions make (Node has no sessionStorage). */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe("kept contact details", () => {
  let store: ReturnType<typeof memoryStorage>;
  beforeEach(() => {
    store = memoryStorage();
    vi.stubGlobal("sessionStorage", store);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("keeps the contact fields per clinic, never the note, the answers or consent", () => {
    keepContact("harbourside", carer);
    const raw = store.map.get("coreplus-booking:harbourside:contact") ?? "";
    expect(JSON.parse(raw)).toEqual({
      forWhom: "other",
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
    });
    expect(raw).not.toContain("shy");
    expect(raw).not.toContain("referral");
    expect(raw).not.toContain("consent");
    expect(loadContact("harbourside")).toMatchObject({ email: "pat@example.com", carerFirstName: "Pat" });
    expect(loadContact("elsewhere")).toEqual({});
  });

  it("forgets them when a draft has none, and reads back only strings of the kept fields", () => {
    keepContact("harbourside", carer);
    keepContact("harbourside", emptyDetails());
    expect(store.map.size).toBe(0);
    store.setItem(
      "coreplus-booking:harbourside:contact",
      '{"email":"a@b.co","consent":true,"mobile":7,"note":"x"}',
    );
    expect(loadContact("harbourside")).toEqual({ email: "a@b.co" });
    store.setItem("coreplus-booking:harbourside:contact", "not json");
    expect(loadContact("harbourside")).toEqual({});
  });

  it("works where storage is blocked", () => {
    vi.stubGlobal("sessionStorage", {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("blocked");
      },
    });
    expect(() => keepContact("harbourside", carer)).not.toThrow();
    expect(loadContact("harbourside")).toEqual({});
  });
});

describe("Book another appointment", () => {
  it("arranges the contact details for whom the next booking is", () => {
    // For me, after booking for my child: I am the patient now (my own date of birth is not known).
    expect(draftForAnother(carer, "me", emptyDetails())).toEqual({
      ...emptyDetails(),
      firstName: "Pat",
      lastName: "Rivera",
      email: "pat@example.com",
      mobile: "0400 111 222",
    });
    // For someone else again: I stay the carer; the patient's fields start blank.
    expect(draftForAnother(carer, "other", emptyDetails())).toEqual({
      ...emptyDetails(),
      forWhom: "other",
      carerFirstName: "Pat",
      carerLastName: "Rivera",
      email: "pat@example.com",
      mobile: "0400 111 222",
    });
    const me = { ...carer, forWhom: "me" as const };
    expect(draftForAnother(me, "me", emptyDetails())).toMatchObject({
      firstName: "Sam",
      year: "2018",
      note: "",
    });
    expect(draftForAnother(me, "other", emptyDetails())).toMatchObject({
      carerFirstName: "Sam",
      firstName: "",
      year: "",
    });
  });
});
