import { describe, expect, it } from "vitest";
import { enAU } from "./en-au.ts";
import { firstAU, tableLocales } from "./first-screen.ts";
import { messageTables, resolveMessages } from "./index.ts";

/** Every leaf path of a message table, with the kind of value found there. */
function shape(value: unknown, path = ""): string[] {
  if (typeof value === "function") return [`${path}:fn${value.length}`];
  if (Array.isArray(value)) return [`${path}:array${value.length}`];
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => shape(v, `${path}.${k}`));
  return [`${path}:${typeof value}`];
}

describe("message tables", () => {
  it("has en-AU and en-US with exactly the same keys", () => {
    expect(Object.keys(messageTables).sort()).toEqual(["en-AU", "en-US"]);
    // The first screen picks the locale without loading the tables: it must know the same ones.
    expect([...tableLocales].sort()).toEqual(Object.keys(messageTables).sort());
    for (const table of Object.values(messageTables)) expect(shape(table)).toEqual(shape(enAU));
  });

  it("has no empty strings", () => {
    for (const table of Object.values(messageTables)) {
      for (const leaf of shape(table)) expect(leaf).not.toMatch(/:undefined$/);
    }
    const walk = (v: unknown): void => {
      if (typeof v === "string") expect(v.trim()).not.toBe("");
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    Object.values(messageTables).forEach(walk);
  });

  it("keeps the first screen's strings in every table, the same in each", () => {
    for (const table of Object.values(messageTables)) expect(table).toMatchObject(firstAU);
  });

  it("resolves tags: exact, case-insensitive, other English to en-AU, anything else to en-AU", () => {
    expect(resolveMessages("en-US").locale).toBe("en-US");
    expect(resolveMessages("EN_us").locale).toBe("en-US");
    expect(resolveMessages("en-NZ")).toMatchObject({ locale: "en-NZ", messages: enAU });
    expect(resolveMessages("en")).toMatchObject({ locale: "en-AU", messages: enAU });
    expect(resolveMessages("fr-FR")).toMatchObject({ locale: "en-AU", messages: enAU });
    expect(resolveMessages("")).toMatchObject({ locale: "en-AU", messages: enAU });
    expect(resolveMessages(undefined).locale).toBe("en-AU");
    expect(resolveMessages("en-!!").locale).toBe("en-AU");
  });

  it("words the failure messages as ux.md asks", () => {
    expect(enAU.loadError(enAU.contact("Harbourside Southbank", "03 9000 0000"))).toBe(
      "We couldn't reach the clinic's booking system. Try again, or call Harbourside Southbank on 03 9000 0000.",
    );
    expect(enAU.slotTaken).toBe("That time was just taken. Here are the nearest times.");
    expect(enAU.progress(3, 5, enAU.stepLabel.time)).toBe("Step 3 of 5 · Date and time");
  });
});
