import { describe, expect, it } from "vitest";
import { EdgeRequestError } from "../api/edge-error.ts";
import type { ManagedBooking } from "../api/manage-types.ts";
import { enAU } from "../messages/en-au.ts";
import { enUS } from "../messages/en-us.ts";
import { manageAU } from "../messages/manage.ts";
import {
  afterChangeError,
  afterLookupError,
  canChange,
  emptyFind,
  lookupRequest,
  managedDetail,
  rescheduledDetail,
  validateFind,
} from "./outcomes.ts";

const booking: ManagedBooking & { patient?: unknown } = {
  reference: "100616",
  start: "2026-12-02T09:00:00+11:00",
  end: "2026-12-02T09:30:00+11:00",
  timezone: "Australia/Melbourne",
  location: { id: "l1", name: "Southbank", address: "12 River Lane", phone: "03 9000 0000" },
  practitioner: { id: "p1", displayName: "Anna Lee" },
  appointmentType: { id: "t1", name: "Follow-up", durationMinutes: 30 },
  reminders: { email: true, sms: true },
  status: "booked",
  changeable: { cancel: true, reschedule: true, until: "2026-12-01T09:00:00+11:00" },
  // Anything the edge API might add never reaches an event.
  patient: { lastName: "Walker" },
};

describe("manage event details", () => {
  it("carry what identifies the appointment and nothing else", () => {
    const detail = managedDetail("c", booking);
    expect(Object.keys(detail).sort()).toEqual(
      [
        "appointmentType",
        "clinic",
        "end",
        "location",
        "practitioner",
        "reference",
        "start",
        "timezone",
      ].sort(),
    );
    expect(JSON.stringify(detail)).not.toContain("Walker");
    expect(JSON.stringify(detail)).not.toContain("River Lane");
    const moved = { ...booking, start: "2026-12-03T10:00:00+11:00", end: "2026-12-03T10:30:00+11:00" };
    expect(rescheduledDetail("c", booking, moved)).toMatchObject({
      start: moved.start,
      previousStart: booking.start,
      previousEnd: booking.end,
    });
  });
});

describe("the find form", () => {
  it("asks for each missing answer, and the date of birth as the details step does", () => {
    expect(validateFind(emptyFind(), enAU, manageAU)).toEqual({
      reference: manageAU.find.errorReference,
      lastName: manageAU.find.errorLastName,
      dob: enAU.error.dob,
    });
    const draft = { reference: " 100616 ", lastName: " Walker ", day: "31", month: "2", year: "1969" };
    expect(validateFind(draft, enAU, manageAU)).toEqual({ dob: enAU.error.dobReal });
    expect(validateFind({ ...draft, day: "" }, enUS, manageAU).dob).toBe("Date of birth must include a day");
    const ok = { ...draft, day: "14", month: "10" };
    expect(validateFind(ok, enAU, manageAU)).toEqual({});
    expect(lookupRequest(ok)).toEqual({ reference: "100616", lastName: "Walker", dateOfBirth: "1969-10-14" });
  });

  it("reads every kind of miss the same, and tells too many tries apart", () => {
    const e = (status: number, type: string, code: ConstructorParameters<typeof EdgeRequestError>[0]) =>
      new EdgeRequestError(code, status, type);
    expect(afterLookupError(e(404, "booking-not-found", "ERR_NOT_FOUND"))).toBe("miss");
    expect(afterLookupError(e(422, "validation", "ERR_VALIDATION"))).toBe("miss");
    expect(afterLookupError(e(429, "rate-limited", "ERR_RATE_LIMITED"))).toBe("too-many");
    expect(afterLookupError(e(503, "upstream-unavailable", "ERR_UPSTREAM"))).toBe("retry");
    expect(afterLookupError(e(422, "challenge-failed", "ERR_REFUSED"))).toBe("retry");
    expect(afterLookupError(new TypeError("bug"))).toBe("retry");
  });
});

describe("a failed change", () => {
  it("leads by the problem type", () => {
    const e = (status: number, type: string, code: ConstructorParameters<typeof EdgeRequestError>[0]) =>
      new EdgeRequestError(code, status, type);
    expect(afterChangeError(e(409, "slot-unavailable", "ERR_SLOT_UNAVAILABLE"))).toBe("slot-taken");
    expect(afterChangeError(e(409, "too-late-to-change", "ERR_REFUSED"))).toBe("too-late");
    expect(afterChangeError(e(409, "booking-cancelled", "ERR_REFUSED"))).toBe("cancelled");
    expect(afterChangeError(e(404, "booking-not-found", "ERR_NOT_FOUND"))).toBe("missing");
    expect(afterChangeError(e(503, "upstream-unavailable", "ERR_UPSTREAM"))).toBe("failure");
  });

  it("offers only what the policy and the status still allow", () => {
    expect(canChange(booking, false)).toEqual({ cancel: true, reschedule: true });
    expect(canChange(booking, true)).toEqual({ cancel: false, reschedule: false });
    expect(canChange({ ...booking, status: "cancelled" }, false)).toEqual({
      cancel: false,
      reschedule: false,
    });
    const onlyCancel = { ...booking, changeable: { ...booking.changeable, reschedule: false } };
    expect(canChange(onlyCancel, false)).toEqual({ cancel: true, reschedule: false });
  });
});
