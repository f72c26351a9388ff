import { describe, expect, test } from "vitest";
import {
  Address,
  Appointment,
  AppointmentType,
  AvailabilitySlot,
  ClientDetail,
  ClientSummary,
  CoreplusDate,
  CoreplusDateTime,
  Guid,
  Location,
  listEnvelope,
  Paging,
  Practitioner,
  ResultError,
  StatusMessages,
  wrappedOrBare,
} from "./index.js";

const ID = {
  loc: "0a1b2c3d-0000-4000-8000-000000000001",
  prac: "0a1b2c3d-0000-4000-8000-000000000002",
  type: "0a1b2c3d-0000-4000-8000-000000000003",
  client: "0a1b2c3d-0000-4000-8000-000000000004",
  appt: "0a1b2c3d-0000-4000-8000-000000000005",
  tz: "39d62534-501c-49cd-9da9-6fa8d6a81f48",
};

/** The paths of a failed parse, joined with ".". */
function failurePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => i.path.map(String).join("."));
}

describe("building blocks", () => {
  test("Guid accepts any case and lower-cases; rejects non-GUIDs", () => {
    expect(Guid.parse(ID.tz.toUpperCase())).toBe(ID.tz);
    expect(Guid.safeParse("loc-1").success).toBe(false);
    expect(Guid.safeParse(42).success).toBe(false);
  });

  test("CoreplusDateTime normalises every spelling and rejects a missing offset", () => {
    for (const s of ["2025-05-20T09:00:00 +10:00", "2025-05-20T09:00+10:00", "2025-05-20 09:00 +10:00"]) {
      expect(CoreplusDateTime.parse(s)).toBe("2025-05-20T09:00:00+10:00");
    }
    expect(CoreplusDateTime.parse("2025-05-19T23:00:00Z")).toBe("2025-05-19T23:00:00+00:00");
    expect(CoreplusDateTime.safeParse("2025-05-20T09:00:00").success).toBe(false);
  });

  test("CoreplusDate reads both spellings", () => {
    expect(CoreplusDate.parse("1990-02-03T00:00:00")).toBe("1990-02-03");
    expect(CoreplusDate.parse("1990-02-03")).toBe("1990-02-03");
    expect(CoreplusDate.safeParse("1990-02-30").success).toBe(false);
    expect(CoreplusDate.safeParse("1990-02-03T10:00:00").success).toBe(false);
  });

  test("Paging, StatusMessages and ResultError", () => {
    expect(Paging.parse({ pageNumber: 1, totalRows: 3, pageSize: 50, extra: 1 })).toEqual({
      pageNumber: 1,
      totalRows: 3,
      pageSize: 50,
    });
    expect(StatusMessages.parse([])).toEqual([]);
    expect(ResultError.parse({ result: [{ severity: 2, reason: "Not found" }] })).toEqual({
      result: [{ severity: 2, reason: "Not found" }],
    });
    expect(failurePaths(Paging.safeParse({ pageNumber: "1", pageSize: 50, totalRows: 1 }))).toEqual([
      "pageNumber",
    ]);
  });

  test("listEnvelope and wrappedOrBare", () => {
    const Clients = listEnvelope("clients", ClientSummary.pick({ clientId: true }));
    expect(Clients.parse({ clients: [{ clientId: ID.client }] })).toEqual({
      clients: [{ clientId: ID.client }],
    });
    expect(Clients.parse({ clients: [], paging: null, statusMessages: [] }).paging).toBeUndefined();
    expect(failurePaths(Clients.safeParse({ clients: [{ clientId: "x" }] }))).toEqual(["clients.0.clientId"]);
    const One = wrappedOrBare("client", ClientSummary.pick({ clientId: true }));
    expect(One.parse({ client: { clientId: ID.client } })).toEqual({ clientId: ID.client });
    expect(One.parse({ clientId: ID.client })).toEqual({ clientId: ID.client });
  });
});

describe("response resources", () => {
  test("Location: tzName backslashes, address, unknown fields dropped", () => {
    const loc = Location.parse({
      locationId: ID.loc.toUpperCase(),
      name: "Harbourside Physio",
      timeZone: { timezoneId: ID.tz, tzName: "Australia\\Melbourne" },
      address: { streetAddress: "1 Bay St", suburb: "Port Melbourne", state: "VIC", postcode: 3207 },
      phoneNumber: null,
      somethingNew: true,
    });
    expect(loc).toEqual({
      locationId: ID.loc,
      name: "Harbourside Physio",
      timeZone: { timezoneId: ID.tz, tzName: "Australia/Melbourne" },
      address: {
        streetAddress: "1 Bay St",
        suburb: "Port Melbourne",
        city: "Port Melbourne",
        state: "VIC",
        postcode: "3207",
      },
    });
    expect(
      failurePaths(Location.safeParse({ locationId: ID.loc, name: "x", timeZone: { tzName: "A/B" } })),
    ).toEqual(["timeZone.timezoneId"]);
  });

  test("Address accepts city or suburb and exposes both", () => {
    expect(Address.parse({ city: "Carlton" })).toMatchObject({ city: "Carlton", suburb: "Carlton" });
    expect(Address.parse({ Suburb: "Fitzroy", StreetAddress: "2 Rose St" })).toMatchObject({
      city: "Fitzroy",
      suburb: "Fitzroy",
      streetAddress: "2 Rose St",
    });
  });

  test("Practitioner", () => {
    expect(
      Practitioner.parse({
        practitionerId: ID.prac,
        firstName: "Ava",
        lastName: "Nguyen",
        title: "Dr",
        locationIds: [ID.loc],
      }),
    ).toEqual({
      practitionerId: ID.prac,
      firstName: "Ava",
      lastName: "Nguyen",
      title: "Dr",
      locationIds: [ID.loc],
    });
    expect(failurePaths(Practitioner.safeParse({ practitionerId: ID.prac, firstName: "Ava" }))).toEqual([
      "lastName",
    ]);
  });

  test("AppointmentType: durationMinutes as number or numeric string", () => {
    const base = { appointmentTypeId: ID.type, description: "Initial consult", blockColour: "#FF0000" };
    expect(AppointmentType.parse({ ...base, durationMinutes: 45 }).durationMinutes).toBe(45);
    expect(
      AppointmentType.parse({ ...base, durationMinutes: "30", practitionerId: null }).durationMinutes,
    ).toBe(30);
    expect(failurePaths(AppointmentType.safeParse({ ...base, durationMinutes: "thirty" }))).toEqual([
      "durationMinutes",
    ]);
  });

  const summary = {
    clientId: ID.client,
    title: "Mr",
    firstName: "Sam",
    middleName: "",
    lastName: "Citizen",
    preferredName: "Sammy",
    gender: "Male",
    dateOfBirth: "1990-02-03T00:00:00",
    practitionerId: null,
    culture: "",
    pronouns: "he",
    relatedClients: [],
  };

  test("ClientSummary: the list example, nulls tolerated", () => {
    expect(ClientSummary.parse({ ...summary, mysteryField: 1 })).toEqual({
      ...summary,
      dateOfBirth: "1990-02-03",
    });
    const sparse = ClientSummary.parse({
      clientId: ID.client,
      firstName: "A",
      lastName: "B",
      dateOfBirth: "2000-01-01T00:00:00",
      title: null,
    });
    expect(sparse).toMatchObject({ title: "", middleName: "", practitionerId: null, relatedClients: [] });
    expect(failurePaths(ClientSummary.safeParse({ ...summary, dateOfBirth: "03/02/1990" }))).toEqual([
      "dateOfBirth",
    ]);
  });

  test("ClientDetail: contact details and suburb-only addresses", () => {
    const detail = ClientDetail.parse({
      ...summary,
      phoneNumberMobile: "0400 000 000",
      phoneNumberHome: null,
      email: "sam@example.com",
      addressResidential: { streetAddress: "3 Elm St", suburb: "Carlton", state: "VIC", postcode: "3053" },
      postalSameAsResidential: "true",
      medicareCardExpireDate: "2027-01-01T00:00:00",
    });
    expect(detail.addressResidential?.city).toBe("Carlton");
    expect(detail.phoneNumberHome).toBe("");
    expect(detail.phoneNumberWork).toBe("");
    expect(detail.postalSameAsResidential).toBe(true);
    expect(detail.medicareCardExpireDate).toBe("2027-01-01");
  });

  test("AvailabilitySlot", () => {
    expect(
      AvailabilitySlot.parse({
        startDateTime: "2025-05-20T09:00:00+10:00",
        endDateTime: "2025-05-20T12:00:00 +10:00",
        locationId: ID.loc,
        practitionerId: ID.prac,
      }),
    ).toEqual({
      startDateTime: "2025-05-20T09:00:00+10:00",
      endDateTime: "2025-05-20T12:00:00+10:00",
      locationId: ID.loc,
      practitionerId: ID.prac,
    });
    expect(
      failurePaths(
        AvailabilitySlot.safeParse({
          startDateTime: "2025-05-20T09:00:00",
          endDateTime: "x",
          locationId: ID.loc,
        }),
      ),
    ).toEqual(["startDateTime", "endDateTime"]);
  });

  test("Appointment: the spaced spelling, reference number, unknown status passed through", () => {
    const appt = Appointment.parse({
      appointmentId: ID.appt,
      appointmentReferenceNumber: 100234,
      status: "Attended",
      practitioner: { practitionerId: ID.prac, firstName: "Ava", lastName: "Nguyen" },
      subject: "CITIZEN Sam 03/02/1990",
      notes: "",
      locationId: ID.loc,
      appointmentTypeId: ID.type,
      startDateTime: "2025-05-20T09:00:00 +10:00",
      endDateTime: "2025-05-20T09:30:00 +10:00",
      clients: [{ clientId: ID.client }],
      notifyPractitioner: false,
      futureField: {},
    });
    expect(appt.startDateTime).toBe("2025-05-20T09:00:00+10:00");
    expect(appt.appointmentReferenceNumber).toBe("100234");
    expect(Appointment.parse({ ...appt, status: "Rescheduled" }).status).toBe("Rescheduled");
    expect(
      Appointment.parse({ ...appt, appointmentTypeId: null, notifyPractitioner: undefined }),
    ).toMatchObject({
      appointmentTypeId: null,
      notifyPractitioner: false,
    });
    expect(
      failurePaths(Appointment.safeParse({ ...appt, clients: [{ clientId: "nope" }], status: "" })),
    ).toEqual(["status", "clients.0.clientId"]);
  });
});
