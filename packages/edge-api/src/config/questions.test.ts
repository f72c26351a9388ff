import { describe, expect, test } from "vitest";
import { clinicEntry, configIssues } from "../../test/config-fixture.js";
import { parseEdgeConfig } from "./parse-config.js";

const clinic = clinicEntry;
const issuesOf = (input: unknown) => configIssues(() => parseEdgeConfig(input));

const fits = [
  { id: "referral", label: "Do you have a GP referral?", kind: "yes-no", required: true },
  { id: "funding", label: "Funding", kind: "choice", options: ["Private", "NDIS", "Medicare care plan"] },
  { id: "school", label: "School or kinder", kind: "text", maxLength: 60 },
];

describe("clinic questions in the configuration", () => {
  test("defaults: no questions, no privacy link; questions that fit are taken with their defaults", () => {
    expect(parseEdgeConfig({ clinics: [clinic()] }).clinics[0]).toMatchObject({
      questions: [],
      privacyUrl: null,
    });
    const c = parseEdgeConfig({
      clinics: [clinic({ questions: fits, privacyUrl: "https://harbourside.example/privacy" })],
    }).clinics[0]!;
    expect(c.questions?.map((q) => [q.id, q.required])).toEqual([
      ["referral", true],
      ["funding", false],
      ["school", false],
    ]);
    expect(c.privacyUrl).toBe("https://harbourside.example/privacy");
  });

  test("questions whose longest answers could not fit in the notes are refused at start", () => {
    const one = { id: "more", label: "Anything else?", kind: "yes-no" };
    expect(issuesOf({ clinics: [clinic({ questions: [...fits, one] })] })).toEqual([
      { path: "clinics[0].questions", message: expect.stringMatching(/need 317 characters .* hold 300/) },
    ]);
    const long = { id: "story", label: "Tell us", kind: "text", maxLength: 200 };
    expect(issuesOf({ clinics: [clinic({ questions: [long] })] })[0]?.path).toBe("clinics[0].questions");
  });

  test("each malformed question names its field", () => {
    const issues = issuesOf({
      clinics: [
        clinic({
          privacyUrl: "ftp://x.example",
          questions: [
            { id: "a", label: "A?", kind: "choice" },
            { id: "a", label: "B?", kind: "yes-no", options: ["x", "y"], maxLength: 3 },
            { id: "Bad Id", label: "C?", kind: "essay" },
          ],
        }),
      ],
    });
    expect(issues.map((i) => i.path)).toEqual([
      "clinics[0].questions[2].id",
      "clinics[0].questions[2].kind",
      "clinics[0].privacyUrl",
    ]);
    const semantic = issuesOf({
      clinics: [
        clinic({
          questions: [
            { id: "a", label: "A?", kind: "choice" },
            { id: "a", label: "B?", kind: "yes-no", options: ["x", "y"], maxLength: 3 },
          ],
        }),
      ],
    });
    expect(semantic.map((i) => i.path)).toEqual([
      "clinics[0].questions[0].options",
      "clinics[0].questions[1].id",
      "clinics[0].questions[1].options",
      "clinics[0].questions[1].maxLength",
    ]);
  });
});
