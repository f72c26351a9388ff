import type { CoreplusClient } from "@coreplus-kit/core";
import { describe, expect, test } from "vitest";
import { findOrCreateClient, isSamePerson } from "./patient-match.js";

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

/** A coreplus stand-in with `n` same-name-and-birthday clients (the first matches `email`), counting calls. */
function fakeCoreplus(n: number, email: string) {
  const calls: string[] = [];
  const rows = Array.from({ length: n }, (_, i) => ({
    ...client,
    clientId: `c${i}`,
    email: i === 0 ? email : `x${i}@example.com`,
    phoneNumberMobile: "",
  }));
  const call = <T>(name: string, answer: T) => {
    calls.push(name);
    return Promise.resolve(answer);
  };
  const coreplus = {
    clients: {
      iterate: () => ({ toArray: () => call("search", rows) }),
      list: () => call("list", { items: rows.slice(0, 1) }),
      get: (id: string) =>
        call(
          "get",
          rows.find((r) => r.clientId === id),
        ),
      create: () => call("create", { clientId: "new" }),
    },
  } as unknown as CoreplusClient;
  return { coreplus, calls };
}

describe("findOrCreateClient", () => {
  const identity = { ...patient, contacts: [{ email: patient.email, mobile: "0400 999 999" }] };

  test("makes the same number of coreplus calls whatever the candidates, matched or not", async () => {
    const counts: Record<string, number> = {};
    for (const n of [0, 1, 2, 3, 4])
      for (const matchEmail of [patient.email, "nobody@example.com"]) {
        const { coreplus, calls } = fakeCoreplus(n, matchEmail);
        const found = await findOrCreateClient(coreplus, identity, new AbortController().signal);
        // A match only among at most 3 candidates (more is doubt).
        expect(found.matched, `${n} candidates`).toBe(n > 0 && n <= 3 && matchEmail === patient.email);
        counts[`${n} candidates, ${matchEmail === patient.email ? "one" : "none"} the same`] = calls.length;
      }
    // One search, three detail reads (or stand-ins), then the create or a stand-in read.
    expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((k) => [k, 5])));
  });
});
