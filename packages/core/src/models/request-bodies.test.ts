import { describe, expect, test } from "vitest";
import {
  AppointmentBook,
  AppointmentCancel,
  AppointmentTypeCreate,
  AppointmentUpdate,
  ClientCreate,
  ClientFamily,
  ClientFamilyCreate,
  ClientUpdate,
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

describe("request bodies", () => {
  const minimalClient = { firstName: "Sam", lastName: "Citizen", dateOfBirth: "1990-02-03" };

  test("ClientCreate: documented enums, lengths and case-insensitive names", () => {
    const parsed = ClientCreate.parse({
      ...minimalClient,
      ExternalId: "EXT-1",
      Status: "Current",
      pronoun: "they",
      title: "Acs Prof",
      gender: "",
      postalSameAsResidential: "false",
      addressResidential: { streetAddress: "1 A St", city: "Carlton", postcode: "3053", state: "VIC" },
      unknown: "ignored",
    });
    expect(parsed).toMatchObject({
      externalId: "EXT-1",
      status: "Current",
      pronouns: "they",
      title: "Acs Prof",
      postalSameAsResidential: false,
    });
    expect(parsed.addressResidential?.suburb).toBe("Carlton");
    expect(parsed).not.toHaveProperty("unknown");
    expect(ClientCreate.parse({ externalId: "a", ExternalId: "b", ...minimalClient }).externalId).toBe("a");
  });

  test("ClientCreate rejects bad data with paths", () => {
    expect(
      failurePaths(ClientCreate.safeParse({ lastName: "x".repeat(51), dateOfBirth: "1990-13-01" })),
    ).toEqual(["firstName", "lastName", "dateOfBirth"]);
    const bad = ClientCreate.safeParse({
      ...minimalClient,
      title: "Sir",
      gender: "male",
      pronouns: "it",
      status: "Active",
      culture: "x".repeat(21),
      medicareCardIRN: "12",
      notes1: "n".repeat(301),
      email: `${"e".repeat(45)}@x.com`,
      postalSameAsResidential: "yes",
    });
    expect(failurePaths(bad).sort()).toEqual(
      [
        "title",
        "gender",
        "pronouns",
        "status",
        "culture",
        "medicareCardIRN",
        "notes1",
        "email",
        "postalSameAsResidential",
      ].sort(),
    );
  });

  test("ClientUpdate takes any subset", () => {
    expect(ClientUpdate.parse({ PhoneNumberMobile: "0400 111 222" })).toEqual({
      phoneNumberMobile: "0400 111 222",
    });
    expect(ClientUpdate.parse({})).toEqual({});
    expect(failurePaths(ClientUpdate.safeParse({ firstName: "" }))).toEqual(["firstName"]);
  });

  const booking = {
    startDateTime: "2025-05-20T09:00:00+10:00",
    endDateTime: "2025-05-20T09:30:00+10:00",
    practitioner: { practitionerId: ID.prac },
    locationId: ID.loc,
    clients: [{ clientId: ID.client }],
    appointmentTypeId: ID.type,
    subject: "s",
    notes: "n",
    isEmailReminderRequired: false,
    isSmsReminderRequired: "true",
    notifyPractitioner: "False",
  };

  test("AppointmentBook: the documented body, string booleans, nested reminder flags", () => {
    expect(AppointmentBook.parse(booking)).toEqual({
      ...booking,
      isSmsReminderRequired: true,
      notifyPractitioner: false,
    });
    const nested = AppointmentBook.parse({
      ...booking,
      isEmailReminderRequired: undefined,
      isSmsReminderRequired: undefined,
      startDateTime: "2025-05-20 09:00 +10:00",
      appointmentReminder: { isEmailReminderRequired: "true", isSmsReminderRequired: false },
    });
    expect(nested).toMatchObject({
      isEmailReminderRequired: true,
      isSmsReminderRequired: false,
      startDateTime: "2025-05-20T09:00:00+10:00",
    });
    const flat = AppointmentBook.parse({ ...booking, practitioner: undefined, practitionerId: ID.prac });
    expect(flat.practitioner).toEqual({ practitionerId: ID.prac });
  });

  test("AppointmentBook rejects bad bookings with paths", () => {
    expect(
      failurePaths(AppointmentBook.safeParse({ ...booking, startDateTime: "2025-05-20T09:00:00" })),
    ).toEqual(["startDateTime"]);
    expect(
      failurePaths(AppointmentBook.safeParse({ ...booking, endDateTime: "2025-05-20T09:00:00+10:00" })),
    ).toEqual(["endDateTime"]);
    expect(failurePaths(AppointmentBook.safeParse({ ...booking, clients: [] }))).toEqual(["clients"]);
    expect(
      failurePaths(
        AppointmentBook.safeParse({
          ...booking,
          clients: [{ clientId: ID.client }, { clientId: ID.client }],
        }),
      ),
    ).toEqual(["clients"]);
    expect(
      failurePaths(AppointmentBook.safeParse({ ...booking, notes: "x".repeat(301), locationId: undefined })),
    ).toEqual(["locationId", "notes"]);
  });

  test("AppointmentUpdate: any subset, flat practitionerId, end after start", () => {
    expect(AppointmentUpdate.parse({ practitionerId: ID.prac, notes: "moved" })).toEqual({
      practitioner: { practitionerId: ID.prac },
      notes: "moved",
    });
    expect(AppointmentUpdate.parse({ startDateTime: "2026-10-04T03:00+11:00" })).toEqual({
      startDateTime: "2026-10-04T03:00:00+11:00",
    });
    expect(
      failurePaths(
        AppointmentUpdate.safeParse({
          startDateTime: "2026-10-04T10:00:00+11:00",
          endDateTime: "2026-10-04T09:00:00+11:00",
        }),
      ),
    ).toEqual(["endDateTime"]);
  });

  test("AppointmentCancel: both forms", () => {
    expect(AppointmentCancel.parse({ deleted: true })).toEqual({ deleted: true });
    expect(AppointmentCancel.parse({ appointmentId: ID.appt.toUpperCase(), deleted: "true" })).toEqual({
      appointmentId: ID.appt,
      deleted: true,
    });
    expect(
      AppointmentCancel.parse({ deleted: true, cancellationReasonId: ID.type, cancellationNotes: "sick" }),
    ).toMatchObject({
      cancellationNotes: "sick",
    });
    expect(failurePaths(AppointmentCancel.safeParse({ deleted: false }))).toEqual(["deleted"]);
    expect(failurePaths(AppointmentCancel.safeParse({ appointmentId: ID.appt }))).toEqual(["deleted"]);
  });

  test("AppointmentTypeCreate", () => {
    expect(
      AppointmentTypeCreate.parse({ description: "Follow-up", durationMinutes: "30", blockColour: "00FF00" }),
    ).toEqual({
      description: "Follow-up",
      durationMinutes: 30,
      blockColour: "00FF00",
    });
    expect(
      failurePaths(AppointmentTypeCreate.safeParse({ durationMinutes: 121, blockColour: "red" })).sort(),
    ).toEqual(["blockColour", "description", "durationMinutes"].sort());
  });

  test("ClientFamilyCreate: both clientId forms, case-insensitive names, string booleans, documented enums and lengths", () => {
    const names = { firstName: "Anna", surname: "Kowalski" };
    expect(ClientFamilyCreate.parse({ clientId: ID.client.toUpperCase(), ...names })).toEqual({
      clientId: ID.client,
      ...names,
    });
    expect(
      ClientFamilyCreate.parse({
        ClientId: { ClientId: ID.client },
        FirstName: "Anna",
        Surname: "Kowalski",
        Title: "Mx",
        DateOfBirth: "1984-02-29",
        EmergencyContact: "true",
        mainContact: false,
        postcode: 3016,
      }),
    ).toEqual({
      clientId: ID.client,
      ...names,
      title: "Mx",
      dateOfBirth: "1984-02-29",
      emergencyContact: true,
      mainContact: false,
      postcode: "3016",
    });
    expect(
      failurePaths(
        ClientFamilyCreate.safeParse({
          clientId: { id: ID.client },
          firstName: "",
          title: "Prof",
          dateOfBirth: "29/02/1984",
          medicareCardNumber: "1".repeat(21),
          medicareCardIRN: "12",
          notes: "n".repeat(301),
          invoiceRecipient: "yes",
        }),
      ).sort(),
    ).toEqual(
      [
        "clientId",
        "firstName",
        "surname",
        "title",
        "dateOfBirth",
        "medicareCardNumber",
        "medicareCardIRN",
        "notes",
        "invoiceRecipient",
      ].sort(),
    );
  });

  test("ClientFamily reads the documented answer (S11): empty strings, booleans as strings, no clientId", () => {
    const parsed = ClientFamily.parse({
      familyId: ID.appt.toUpperCase(),
      firstName: "aki",
      surname: "smith",
      title: "",
      relationship: "",
      dateOfBirth: "",
      postcode: 3016,
      notes: null,
      emergencyContact: "false",
      invoiceRecipient: false,
      mainContact: "true",
    });
    expect(parsed).toMatchObject({
      familyId: ID.appt,
      surname: "smith",
      postcode: "3016",
      notes: "",
      mobile: "",
      emergencyContact: false,
      mainContact: true,
    });
    expect(parsed.dateOfBirth).toBeUndefined();
    expect(parsed.clientId).toBeUndefined();
    expect(ClientFamily.parse({ familyId: ID.appt, dateOfBirth: "1984-02-29T00:00:00" }).dateOfBirth).toBe(
      "1984-02-29",
    );
    expect(failurePaths(ClientFamily.safeParse({ firstName: "aki" }))).toEqual(["familyId"]);
  });
});
