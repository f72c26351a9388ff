/** Small hand-made clinic data for unit tests (integration tests use the real sandbox). */
import { type AppointmentRecord, buildPractitionerDay, toDayAppointment } from "../src/day/build-day.js";
import type { ClinicDirectory, DayAnswer, DayAppointment, PractitionerDay } from "../src/types.js";

export const MELB = "39d62534-501c-49cd-9da9-6fa8d6a81f48";
export const BRIS = "b4a3c1a2-0a6f-4c55-9d7e-2b1f0c7f1a02";

export const directory: ClinicDirectory = {
  locations: [
    { id: "loc-dock", name: "Harbourside Docklands", zone: "Australia/Melbourne", timezoneId: MELB },
    { id: "loc-ham", name: "Harbourside Hamilton", zone: "Australia/Brisbane", timezoneId: BRIS },
  ],
  practitioners: [
    {
      id: "p-chen",
      name: "Mei Chen",
      firstName: "Mei",
      lastName: "Chen",
      email: "mei.chen@clinic.example",
      aliases: ["Mei Chen", "Dr Mei Chen"],
    },
    {
      id: "p-russo",
      name: "Marco Russo",
      firstName: "Marco",
      lastName: "Russo",
      email: "marco@clinic.example",
      aliases: ["Marco Russo"],
    },
  ],
  appointmentTypeNames: new Map([
    ["type-init", "Initial consultation"],
    ["type-std", "Standard consultation"],
  ]),
};

let counter = 0;
/** An appointment record at a Melbourne local time on 2026-12-03 (AEDT, +11:00) unless told otherwise. */
export function record(start: string, end: string, over: Partial<AppointmentRecord> = {}): AppointmentRecord {
  counter += 1;
  return {
    appointmentId: `appt-${String(counter).padStart(4, "0")}`,
    status: "Booked",
    practitioner: { practitionerId: "p-chen" },
    locationId: "loc-dock",
    appointmentTypeId: "type-std",
    startDateTime: `2026-12-03T${start}:00+11:00`,
    endDateTime: `2026-12-03T${end}:00+11:00`,
    clients: [{ clientId: `client-${counter}` }],
    ...over,
  };
}

/** Maps records with every patient labelled "A.B.". */
export function appointments(records: AppointmentRecord[]): DayAppointment[] {
  return records.map((r) => toDayAppointment(r, directory, () => "A.B.", "Australia/Melbourne"));
}

/** A practitioner's day from records. */
export function day(
  records: AppointmentRecord[],
  practitioner = { id: "p-chen", name: "Mei Chen" },
): PractitionerDay {
  return buildPractitionerDay(practitioner, appointments(records));
}

/** A one-practitioner answer for 2026-12-03. */
export function answerFor(
  days: PractitionerDay[],
  scope: DayAnswer["scope"] = { kind: "practitioner", practitioner: { id: "p-chen", name: "Mei Chen" } },
): DayAnswer {
  return { date: "2026-12-03", zone: "Australia/Melbourne", scope, days, unknownPatients: 0 };
}

/** `n` back-to-back 15-minute appointments from 07:00, with a gap after every third. */
export function longDay(n: number, practitionerId = "p-chen"): AppointmentRecord[] {
  const out: AppointmentRecord[] = [];
  let minutes = 7 * 60;
  for (let i = 0; i < n; i += 1) {
    const hh = (m: number) =>
      `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    // Keep every appointment on the same local day.
    const start = minutes % (17 * 60);
    out.push(record(hh(start), hh(start + 10), { practitioner: { practitionerId } }));
    minutes += i % 3 === 2 ? 30 : 15;
  }
  return out;
}
