import { describe, expect, it } from "vitest";
import { directory } from "../../test/fixtures.js";
import type { PractitionerLink } from "../access/link-practitioner.js";
import type { StaffRole } from "../access/roles.js";
import { parseCommand } from "../command/parse-command.js";
import { resolveRequest } from "./resolve-request.js";

const mei = directory.practitioners[0]!;
const links: Record<string, PractitionerLink> = {
  U_MEI: { linked: true, practitioner: mei, via: "email" },
  U_NEW: { linked: false, email: "new@clinic.example" },
  U0MEI: { linked: true, practitioner: mei, via: "map" },
};

async function resolve(text: string, userId: string, role: StaffRole) {
  const parsed = parseCommand(text);
  if (parsed.kind !== "query") throw new Error("not a query");
  return resolveRequest(parsed, directory, {
    userId,
    role,
    link: async (id) => links[id] ?? { linked: false },
  });
}

describe("resolveRequest", () => {
  it("gives a linked practitioner their own day by default and by name", async () => {
    expect(await resolve("", "U_MEI", "staff")).toEqual({
      ok: true,
      target: { kind: "practitioner", practitioner: mei },
    });
    expect(await resolve("me", "U_MEI", "staff")).toMatchObject({
      ok: true,
      target: { practitioner: { id: "p-chen" } },
    });
    expect(await resolve("dr chen", "U_MEI", "staff")).toMatchObject({
      ok: true,
      target: { practitioner: { id: "p-chen" } },
    });
  });

  it("refuses staff another practitioner's day or everyone's", async () => {
    expect(await resolve("marco", "U_MEI", "staff")).toEqual({
      ok: false,
      problem: { kind: "forbidden", userId: "U_MEI" },
    });
    expect(await resolve("all", "U_MEI", "staff")).toEqual({
      ok: false,
      problem: { kind: "forbidden", userId: "U_MEI" },
    });
  });

  it("lets viewers and admins ask for anyone and for all", async () => {
    expect(await resolve("marco russo", "U_DESK", "viewer")).toMatchObject({
      ok: true,
      target: { practitioner: { id: "p-russo" } },
    });
    expect(await resolve("all at hamilton", "U_BOSS", "admin")).toMatchObject({
      ok: true,
      target: { kind: "all" },
      location: { id: "loc-ham" },
    });
    // Reception is rarely a practitioner: no name means everyone.
    expect(await resolve("", "U_DESK", "viewer")).toEqual({ ok: true, target: { kind: "all" } });
  });

  it("tells an unlinked user how to get linked", async () => {
    expect(await resolve("", "U_NEW", "staff")).toEqual({
      ok: false,
      problem: { kind: "unlinked", userId: "U_NEW", email: "new@clinic.example" },
    });
    expect(await resolve("me", "U_DESK", "viewer")).toEqual({
      ok: false,
      problem: { kind: "unlinked", userId: "U_DESK" },
    });
  });

  it("resolves a mentioned Slack user through their link", async () => {
    expect(await resolve("<@U0MEI|mei>", "U_DESK", "viewer")).toMatchObject({
      ok: true,
      target: { practitioner: { id: "p-chen" } },
    });
    expect(await resolve("<@U0NEW>", "U_DESK", "viewer")).toEqual({
      ok: false,
      problem: { kind: "mention-unlinked", userId: "U0NEW" },
    });
  });

  it("suggests near misses and keywords", async () => {
    expect(await resolve("marko", "U_DESK", "viewer")).toEqual({
      ok: false,
      problem: { kind: "unknown-practitioner", text: "marko", suggestions: ["Marco Russo"] },
    });
    expect(await resolve("tomorow", "U_MEI", "staff")).toEqual({
      ok: false,
      problem: { kind: "not-understood", text: "tomorow", suggestions: ["tomorrow"] },
    });
    expect(await resolve("all at hamiltn", "U_DESK", "viewer")).toMatchObject({
      ok: false,
      problem: { kind: "unknown-location", suggestions: ["Harbourside Hamilton"] },
    });
    expect(await resolve("all at harbourside", "U_DESK", "viewer")).toMatchObject({
      ok: false,
      problem: { kind: "ambiguous-location" },
    });
  });
});
