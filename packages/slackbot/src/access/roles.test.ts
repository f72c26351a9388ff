import { describe, expect, it } from "vitest";
import { directory } from "../../test/fixtures.js";
import { createPractitionerLinker, practitionerByEmail } from "./link-practitioner.js";
import { accessPolicy, canSeeOthers, mayView, roleOf } from "./roles.js";

describe("roles", () => {
  const policy = accessPolicy({ viewers: [" U_RECEPTION ", ""], admins: ["U_ADMIN"], practitionerMap: {} });

  it("gives each user a role", () => {
    expect(roleOf("U_RECEPTION", policy)).toBe("viewer");
    expect(roleOf("U_ADMIN", policy)).toBe("admin");
    expect(roleOf("U_SOMEONE", policy)).toBe("staff");
    expect([canSeeOthers("viewer"), canSeeOthers("admin"), canSeeOthers("staff")]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("lets staff see only their own day", () => {
    expect(mayView("staff", "P-1", { kind: "practitioner", practitionerId: "p-1" })).toBe(true);
    expect(mayView("staff", "p-1", { kind: "practitioner", practitionerId: "p-2" })).toBe(false);
    expect(mayView("staff", undefined, { kind: "practitioner", practitionerId: "p-1" })).toBe(false);
    expect(mayView("staff", "p-1", { kind: "all" })).toBe(false);
    expect(mayView("viewer", undefined, { kind: "all" })).toBe(true);
    expect(mayView("admin", undefined, { kind: "practitioner", practitionerId: "p-2" })).toBe(true);
  });
});

describe("linking Slack users to practitioners", () => {
  it("matches the profile email case-insensitively", () => {
    expect(practitionerByEmail(directory, " MEI.CHEN@clinic.example ")?.id).toBe("p-chen");
    expect(practitionerByEmail(directory, "nobody@clinic.example")).toBeUndefined();
    expect(practitionerByEmail(directory, "")).toBeUndefined();
  });

  it("prefers SLACK_PRACTITIONER_MAP and never asks Slack for those users", async () => {
    const asked: string[] = [];
    const linker = createPractitionerLinker({ practitionerMap: { U_MAPPED: "P-RUSSO" } });
    const lookup = async (id: string) => {
      asked.push(id);
      return "mei.chen@clinic.example";
    };
    expect(await linker.link("U_MAPPED", directory, lookup)).toMatchObject({
      linked: true,
      via: "map",
      practitioner: { id: "p-russo" },
    });
    expect(asked).toEqual([]);
    expect(await linker.link("U_MEI", directory, lookup)).toMatchObject({
      linked: true,
      via: "email",
      practitioner: { id: "p-chen" },
    });
    expect(asked).toEqual(["U_MEI"]);
  });

  it("remembers links, and forgets a miss sooner so a fixed email takes effect", async () => {
    let clock = 0;
    let email = "new@clinic.example";
    let calls = 0;
    const linker = createPractitionerLinker({
      practitionerMap: {},
      now: () => clock,
      ttlMs: 600_000,
      negativeTtlMs: 60_000,
    });
    const lookup = async () => {
      calls += 1;
      return email;
    };
    expect(await linker.link("U1", directory, lookup)).toEqual({
      linked: false,
      email: "new@clinic.example",
    });
    email = "marco@clinic.example";
    clock = 30_000;
    expect((await linker.link("U1", directory, lookup)).linked).toBe(false);
    clock = 61_000;
    expect(await linker.link("U1", directory, lookup)).toMatchObject({ linked: true });
    clock = 500_000;
    await linker.link("U1", directory, lookup);
    expect(calls).toBe(2);
  });

  it("shares one users.info call between concurrent requests", async () => {
    let calls = 0;
    const linker = createPractitionerLinker({ practitionerMap: {} });
    const lookup = async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 10));
      return "marco@clinic.example";
    };
    await Promise.all([linker.link("U2", directory, lookup), linker.link("U2", directory, lookup)]);
    expect(calls).toBe(1);
  });
});
