import { describe, expect, it } from "vitest";
import type { ClinicProfile } from "../api/types.ts";
import { type FlowInputs, lockedId, lockedLocation, stepAfter, visibleSteps } from "./flow.ts";

const loc = (id: string) => ({ id, name: id, timezone: "Australia/Melbourne", address: "", phone: "" });
const profile = (n: number): ClinicProfile => ({
  slug: "c",
  name: "C",
  locations: Array.from({ length: n }, (_, i) => loc(`l${i}`)),
  rules: { minNoticeMinutes: 0, maxDaysAhead: 60 },
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
    expect(lockedLocation(profile(2), "l1")?.id).toBe("l1");
    expect(lockedLocation(profile(2), "nope")).toBeUndefined();
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

  it("finds the next visible step", () => {
    expect(stepAfter(["location", "time", "details", "review"], "location")).toBe("time");
    expect(stepAfter(["time", "details", "review"], "review")).toBeUndefined();
  });
});
