/** Shared types of the sandbox: its options, its public handle and the records its store holds. */

/** The three coreplus credentials the sandbox accepts. */
export interface SandboxCredentials {
  consumerId: string;
  consumerSecret: string;
  accessToken: string;
}

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** Seed of the generated clinic (default 1); the same seed always gives the same data. */
  seed?: number;
  /** Business clock source (default `() => new Date()`); JWT checks always use the wall clock. */
  now?: () => Date;
  /** Credentials the sandbox accepts (default: the development defaults of `@coreplus-kit/core/dev`). */
  credentials?: SandboxCredentials;
  /** 10 requests per second per consumer, then 429 with `Retry-After: 1` (default true). */
  rateLimit?: boolean;
  /** Bearer token guarding `/_sandbox/*` (default `DEV_SANDBOX_ADMIN_TOKEN`). */
  adminToken?: string;
}

/** The business clock: the wall clock (or the injected `now`) plus an adjustable offset. */
export interface SandboxClock {
  now(): Date;
  /** Moves business time to `d`; it keeps ticking from there. */
  set(d: Date): void;
  advance(ms: number): void;
  /** Back to the source clock (offset 0). */
  reset(): void;
}

/** Day of the week, 0 = Sunday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Street address as the sandbox stores it (`suburb` is coreplus's read-side name for `city`). */
export interface AddressRecord {
  streetAddress: string;
  suburb: string;
  state: string;
  postcode: string;
}

/** A location as stored. */
export interface LocationRecord {
  locationId: string;
  name: string;
  timezoneId: string;
  /** IANA zone, e.g. "Australia/Melbourne". */
  zone: string;
  address: AddressRecord;
  phoneNumber: string;
}

/** A practitioner as stored. */
export interface PractitionerRecord {
  practitionerId: string;
  title: string;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string;
  /** What they practise, e.g. "Physiotherapist" (not a coreplus field; used for the README and summaries). */
  profession: string;
  locationIds: string[];
  /** Tags matched by the availability `specialtyId` filter. */
  specialtyIds: string[];
}

/** An appointment type as stored (null: not restricted). */
export interface AppointmentTypeRecord {
  appointmentTypeId: string;
  description: string;
  durationMinutes: number;
  blockColour: string;
  practitionerId: string | null;
  locationId: string | null;
  clientGroupId: string | null;
}

/** One working period: every `weekday`, or on one `date`, from `start` to `end` local time ("HH:mm"; end may be "24:00"). */
export interface RosterEntry {
  practitionerId: string;
  locationId: string;
  weekday?: Weekday;
  date?: string;
  start: string;
  end: string;
}

/** Genders coreplus accepts. */
export type ClientGender = "Male" | "Female" | "Other" | "";
/** Client statuses; Deleted hides a client from lists. */
export type ClientStatus = "Current" | "Closed" | "Deleted" | "Deceased";

/** A client as stored (dates "YYYY-MM-DD", "" when unset). */
export interface ClientRecord {
  clientId: string;
  title: string;
  firstName: string;
  middleName: string;
  lastName: string;
  preferredName: string;
  gender: ClientGender;
  /** "YYYY-MM-DD". */
  dateOfBirth: string;
  practitionerId: string | null;
  culture: string;
  pronouns: string;
  relatedClients: string[];
  phoneNumberMobile: string;
  phoneNumberHome: string;
  phoneNumberWork: string;
  email: string;
  addressResidential: AddressRecord;
  addressPostal: AddressRecord;
  postalSameAsResidential: boolean;
  externalId: string;
  status: ClientStatus;
  medicareCardNumber: string;
  medicareCardIRN: string;
  /** "YYYY-MM-DD" or "". */
  medicareCardExpireDate: string;
  dvaCardNumber: string;
  notes1: string;
  /** Business-clock ms of the last change (for `modifiedSince`). */
  modifiedAt: number;
}

/** Appointment statuses the sandbox uses. */
export type AppointmentStatus = "Booked" | "Attended" | "Cancelled" | "DNA";

/** An appointment as stored (times as epoch ms). */
export interface AppointmentRecord {
  appointmentId: string;
  appointmentReferenceNumber: string;
  status: AppointmentStatus;
  practitionerId: string;
  locationId: string;
  appointmentTypeId: string | null;
  clientId: string;
  /** Epoch ms. */
  start: number;
  /** Epoch ms. */
  end: number;
  subject: string;
  notes: string;
  notifyPractitioner: boolean;
  isEmailReminderRequired: boolean;
  isSmsReminderRequired: boolean;
  cancellationReasonId: string | null;
  cancellationNotes: string | null;
}

/** A family member or carer recorded on a client (coreplus-api.md §4.4a), as stored ("" when unset). */
export interface FamilyRecord {
  familyId: string;
  clientId: string;
  title: string;
  firstName: string;
  surname: string;
  /** "YYYY-MM-DD" or "". */
  dateOfBirth: string;
  relationship: string;
  medicareCardNumber: string;
  medicareCardIRN: string;
  homePhone: string;
  workPhone: string;
  mobile: string;
  email: string;
  address: string;
  suburb: string;
  postcode: string;
  notes: string;
  emergencyContact: boolean;
  invoiceRecipient: boolean;
  mainContact: boolean;
  /** Business-clock ms of the create. */
  createdAt: number;
}

/** A family record as the sandbox answers it: the record's fields, dateOfBirth "YYYY-MM-DDT00:00:00" or "". */
export type FamilyJson = Omit<FamilyRecord, "createdAt">;

/** A value in an appointment's history: times "YYYY-MM-DDTHH:mm:ss+HH:MM" in the location's zone. */
export type HistoryValue = string | boolean | null;

/** One change to an appointment through the API. */
export interface AppointmentHistoryEntry {
  /** Business-clock time of the change (ISO, UTC). */
  at: string;
  action: "created" | "updated" | "cancelled";
  /** Each field that changed, with its value before and after (`from` is null on create). */
  changes: Record<string, { from: HistoryValue; to: HistoryValue }>;
}

/** Handy facts about the seeded clinic, for tests and other packages. */
export interface SeedSummary {
  seed: number;
  clinicName: string;
  locations: { locationId: string; name: string; timezoneId: string; zone: string; phoneNumber: string }[];
  practitioners: {
    practitionerId: string;
    displayName: string;
    firstName: string;
    lastName: string;
    email: string;
    profession: string;
    locationIds: string[];
    /** Values the availability `specialtyId` filter matches (one per profession). */
    specialtyIds: string[];
  }[];
  appointmentTypes: {
    appointmentTypeId: string;
    description: string;
    durationMinutes: number;
    practitionerId: string | null;
    locationId: string | null;
  }[];
  clientCount: number;
  appointmentCount: number;
}
