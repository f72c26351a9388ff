/**
 * Store records → coreplus JSON. Each endpoint's date-time spelling lives here: appointments with a
 * space before the offset, availability slots without, dates of birth as "YYYY-MM-DDT00:00:00".
 */
import { formatInZone } from "@coreplus-kit/core";
import type { Slot } from "../availability.js";
import type {
  AddressRecord,
  AppointmentRecord,
  AppointmentTypeRecord,
  ClientRecord,
  FamilyJson,
  FamilyRecord,
  LocationRecord,
  PractitionerRecord,
} from "../types.js";

/** A location as coreplus sends it. */
export function locationJson(l: LocationRecord): Record<string, unknown> {
  return {
    locationId: l.locationId,
    name: l.name,
    timeZone: { timezoneId: l.timezoneId, tzName: l.zone },
    address: { ...l.address },
    phoneNumber: l.phoneNumber,
  };
}

/** A practitioner as coreplus sends it. */
export function practitionerJson(p: PractitionerRecord): Record<string, unknown> {
  return {
    practitionerId: p.practitionerId,
    title: p.title,
    firstName: p.firstName,
    lastName: p.lastName,
    displayName: p.displayName,
    email: p.email,
    locationIds: [...p.locationIds],
  };
}

/** An appointment type; restrictions are null when unset. */
export function appointmentTypeJson(t: AppointmentTypeRecord): Record<string, unknown> {
  return {
    appointmentTypeId: t.appointmentTypeId,
    description: t.description,
    durationMinutes: t.durationMinutes,
    blockColour: t.blockColour,
    practitionerId: t.practitionerId,
    locationId: t.locationId,
    clientGroupId: t.clientGroupId,
  };
}

function dateTimeOfDate(date: string): string | null {
  return date === "" ? null : `${date}T00:00:00`;
}

function addressJson(a: AddressRecord): Record<string, string> {
  return {
    streetAddress: a.streetAddress,
    suburb: a.suburb,
    city: a.suburb,
    state: a.state,
    postcode: a.postcode,
  };
}

/** A client in a list (dateOfBirth as "YYYY-MM-DDT00:00:00"). */
export function clientSummaryJson(c: ClientRecord): Record<string, unknown> {
  return {
    clientId: c.clientId,
    title: c.title,
    firstName: c.firstName,
    middleName: c.middleName,
    lastName: c.lastName,
    preferredName: c.preferredName,
    gender: c.gender,
    dateOfBirth: dateTimeOfDate(c.dateOfBirth),
    practitionerId: c.practitionerId,
    culture: c.culture,
    pronouns: c.pronouns,
    relatedClients: c.relatedClients.map((clientId) => ({ clientId })),
  };
}

/** A client by id (unwrapped, as coreplus sends it): the summary plus contact, address and cards. */
export function clientDetailJson(c: ClientRecord): Record<string, unknown> {
  return {
    ...clientSummaryJson(c),
    phoneNumberMobile: c.phoneNumberMobile,
    phoneNumberHome: c.phoneNumberHome,
    phoneNumberWork: c.phoneNumberWork,
    email: c.email,
    addressResidential: addressJson(c.addressResidential),
    addressPostal: addressJson(c.addressPostal),
    postalSameAsResidential: c.postalSameAsResidential,
    externalId: c.externalId,
    status: c.status,
    medicareCardNumber: c.medicareCardNumber,
    medicareCardIRN: c.medicareCardIRN,
    medicareCardExpireDate: dateTimeOfDate(c.medicareCardExpireDate),
    dvaCardNumber: c.dvaCardNumber,
    notes1: c.notes1,
  };
}

/** A family record as coreplus answers it (S11): every field, "" when unset. */
export function familyJson(f: FamilyRecord): FamilyJson {
  const { createdAt: _, ...fields } = f;
  return { ...fields, dateOfBirth: f.dateOfBirth === "" ? "" : `${f.dateOfBirth}T00:00:00` };
}

/** What to include in an appointment beyond the always-present fields. */
export interface AppointmentJsonOptions {
  /** Names of the practitioner (`getPractitionerProfiles=true`). */
  practitioner?: PractitionerRecord | undefined;
  /** cancellationReasonId and cancellationNotes (`cancellationId=true`). */
  cancellation?: boolean;
}

/** An appointment with its times in `zone`, spelled "YYYY-MM-DDTHH:mm:ss +HH:MM". */
export function appointmentJson(
  a: AppointmentRecord,
  zone: string,
  opts: AppointmentJsonOptions = {},
): Record<string, unknown> {
  const practitioner: Record<string, unknown> = { practitionerId: a.practitionerId };
  if (opts.practitioner) {
    practitioner.firstName = opts.practitioner.firstName;
    practitioner.lastName = opts.practitioner.lastName;
  }
  const out: Record<string, unknown> = {
    appointmentId: a.appointmentId,
    appointmentReferenceNumber: a.appointmentReferenceNumber,
    status: a.status,
    practitioner,
    subject: a.subject,
    notes: a.notes,
    locationId: a.locationId,
    appointmentTypeId: a.appointmentTypeId,
    startDateTime: formatInZone(a.start, zone, { space: true }),
    endDateTime: formatInZone(a.end, zone, { space: true }),
    clients: [{ clientId: a.clientId }],
    notifyPractitioner: a.notifyPractitioner,
    isEmailReminderRequired: a.isEmailReminderRequired,
    isSmsReminderRequired: a.isSmsReminderRequired,
  };
  if (opts.cancellation) {
    out.cancellationReasonId = a.cancellationReasonId;
    out.cancellationNotes = a.cancellationNotes;
  }
  return out;
}

/** A free slot in `zone`, spelled "YYYY-MM-DDTHH:mm:ss+HH:MM" (no space). */
export function slotJson(s: Slot, zone: string, appointmentTypeId?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    startDateTime: formatInZone(s.start, zone),
    endDateTime: formatInZone(s.end, zone),
    locationId: s.locationId,
    practitionerId: s.practitionerId,
  };
  if (appointmentTypeId) out.appointmentTypeId = appointmentTypeId;
  return out;
}
