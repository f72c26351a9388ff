import { describe, expect, it } from "vitest";
import { editDistance, matchName, nearKeyword, nearMisses, normalizeName } from "./match-names.js";
import { KEYWORDS } from "./parse-command.js";

const people = [
  { id: "p1", name: "Sarah Chen", aliases: ["Dr Sarah Chen"] },
  { id: "p2", name: "Sarah Ng", aliases: [] },
  { id: "p3", name: "Liam O'Connor", aliases: [] },
  { id: "p4", name: "Zoë Brontë", aliases: [] },
];

describe("name matching", () => {
  it("normalises case, accents and punctuation", () => {
    expect(normalizeName("  Liam O'Connor ")).toBe("liam o connor");
    expect(normalizeName("ZOË")).toBe("zoe");
  });

  it("matches full names, surnames, prefixes and titles", () => {
    expect(matchName("sarah chen", people)).toEqual({ kind: "one", item: people[0] });
    expect(matchName("chen", people)).toEqual({ kind: "one", item: people[0] });
    expect(matchName("Dr Chen", people)).toEqual({ kind: "one", item: people[0] });
    expect(matchName("s ng", people)).toEqual({ kind: "one", item: people[1] });
    expect(matchName("liam oconnor", people)).toMatchObject({ kind: "none" });
    expect(matchName("liam o connor", people)).toEqual({ kind: "one", item: people[2] });
    expect(matchName("zoe", people)).toEqual({ kind: "one", item: people[3] });
  });

  it("reports ambiguity rather than picking one", () => {
    expect(matchName("sarah", people)).toEqual({ kind: "many", items: [people[0], people[1]] });
  });

  it("suggests near misses for typos", () => {
    const miss = matchName("sarha chen", people);
    expect(miss.kind).toBe("none");
    expect(miss.kind === "none" && miss.suggestions.map((p) => p.name)).toEqual(["Sarah Chen"]);
    expect(nearMisses("chne", people).map((p) => p.name)).toEqual(["Sarah Chen"]);
    expect(nearMisses("oconor", people).map((p) => p.name)).toEqual(["Liam O'Connor"]);
    expect(nearMisses("xavier", people)).toEqual([]);
  });

  it("suggests the keyword a typo meant", () => {
    expect(nearKeyword("tomorow", KEYWORDS)).toBe("tomorrow");
    expect(nearKeyword("monady", KEYWORDS)).toBe("monday");
    expect(nearKeyword("hlep", KEYWORDS)).toBe("help");
    expect(nearKeyword("banana", KEYWORDS)).toBeUndefined();
  });

  it("counts a transposition as one edit", () => {
    expect(editDistance("chen", "chne")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});
