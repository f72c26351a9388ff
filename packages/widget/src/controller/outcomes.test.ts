import { describe, expect, it } from "vitest";
import { EdgeRequestError } from "../api/edge-error.ts";
import type { BookingSummary, PublicSlot } from "../api/types.ts";
import { enAU } from "../messages/en-au.ts";
import { afterBookingError, bookedDetail } from "./after-booking.ts";
import { errorDetail, slotDetail } from "./outcomes.ts";

const slot: PublicSlot = {
  locationId: "loc-1",
  practitionerId: "pr-1",
  start: "2026-12-09T10:30:00+11:00",
  end: "2026-12-09T11:00:00+11:00",
};
const state = { chosen: slot, refresh: 2 };
const zone = "Australia/Melbourne";

describe("where a failed booking leads", () => {
  it("a slot taken meanwhile goes back to the times around it, with a notice and a reload", () => {
    const taken = new EdgeRequestError("ERR_SLOT_UNAVAILABLE", 409, "slot-unavailable");
    expect(afterBookingError(taken, state, enAU, zone, "2026-12-02")).toEqual({
      step: "time",
      patch: {
        chosen: undefined,
        notice: enAU.slotTaken,
        weekFrom: "2026-12-09",
        day: "2026-12-09",
        refresh: 3,
        returnToReview: true,
      },
    });
    // The week never starts before today.
    expect(afterBookingError(taken, state, enAU, zone, "2026-12-10").patch.weekFrom).toBe("2026-12-10");
  });

  it("the edge API's field errors go to the details with the summary", () => {
    const invalid = new EdgeRequestError("ERR_VALIDATION", 422, "validation", [
      { pointer: "/patient/email", code: "invalid_format", detail: "must be an email address" },
      { pointer: "/unknown", code: "x", detail: "ignored" },
    ]);
    expect(afterBookingError(invalid, state, enAU, zone, "2026-12-02")).toEqual({
      step: "details",
      patch: { errors: { email: enAU.error.emailFormat }, showSummary: true, returnToReview: true },
    });
  });

  it("anything else stays on the review as a failure there", () => {
    for (const e of [
      new EdgeRequestError("ERR_UPSTREAM", 503),
      new EdgeRequestError("ERR_VALIDATION", 422, "validation", [{ pointer: "/x", code: "x", detail: "" }]),
      new TypeError("bug"),
    ]) {
      expect(afterBookingError(e, state, enAU, zone, "2026-12-02")).toEqual({ patch: { bookFailure: e } });
    }
  });
});

describe("event details", () => {
  it("reports a failure the visitor saw, never an abort or a non-edge error", () => {
    const e = new EdgeRequestError("ERR_RATE_LIMITED", 429);
    expect(errorDetail(e, "c", "time", "availability")).toEqual({
      clinic: "c",
      code: "ERR_RATE_LIMITED",
      status: 429,
      step: "time",
      operation: "availability",
      retryable: true,
    });
    expect(errorDetail(new EdgeRequestError("ERR_NETWORK"), "c", "time", "profile")).not.toHaveProperty(
      "status",
    );
    expect(errorDetail(new EdgeRequestError("ERR_ABORTED"), "c", "time", "availability")).toBeUndefined();
    expect(errorDetail(new Error("x"), "c", "time", "availability")).toBeUndefined();
  });

  it("keeps only what identifies the booking and the slot", () => {
    const booking = {
      reference: "HB-1",
      start: slot.start,
      end: slot.end,
      timezone: zone,
      location: { id: "loc-1", name: "Southbank", address: "1 Main St", phone: "03 9000 0000" },
      practitioner: { id: "pr-1", displayName: "Dr A" },
      appointmentType: { id: "t", name: "Initial", durationMinutes: 30, extra: "dropped" },
      reminders: { email: true, sms: false },
    } as unknown as BookingSummary;
    expect(bookedDetail("c", booking)).toEqual({
      clinic: "c",
      reference: "HB-1",
      start: slot.start,
      end: slot.end,
      timezone: zone,
      location: { id: "loc-1", name: "Southbank" },
      practitioner: { id: "pr-1", displayName: "Dr A" },
      appointmentType: { id: "t", name: "Initial", durationMinutes: 30 },
      reminders: { email: true, sms: false },
    });
    expect(slotDetail("c", slot, { typeId: "t", practitionerId: "*" }, zone)).toEqual({
      clinic: "c",
      locationId: "loc-1",
      appointmentTypeId: "t",
      practitionerId: "pr-1",
      anyPractitioner: true,
      start: slot.start,
      end: slot.end,
      timezone: zone,
    });
  });
});
