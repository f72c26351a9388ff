/**
 * Appointment history for the test controls: each create, update and cancel made through the API,
 * with the business time and the fields it changed. Lets a test see exactly what reached "coreplus"
 * (one reschedule, not two; the same appointment moved, not a new one booked).
 */
import { formatInZone } from "@coreplus-kit/core";
import type { SandboxStore } from "./store.js";
import type { AppointmentHistoryEntry, AppointmentRecord, HistoryValue } from "./types.js";

type Tracked = Record<string, HistoryValue>;

/** The fields a history entry compares, times in the appointment's location's zone. */
export function trackedFields(store: SandboxStore, a: AppointmentRecord): Tracked {
  const zone = store.location(a.locationId)?.zone ?? "Australia/Melbourne";
  return {
    status: a.status,
    startDateTime: formatInZone(a.start, zone),
    endDateTime: formatInZone(a.end, zone),
    practitionerId: a.practitionerId,
    locationId: a.locationId,
    appointmentTypeId: a.appointmentTypeId,
    subject: a.subject,
    notes: a.notes,
    notifyPractitioner: a.notifyPractitioner,
    isEmailReminderRequired: a.isEmailReminderRequired,
    isSmsReminderRequired: a.isSmsReminderRequired,
    cancellationReasonId: a.cancellationReasonId,
    cancellationNotes: a.cancellationNotes,
  };
}

/**
 * Records a change when something changed: `before` is undefined for a create (every field is then
 * "changed" from null). A change that changes nothing leaves no entry.
 */
export function recordChange(
  store: SandboxStore,
  now: number,
  action: AppointmentHistoryEntry["action"],
  before: Tracked | undefined,
  after: AppointmentRecord,
): void {
  const current = trackedFields(store, after);
  const changes: AppointmentHistoryEntry["changes"] = {};
  for (const [field, to] of Object.entries(current)) {
    const from = before === undefined ? null : (before[field] ?? null);
    if (before === undefined || from !== to) changes[field] = { from, to };
  }
  if (before !== undefined && Object.keys(changes).length === 0) return;
  store.recordHistory(after.appointmentId, { at: new Date(now).toISOString(), action, changes });
}
