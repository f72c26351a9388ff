import { describe, expect, it } from "vitest";
import { fullName, initials, patientLabel } from "./patient-label.js";

describe("patient labels", () => {
  it("gives first and last initials only", () => {
    expect(initials({ firstName: "sarah", lastName: "Chen" })).toBe("S.C.");
    expect(initials({ firstName: "Mary", lastName: "Smith-Jones", preferredName: "Molly" })).toBe("M.S.");
    expect(initials({ firstName: "Ëlla", lastName: "o'Brien" })).toBe("Ë.O.");
    expect(initials({ firstName: "", lastName: "Nguyen" })).toBe("N.");
    expect(initials({})).toBe("?");
  });

  it("gives the name only in full mode, preferring the preferred name", () => {
    expect(fullName({ firstName: "Margaret", lastName: "Lee", preferredName: "Peggy" })).toBe("Peggy Lee");
    expect(patientLabel({ firstName: "Margaret", lastName: "Lee" }, "full")).toBe("Margaret Lee");
    expect(patientLabel({ firstName: "Margaret", lastName: "Lee" }, "initials")).toBe("M.L.");
  });
});
