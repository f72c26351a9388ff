/** Shared types of the Slack bot: the clinic as the bot sees it, and a day's answer. */

/** A clinic location, with its IANA zone (times are shown in it). */
export interface ClinicLocation {
  id: string;
  name: string;
  zone: string;
  timezoneId: string;
}

/** A practitioner, named the way staff say it. */
export interface ClinicPractitioner {
  id: string;
  /** "Sarah Chen" (or coreplus's display name when it has one). */
  name: string;
  firstName: string;
  lastName: string;
  email?: string;
  /** Other names staff may type: "first last", the display name. */
  aliases: string[];
  /** Where they work, when coreplus says (narrows which locations are queried for their day). */
  locationIds?: string[];
}

/** Locations, practitioners and appointment type names, loaded from coreplus and cached. */
export interface ClinicDirectory {
  locations: ClinicLocation[];
  practitioners: ClinicPractitioner[];
  appointmentTypeNames: ReadonlyMap<string, string>;
}

/** coreplus appointment statuses, plus whatever else it may send. */
export type AppointmentStatusName = "Booked" | "Attended" | "Cancelled" | "DNA" | (string & {});

/**
 * One appointment as the bot may show it. Deliberately has no subject and no notes: coreplus often
 * puts the patient's full name and date of birth there, so they never get past load-day.ts.
 */
export interface DayAppointment {
  id: string;
  start: Date;
  end: Date;
  /** "HH:mm" in the location's zone. */
  startTime: string;
  endTime: string;
  zone: string;
  locationId: string;
  locationName: string;
  typeName: string;
  status: AppointmentStatusName;
  /** Initials ("S.C.") or, with SLACK_SHOW_CLIENT_NAMES=full, the name; "?" when unknown. */
  patient: string;
}

/** A free stretch between two appointments of one practitioner ("free 11:00–12:00"). */
export interface DayGap {
  startTime: string;
  endTime: string;
  minutes: number;
}

/** An item of a practitioner's day in time order: an appointment or the gap before the next one. */
export type DayItem = { kind: "appointment"; appointment: DayAppointment } | { kind: "gap"; gap: DayGap };

/** One practitioner's appointments on one date. */
export interface PractitionerDay {
  practitioner: { id: string; name: string };
  items: DayItem[];
  /** Appointments that are not cancelled. */
  activeCount: number;
  cancelledCount: number;
}

/** Everything one answer shows: a date, whose day, and each practitioner's appointments. */
export interface DayAnswer {
  /** "YYYY-MM-DD". */
  date: string;
  /** The bot's zone (SLACK_TIMEZONE); a time in another zone is marked with its zone. */
  zone: string;
  scope: { kind: "practitioner"; practitioner: { id: string; name: string } } | { kind: "all" };
  location?: { id: string; name: string };
  days: PractitionerDay[];
  /** Patients whose record could not be read are shown as "?"; this counts them. */
  unknownPatients: number;
}
