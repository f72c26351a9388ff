/**
 * The fixed shape of "Harbourside Health": its locations, practitioners, rosters and appointment types.
 * Ids are not here: the seed draws them from its seeded RNG. Phone numbers use the ranges Australia
 * reserves for fiction (area code + 5550 xxxx); emails use the reserved `.example` domain.
 */
import type { Weekday } from "../types.js";

/** The clinic group's name. */
export const CLINIC_NAME = "Harbourside Health";

/** Internal handles of the locations. */
export type LocationKey = "docklands" | "williamstown" | "hamilton" | "portAdelaide";

/** One location of the clinic group. */
export interface LocationDef {
  key: LocationKey;
  name: string;
  zone: string;
  streetAddress: string;
  suburb: string;
  state: string;
  postcode: string;
  phoneNumber: string;
}

/** The locations, in zones that differ (DST and not, a half-hour offset too). */
export const LOCATIONS: readonly LocationDef[] = [
  {
    key: "docklands",
    name: "Harbourside Health Docklands",
    zone: "Australia/Melbourne",
    streetAddress: "Level 2, 818 Bourke Street",
    suburb: "Docklands",
    state: "VIC",
    postcode: "3008",
    phoneNumber: "03 5550 1200",
  },
  {
    key: "williamstown",
    name: "Harbourside Health Williamstown",
    zone: "Australia/Melbourne",
    streetAddress: "41 Nelson Place",
    suburb: "Williamstown",
    state: "VIC",
    postcode: "3016",
    phoneNumber: "03 5550 1300",
  },
  {
    key: "hamilton",
    name: "Harbourside Health Hamilton",
    zone: "Australia/Brisbane",
    streetAddress: "Suite 4, 12 Racecourse Road",
    suburb: "Hamilton",
    state: "QLD",
    postcode: "4007",
    phoneNumber: "07 5550 1400",
  },
  {
    key: "portAdelaide",
    name: "Harbourside Health Port Adelaide",
    zone: "Australia/Adelaide",
    streetAddress: "27 Commercial Road",
    suburb: "Port Adelaide",
    state: "SA",
    postcode: "5015",
    phoneNumber: "08 5550 1500",
  },
];

/** A weekly shift: days of the week (0 = Sunday) and local hours. */
export interface ShiftDef {
  at: LocationKey;
  days: readonly Weekday[];
  start: string;
  end: string;
}

/** Internal handles of the practitioners. */
export type PractitionerKey =
  | "nguyen"
  | "oconnor"
  | "sharma"
  | "wilson"
  | "thompson"
  | "chen"
  | "russo"
  | "mitchell"
  | "papadopoulos";

/** One practitioner and their weekly shifts. */
export interface PractitionerDef {
  key: PractitionerKey;
  title: string;
  firstName: string;
  lastName: string;
  email: string;
  profession: string;
  specialty: string;
  shifts: readonly ShiftDef[];
}

const MON = 1;
const TUE = 2;
const WED = 3;
const THU = 4;
const FRI = 5;
const SAT = 6;
const SUN = 0;

/**
 * Part-time staff; every location has someone rostered every day of the week, with shorter weekend
 * hours. Lunch breaks are gaps between two shifts on the same day.
 */
export const PRACTITIONERS: readonly PractitionerDef[] = [
  {
    key: "nguyen",
    title: "Dr",
    firstName: "Amelia",
    lastName: "Nguyen",
    email: "amelia.nguyen@harbourside.example",
    profession: "Clinical Psychologist",
    specialty: "psychology",
    shifts: [
      { at: "docklands", days: [MON, TUE, THU], start: "09:00", end: "12:30" },
      { at: "docklands", days: [MON, TUE, THU], start: "13:30", end: "17:00" },
      { at: "docklands", days: [SUN], start: "09:00", end: "13:00" },
    ],
  },
  {
    key: "oconnor",
    title: "Mr",
    firstName: "Liam",
    lastName: "O'Connor",
    email: "liam.oconnor@harbourside.example",
    profession: "Physiotherapist",
    specialty: "physiotherapy",
    shifts: [
      { at: "docklands", days: [MON, WED, FRI], start: "08:00", end: "16:00" },
      { at: "williamstown", days: [TUE, THU], start: "09:00", end: "17:00" },
    ],
  },
  {
    key: "sharma",
    title: "Ms",
    firstName: "Priya",
    lastName: "Sharma",
    email: "priya.sharma@harbourside.example",
    profession: "Physiotherapist",
    specialty: "physiotherapy",
    shifts: [
      { at: "williamstown", days: [MON, WED, FRI], start: "09:00", end: "17:00" },
      { at: "williamstown", days: [SAT], start: "09:00", end: "12:00" },
      { at: "docklands", days: [TUE], start: "12:00", end: "18:00" },
    ],
  },
  {
    key: "wilson",
    title: "Ms",
    firstName: "Charlotte",
    lastName: "Wilson",
    email: "charlotte.wilson@harbourside.example",
    profession: "Dietitian",
    specialty: "dietetics",
    shifts: [
      { at: "docklands", days: [WED, FRI], start: "10:00", end: "18:00" },
      { at: "docklands", days: [SAT], start: "08:00", end: "13:00" },
      { at: "williamstown", days: [SUN], start: "10:00", end: "13:00" },
    ],
  },
  {
    key: "papadopoulos",
    title: "Mr",
    firstName: "Nick",
    lastName: "Papadopoulos",
    email: "nick.papadopoulos@harbourside.example",
    profession: "Exercise Physiologist",
    specialty: "exercise-physiology",
    shifts: [
      { at: "williamstown", days: [MON, WED], start: "12:00", end: "18:00" },
      { at: "docklands", days: [THU], start: "08:00", end: "14:00" },
    ],
  },
  {
    key: "thompson",
    title: "Mr",
    firstName: "Jack",
    lastName: "Thompson",
    email: "jack.thompson@harbourside.example",
    profession: "Exercise Physiologist",
    specialty: "exercise-physiology",
    shifts: [
      { at: "hamilton", days: [MON, TUE, WED, THU], start: "08:00", end: "16:00" },
      { at: "hamilton", days: [SAT], start: "08:00", end: "12:00" },
    ],
  },
  {
    key: "chen",
    title: "Dr",
    firstName: "Mei",
    lastName: "Chen",
    email: "mei.chen@harbourside.example",
    profession: "Psychologist",
    specialty: "psychology",
    shifts: [
      { at: "hamilton", days: [THU, FRI], start: "09:00", end: "17:00" },
      { at: "hamilton", days: [SUN], start: "09:00", end: "12:00" },
    ],
  },
  {
    key: "russo",
    title: "Mr",
    firstName: "Marco",
    lastName: "Russo",
    email: "marco.russo@harbourside.example",
    profession: "Podiatrist",
    specialty: "podiatry",
    shifts: [
      { at: "portAdelaide", days: [MON, TUE, WED], start: "09:00", end: "17:30" },
      { at: "portAdelaide", days: [SAT], start: "09:00", end: "12:00" },
    ],
  },
  {
    key: "mitchell",
    title: "Ms",
    firstName: "Sophie",
    lastName: "Mitchell",
    email: "sophie.mitchell@harbourside.example",
    profession: "Occupational Therapist",
    specialty: "occupational-therapy",
    shifts: [
      { at: "portAdelaide", days: [WED], start: "13:00", end: "17:30" },
      { at: "portAdelaide", days: [THU, FRI], start: "09:00", end: "17:30" },
      { at: "portAdelaide", days: [SUN], start: "10:00", end: "13:00" },
    ],
  },
];

/** Internal handles of the appointment types. */
export type AppointmentTypeKey = "initial" | "standard" | "extended" | "psychology" | "hydrotherapy";

/** One appointment type, optionally restricted to a practitioner or a location. */
export interface AppointmentTypeDef {
  key: AppointmentTypeKey;
  description: string;
  durationMinutes: number;
  blockColour: string;
  practitioner?: PractitionerKey;
  location?: LocationKey;
  /** Relative weight when the seed books this type. */
  weight: number;
}

/** The appointment types. */
export const APPOINTMENT_TYPES: readonly AppointmentTypeDef[] = [
  {
    key: "initial",
    description: "Initial Consultation",
    durationMinutes: 60,
    blockColour: "#2E86AB",
    weight: 2,
  },
  {
    key: "standard",
    description: "Standard Consultation",
    durationMinutes: 30,
    blockColour: "#3BB273",
    weight: 6,
  },
  {
    key: "extended",
    description: "Extended Consultation",
    durationMinutes: 45,
    blockColour: "#E1BC29",
    weight: 2,
  },
  {
    key: "psychology",
    description: "Psychology Session (Dr Amelia Nguyen)",
    durationMinutes: 50,
    blockColour: "#7768AE",
    practitioner: "nguyen",
    weight: 6,
  },
  {
    key: "hydrotherapy",
    description: "Hydrotherapy Session (Williamstown pool)",
    durationMinutes: 45,
    blockColour: "#4DA1A9",
    location: "williamstown",
    weight: 2,
  },
];
