import { describe, expect, it } from "vitest";
import type { ClinicProfile } from "../api/types.ts";
import {
  type FlowInputs,
  firstUnanswered,
  lockedId,
  lockedLocation,
  offeredLocations,
  settledStep,
  someAudience,
  stepAfter,
  visibleSteps,
} from "./flow.ts";

const loc = (id: string) => ({ id, name: id, timezone: "Australia/Melbourne", address: "", phone: "" });
const profile = (n: number): ClinicProfile => ({
  slug: "c",
  name: "C",
  locations: Array.from({ length: n }, (_, i) => loc(`l${i}`)),
  rules: { minNoticeMinutes: 0, maxDaysAhead: 60 },
  disciplines: [],
  changes: {
    cancel: true,
    reschedule: true,
    noticeHours: 24,
    policy: "Change or cancel online up to 1 day before.",
  },
});
const inputs = (patch: Partial<FlowInputs>): FlowInputs => ({
  profile: profile(2),
  location: "",
  appointmentType: "",
  practitioner: "",
  types: undefined,
  practitioners: undefined,
  ...patch,
});

describe("visible steps", () => {
  it("shows every step for a clinic with several locations and no preselection", () => {
    expect(visibleSteps(inputs({}))).toEqual([
      "location",
      "service",
      "practitioner",
      "time",
      "details",
      "review",
    ]);
  });

  it("skips the location step for a single location or a valid preselection", () => {
    expect(visibleSteps(inputs({ profile: profile(1) }))[0]).toBe("service");
    expect(visibleSteps(inputs({ location: "l1" }))[0]).toBe("service");
    expect(lockedLocation(inputs({ location: "l1" }))?.id).toBe("l1");
    expect(lockedLocation(inputs({ location: "nope" }))).toBeUndefined();
    expect(visibleSteps(inputs({ location: "nope" }))[0]).toBe("location");
  });

  it("skips service and practitioner while their preselection is offered", () => {
    const steps = visibleSteps(inputs({ location: "l1", appointmentType: "t1", practitioner: "p1" }));
    expect(steps).toEqual(["time", "details", "review"]);
    const offered = visibleSteps(inputs({ appointmentType: "t1", types: [{ id: "t1" }] }));
    expect(offered).not.toContain("service");
    const missing = visibleSteps(
      inputs({ appointmentType: "t9", types: [{ id: "t1" }], practitioner: "p9", practitioners: [] }),
    );
    expect(missing).toContain("service");
    expect(missing).toContain("practitioner");
    expect(lockedId("", [{ id: "" }])).toBeUndefined();
  });

  describe("with the clinic-wide practitioner list", () => {
    const staff = (id: string, locationIds: string[], appointmentTypeIds: string[]) => ({
      id,
      locationIds,
      appointmentTypeIds,
    });
    // l0..l3; Liam works at l1 and l3 only, Ana everywhere but offers only t2.
    const everyone = [
      staff("liam", ["l1", "l3"], ["t1"]),
      staff("ana", ["l0", "l1", "l2", "l3"], ["t2"]),
      staff("bo", ["l2"], ["t1", "t2"]),
    ];
    const at = (patch: Partial<FlowInputs>) =>
      offeredLocations(inputs({ profile: profile(4), everyone, ...patch })).map((l) => l.id);

    it("offers only the locations where the preselected practitioner works", () => {
      expect(at({ practitioner: "liam" })).toEqual(["l1", "l3"]);
      expect(visibleSteps(inputs({ profile: profile(4), everyone, practitioner: "liam" }))[0]).toBe(
        "location",
      );
    });

    it("chooses the only such location and skips the step", () => {
      const i = inputs({ profile: profile(4), everyone, practitioner: "bo" });
      expect(at({ practitioner: "bo" })).toEqual(["l2"]);
      expect(lockedLocation(i)?.id).toBe("l2");
      expect(visibleSteps(i)).toEqual(["service", "time", "details", "review"]);
    });

    it("offers only the locations where someone offers the preselected type", () => {
      expect(at({ appointmentType: "t1" })).toEqual(["l1", "l2", "l3"]);
      expect(at({ appointmentType: "t1", practitioner: "liam" })).toEqual(["l1", "l3"]);
      // A practitioner who does not offer the type is still the one asked for; the service step asks.
      expect(at({ appointmentType: "t2", practitioner: "liam" })).toEqual(["l1", "l3"]);
    });

    it("narrows nothing for ids nobody matches, no preselection or a list not loaded", () => {
      const all = ["l0", "l1", "l2", "l3"];
      expect(at({ practitioner: "nope", appointmentType: "nope" })).toEqual(all);
      expect(at({})).toEqual(all);
      expect(at({ practitioner: "liam", everyone: undefined })).toEqual(all);
      // A preselected location wins over the narrowing.
      expect(
        lockedLocation(inputs({ profile: profile(4), everyone, practitioner: "bo", location: "l0" }))?.id,
      ).toBe("l0");
    });
  });

  it("finds the next visible step", () => {
    expect(stepAfter(["location", "time", "details", "review"], "location")).toBe("time");
    expect(stepAfter(["time", "details", "review"], "review")).toBeUndefined();
  });

  it("finds the first unanswered step before the review", () => {
    expect(
      firstUnanswered({
        discipline: true,
        location: "l1",
        service: "t1",
        practitioner: "*",
        time: {},
        details: true,
      }),
    ).toBe(undefined);
    expect(
      firstUnanswered({ discipline: true, location: "l1", practitioner: "*", time: {}, details: true }),
    ).toBe("service");
    expect(firstUnanswered({ discipline: true })).toBe("location");
    expect(firstUnanswered({})).toBe("discipline");
  });

  it("waits for the returning answer only when the step is listed", () => {
    const rest = {
      discipline: true,
      location: "l1",
      service: "t1",
      practitioner: "*",
      time: {},
      details: true,
    };
    // Not listed (the controller lists it only while the step is asked): never waited for.
    expect(firstUnanswered(rest)).toBe(undefined);
    expect(firstUnanswered({ ...rest, returning: false })).toBe("returning");
    expect(firstUnanswered({ ...rest, returning: true })).toBe(undefined);
    // It comes after the location and before the service.
    expect(firstUnanswered({ discipline: true, location: "l1", returning: false })).toBe("returning");
    expect(firstUnanswered({ discipline: true, returning: false })).toBe("location");
  });

  it("settles on a shown step that is not ahead of an unanswered one", () => {
    const shown = ["service", "time", "details", "review"] as const;
    // A hidden step gives way to the next shown one (or the times).
    expect(settledStep("location", shown, undefined)).toBe("service");
    expect(settledStep("practitioner", shown, undefined)).toBe("time");
    expect(settledStep("location", [], undefined)).toBe("time");
    // Never ahead of the first unanswered step; staying on it or before it is fine.
    expect(settledStep("review", shown, "service")).toBe("service");
    expect(settledStep("service", shown, "time")).toBe("service");
    // The confirmation stays.
    expect(settledStep("done", shown, "location")).toBe("done");
  });
});

describe("disciplines", () => {
  const withDisciplines = (patch: Partial<FlowInputs> = {}) =>
    inputs({
      profile: {
        ...profile(3),
        disciplines: [
          { id: "physio", name: "Physiotherapy" },
          { id: "psych", name: "Psychology" },
        ],
      },
      ...patch,
    });
  const staff = (id: string, locationIds: string[], disciplineIds: string[]) => ({
    id,
    locationIds,
    appointmentTypeIds: ["t1"],
    disciplineIds,
  });

  it("asks first when the clinic has disciplines; not without them, nor when the attribute preselects one", () => {
    expect(visibleSteps(withDisciplines())[0]).toBe("discipline");
    expect(visibleSteps(inputs({}))).not.toContain("discipline");
    expect(visibleSteps(withDisciplines({ discipline: "psych" }))).not.toContain("discipline");
    // A preselected practitioner already says which kind of help.
    expect(visibleSteps(withDisciplines({ practitioner: "a" }))).not.toContain("discipline");
    // An id the clinic does not have falls back to the question.
    expect(visibleSteps(withDisciplines({ discipline: "astrology" }))[0]).toBe("discipline");
  });

  it("offers only the locations where the chosen discipline works", () => {
    const everyone = [staff("a", ["l0", "l1"], ["physio"]), staff("b", ["l2"], ["psych"])];
    expect(offeredLocations(withDisciplines({ everyone, disciplineId: "psych" })).map((l) => l.id)).toEqual([
      "l2",
    ]);
    expect(lockedLocation(withDisciplines({ everyone, disciplineId: "psych" }))?.id).toBe("l2");
    expect(offeredLocations(withDisciplines({ everyone, disciplineId: "physio" })).map((l) => l.id)).toEqual([
      "l0",
      "l1",
    ]);
  });
});

describe('"Have you seen us before?"', () => {
  it("is asked after the location and before the service when some service is for new or existing patients", () => {
    const types = [{ id: "t1", audience: "new" }, { id: "t2", audience: "all" }, { id: "t3" }];
    expect(visibleSteps(inputs({ types }))).toEqual([
      "location",
      "returning",
      "service",
      "practitioner",
      "time",
      "details",
      "review",
    ]);
    expect(visibleSteps(inputs({ types: [{ id: "t1", audience: "existing" }] }))).toContain("returning");
    expect(stepAfter(visibleSteps(inputs({ types })), "location")).toBe("returning");
    expect(stepAfter(visibleSteps(inputs({ types })), "returning")).toBe("service");
  });

  it("is not asked when every service is for anyone, names no audience, or the list is not loaded", () => {
    const anyone: { id: string; audience?: string }[] = [{ id: "t1", audience: "all" }, { id: "t2" }];
    expect(someAudience(anyone)).toBe(false);
    expect(someAudience([])).toBe(false);
    expect(someAudience(undefined)).toBe(false);
    expect(visibleSteps(inputs({ types: [{ id: "t1", audience: "all" }] }))).not.toContain("returning");
    expect(visibleSteps(inputs({}))).not.toContain("returning");
  });
});
