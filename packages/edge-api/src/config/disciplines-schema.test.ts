import { describe, expect, test } from "vitest";
import { clinicEntry, configIssues } from "../../test/config-fixture.js";
import { parseEdgeConfig } from "./parse-config.js";

const P1 = "4e81fbb5-92f8-41c4-9359-5a22a1bac1b3";
const T1 = "5991c28c-54a2-47ed-b93d-b28914b5b7ae";

const clinic = clinicEntry;
const issues = (input: unknown) => configIssues(() => parseEdgeConfig(input));

describe("disciplines, professions and services in the configuration", () => {
  test("resolve with ids lower-cased and audience defaulting to all", () => {
    const cfg = parseEdgeConfig({
      clinics: [
        clinic({
          disciplines: [
            {
              id: "physiotherapy",
              name: "Physiotherapy",
              practitionerIds: [P1.toUpperCase()],
              specialtyId: "ABC",
            },
          ],
          practitioners: [{ id: P1, profession: "Physiotherapist", bio: "Treats backs." }],
          appointmentTypes: [{ id: T1, description: "A follow-up.", price: 9500 }],
        }),
      ],
    });
    const c = cfg.clinics[0]!;
    expect(c.disciplines).toEqual([
      { id: "physiotherapy", name: "Physiotherapy", practitionerIds: [P1], specialtyId: "abc" },
    ]);
    expect(c.practitionerProfiles[P1]).toEqual({ profession: "Physiotherapist", bio: "Treats backs." });
    expect(c.appointmentTypeInfo[T1]).toEqual({
      description: "A follow-up.",
      priceCents: 9500,
      audience: "all",
    });
  });

  test("a clinic without them gets empty lists (today's flow)", () => {
    const c = parseEdgeConfig({ clinics: [clinic()] }).clinics[0]!;
    expect(c.disciplines).toEqual([]);
    expect(c.practitionerProfiles).toEqual({});
    expect(c.appointmentTypeInfo).toEqual({});
  });

  test("every error names its field", () => {
    const bookable = { practitionerIds: [P1], appointmentTypeIds: [T1] };
    // A practitioner and a type outside `bookable`, and a duplicate id.
    const crossed = [
      { id: "physio", name: "Physiotherapy", practitionerIds: [P1, "someone-else"] },
      { id: "physio", name: "Physio again", practitionerIds: [P1], appointmentTypeIds: ["not-bookable"] },
    ];
    const found = issues({
      clinics: [
        clinic({
          bookable,
          disciplines: [
            ...crossed,
            { id: "Psych Ology", name: "", practitionerIds: [] },
            { id: "podiatry", name: "Podiatry", practitionerIds: [P1], colour: "red" },
          ],
          practitioners: [{ id: P1 }, { id: P1, profession: "Physiotherapist" }],
          appointmentTypes: [
            { id: T1, price: -5, audience: "everyone" },
            { id: T1, price: 12.5 },
          ],
        }),
      ],
    });
    expect(found.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        "clinics[0].disciplines[2].id",
        "clinics[0].disciplines[2].name",
        "clinics[0].disciplines[2].practitionerIds",
        "clinics[0].disciplines[3]",
        "clinics[0].practitioners[0].profession",
        "clinics[0].appointmentTypes[0].price",
        "clinics[0].appointmentTypes[0].audience",
        "clinics[0].appointmentTypes[1].price",
      ]),
    );
    expect(found.find((i) => i.path === "clinics[0].disciplines[3]")?.message).toContain("colour");
    expect(found.find((i) => i.path === "clinics[0].practitioners[0].profession")?.message).toBe(
      "is required",
    );

    // Once the shapes are right, the checks across fields name theirs too.
    const cross = issues({
      clinics: [
        clinic({
          bookable,
          disciplines: [...crossed],
          practitioners: [
            { id: P1, profession: "Physiotherapist" },
            { id: P1.toUpperCase(), profession: "Physiotherapist" },
          ],
        }),
      ],
    });
    expect(cross).toEqual([
      { path: "clinics[0].disciplines[1].id", message: 'duplicate discipline id "physio"' },
      { path: "clinics[0].practitioners[1].id", message: `duplicate practitioner id "${P1}"` },
      {
        path: "clinics[0].disciplines[0].practitionerIds[1]",
        message: '"someone-else" is not in bookable.practitionerIds',
      },
      {
        path: "clinics[0].disciplines[1].appointmentTypeIds[0]",
        message: '"not-bookable" is not in bookable.appointmentTypeIds',
      },
    ]);
  });
});
