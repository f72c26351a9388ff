import { describe, expect, it } from "vitest";
import { day, directory, record } from "../../test/fixtures.js";
import { toDayAppointment } from "./build-day.js";

describe("toDayAppointment", () => {
  it("shows each time in its location's zone and names type and location", () => {
    // 09:00 in Melbourne (+11:00 in December) is 08:00 in Brisbane (+10:00, no DST).
    const a = toDayAppointment(
      record("09:00", "09:30", { locationId: "LOC-HAM", appointmentTypeId: "TYPE-INIT" }),
      directory,
      () => "S.C.",
      "Australia/Melbourne",
    );
    expect(a).toMatchObject({
      startTime: "08:00",
      endTime: "08:30",
      zone: "Australia/Brisbane",
      locationName: "Harbourside Hamilton",
      typeName: "Initial consultation",
      patient: "S.C.",
    });
  });

  it("never carries subject or notes, even when the record has them", () => {
    const withPrivate = { ...record("10:00", "10:30"), subject: "CHEN Mei 01/02/1980", notes: "knee pain" };
    const a = toDayAppointment(withPrivate, directory, () => "M.C.", "Australia/Melbourne");
    expect(JSON.stringify(a)).not.toMatch(/CHEN Mei|1980|knee/);
  });

  it("accepts coreplus's spelling with a space before the offset", () => {
    const a = toDayAppointment(
      record("09:00", "09:30", {
        startDateTime: "2026-12-03T09:00:00 +11:00",
        endDateTime: "2026-12-03T09:45:00 +11:00",
      }),
      directory,
      () => "?",
      "Australia/Melbourne",
    );
    expect([a.startTime, a.endTime]).toEqual(["09:00", "09:45"]);
  });
});

describe("buildPractitionerDay", () => {
  it("orders appointments and finds the gaps between them", () => {
    const d = day([
      record("11:00", "11:30"),
      record("09:00", "10:00"),
      record("10:00", "10:30"),
      record("12:00", "12:30"),
    ]);
    const lines = d.items.map((i) =>
      i.kind === "gap" ? `free ${i.gap.startTime}-${i.gap.endTime}` : i.appointment.startTime,
    );
    expect(lines).toEqual(["09:00", "10:00", "free 10:30-11:00", "11:00", "free 11:30-12:00", "12:00"]);
    expect(d.activeCount).toBe(4);
    expect(d.cancelledCount).toBe(0);
  });

  it("lists cancelled appointments but treats their time as free", () => {
    const d = day([
      record("09:00", "10:00"),
      record("10:00", "11:00", { status: "Cancelled" }),
      record("11:00", "12:00"),
    ]);
    const lines = d.items.map((i) =>
      i.kind === "gap"
        ? `free ${i.gap.startTime}-${i.gap.endTime}`
        : `${i.appointment.startTime} ${i.appointment.status}`,
    );
    expect(lines).toEqual(["09:00 Booked", "free 10:00-11:00", "10:00 Cancelled", "11:00 Booked"]);
    expect([d.activeCount, d.cancelledCount]).toEqual([2, 1]);
  });

  it("ignores overlaps and changeovers shorter than five minutes", () => {
    const d = day([record("09:00", "10:00"), record("09:30", "09:45"), record("10:03", "10:30")]);
    expect(d.items.filter((i) => i.kind === "gap")).toEqual([]);
  });

  it("gives an empty day no items", () => {
    expect(day([])).toMatchObject({ items: [], activeCount: 0, cancelledCount: 0 });
  });
});
