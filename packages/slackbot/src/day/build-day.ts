/**
 * Pure assembly of a day: coreplus appointment records in, the bot's privacy-safe view out
 * (times in each location's zone, type and location names, patient labels, gaps).
 */
import { formatInZone, parseCoreplusDateTime } from "@coreplus-kit/core";
import type { ClinicDirectory, DayAppointment, DayItem, PractitionerDay } from "../types.js";

/**
 * The fields of a coreplus appointment the bot reads. `subject` and `notes` are absent on purpose:
 * they often hold the patient's full name and date of birth.
 */
export interface AppointmentRecord {
  appointmentId: string;
  status: string;
  practitioner: { practitionerId: string; firstName?: string | undefined; lastName?: string | undefined };
  locationId: string;
  appointmentTypeId?: string | null | undefined;
  startDateTime: string;
  endDateTime: string;
  clients?: readonly { clientId: string }[] | undefined;
}

/** Gaps shorter than this are changeover time, not worth a line. */
export const MIN_GAP_MINUTES = 5;

const hhmm = (instant: Date, zone: string): string => formatInZone(instant, zone).slice(11, 16);

/** True for a cancelled status, whatever its case. */
export function isCancelled(status: string): boolean {
  return status.toLowerCase() === "cancelled";
}

/** What an appointment's type is shown as when types are hidden (SLACK_SHOW_TYPES off) or unknown. */
export const GENERIC_TYPE_NAME = "Appointment";

/**
 * The type name the bot may show: the coreplus type's name, or "Appointment" when `showTypes` is off
 * (a type such as "Pelvic floor assessment" can itself be health information) or the type is unknown.
 */
export function typeLabel(
  directory: ClinicDirectory,
  typeId: string | null | undefined,
  showTypes = true,
): string {
  if (!showTypes || !typeId) return GENERIC_TYPE_NAME;
  return directory.appointmentTypeNames.get(typeId.toLowerCase()) || GENERIC_TYPE_NAME;
}

/** Maps one record to what the bot shows; `patientOf` gives the label for a client id. */
export function toDayAppointment(
  record: AppointmentRecord,
  directory: ClinicDirectory,
  patientOf: (clientId: string) => string,
  fallbackZone: string,
  showTypes = true,
): DayAppointment {
  const location = directory.locations.find((l) => sameId(l.id, record.locationId));
  const zone = location?.zone ?? fallbackZone;
  const start = parseCoreplusDateTime(record.startDateTime).instant;
  const end = parseCoreplusDateTime(record.endDateTime).instant;
  const patients = (record.clients ?? []).map((c) => patientOf(c.clientId));
  return {
    id: record.appointmentId,
    start,
    end,
    startTime: hhmm(start, zone),
    endTime: hhmm(end, zone),
    zone,
    locationId: record.locationId,
    locationName: location?.name ?? "Unknown location",
    typeName: typeLabel(directory, record.appointmentTypeId, showTypes),
    status: record.status,
    patient: patients.length === 0 ? "—" : patients.join(", "),
  };
}

/** coreplus ids are GUIDs whose case varies between endpoints. */
export function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * One practitioner's day in time order, with the free stretches between appointments. Cancelled
 * appointments are listed (marked as such) but do not occupy time, so their slot shows as free.
 */
export function buildPractitionerDay(
  practitioner: { id: string; name: string },
  appointments: readonly DayAppointment[],
): PractitionerDay {
  const sorted = [...appointments].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id),
  );
  const timed: { at: number; order: number; item: DayItem }[] = [];
  let busyUntil: { at: Date; zone: string } | undefined;
  for (const a of sorted) {
    timed.push({ at: a.start.getTime(), order: 1, item: { kind: "appointment", appointment: a } });
    if (isCancelled(a.status)) continue;
    if (busyUntil !== undefined) {
      const minutes = Math.round((a.start.getTime() - busyUntil.at.getTime()) / 60_000);
      if (minutes >= MIN_GAP_MINUTES) {
        timed.push({
          at: busyUntil.at.getTime(),
          order: 0,
          item: {
            kind: "gap",
            gap: { startTime: hhmm(busyUntil.at, a.zone), endTime: a.startTime, minutes },
          },
        });
      }
    }
    if (busyUntil === undefined || a.end.getTime() > busyUntil.at.getTime()) {
      busyUntil = { at: a.end, zone: a.zone };
    }
  }
  timed.sort((x, y) => x.at - y.at || x.order - y.order);
  const cancelledCount = sorted.filter((a) => isCancelled(a.status)).length;
  return {
    practitioner,
    items: timed.map((t) => t.item),
    activeCount: sorted.length - cancelledCount,
    cancelledCount,
  };
}
