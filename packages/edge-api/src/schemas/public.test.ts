import { describe, expect, test } from "vitest";
import { AvailabilityQuery, BookingRequest, CalendarDate, OffsetDateTime } from "./public.js";

const valid = {
  slot: {
    locationId: "loc-1",
    practitionerId: "prac-1",
    appointmentTypeId: "type-1",
    start: "2026-12-01T09:00:00+11:00",
  },
  patient: {
    firstName: "Ada",
    lastName: "Lovelace",
    dateOfBirth: "1990-02-03",
    email: "ada@example.com",
    mobile: "0400 000 000",
  },
  consent: true,
};

describe("public schemas", () => {
  test("accept the documented booking body", () => {
    expect(BookingRequest.safeParse(valid).success).toBe(true);
  });

  test("refuse a booking without consent, with a bad email or too few mobile digits", () => {
    expect(BookingRequest.safeParse({ ...valid, consent: false }).success).toBe(false);
    const badEmail = { ...valid, patient: { ...valid.patient, email: "nope" } };
    expect(BookingRequest.safeParse(badEmail).success).toBe(false);
    const badMobile = { ...valid, patient: { ...valid.patient, mobile: "1234" } };
    expect(BookingRequest.safeParse(badMobile).success).toBe(false);
  });

  test("dates must be real and date-times must carry an offset", () => {
    expect(CalendarDate.safeParse("2026-02-29").success).toBe(false);
    expect(CalendarDate.safeParse("2028-02-29").success).toBe(true);
    expect(OffsetDateTime.safeParse("2026-12-01T09:00:00").success).toBe(false);
    expect(OffsetDateTime.safeParse("2026-12-01T09:00Z").success).toBe(true);
  });

  test("availability needs a location, a type and a range", () => {
    expect(AvailabilityQuery.safeParse({ locationId: "a", appointmentTypeId: "b" }).success).toBe(false);
    expect(
      AvailabilityQuery.safeParse({
        locationId: "a",
        appointmentTypeId: "b",
        from: "2026-12-01",
        to: "2026-12-07",
      }).success,
    ).toBe(true);
  });
});
