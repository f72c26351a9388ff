/**
 * Builds the "Harbourside Health" data set from a seed number and the business clock. Locations,
 * practitioners, types and clients depend on the seed only (so their ids are stable from day to day);
 * appointments are placed around "today" in each location's zone: busy past weeks, a realistic today,
 * and a thinning diary over the coming four weeks, which leaves plenty of free slots to book.
 */
import { addDays, dateInZone, timezoneIdFor } from "@coreplus-kit/core";
import { freeBlocks, localInstant } from "../availability.js";
import { createRng, type Rng, streamSeed } from "../internal/rng.js";
import { byKeys } from "../internal/sort.js";
import { SandboxStore, type StoreSnapshot } from "../store.js";
import type {
  AppointmentRecord,
  AppointmentStatus,
  AppointmentTypeRecord,
  ClientRecord,
  LocationRecord,
  PractitionerRecord,
  SeedSummary,
} from "../types.js";
import { generateClients } from "./clients.js";
import { APPOINTMENT_TYPES, CLINIC_NAME, LOCATIONS, type LocationKey, PRACTITIONERS } from "./clinic.js";
import { APPOINTMENT_NOTES } from "./people.js";

const MINUTE = 60_000;
/** Days before and after today that get appointments. */
const PAST_DAYS = 14;
const FUTURE_DAYS = 28;

/** The default subject coreplus shows: "LASTNAME First dd/MM/yyyy". */
export function defaultSubject(client: Pick<ClientRecord, "firstName" | "lastName" | "dateOfBirth">): string {
  const [y, m, d] = client.dateOfBirth.split("-");
  return `${client.lastName.toUpperCase()} ${client.firstName} ${d}/${m}/${y}`;
}

/** Share of rostered time that is booked, by day offset from today. */
function occupancy(dayOffset: number): number {
  if (dayOffset < 0) return 0.8;
  if (dayOffset === 0) return 0.72;
  if (dayOffset <= 7) return 0.55 - 0.05 * dayOffset;
  if (dayOffset <= 14) return 0.16;
  return 0.07;
}

/** The whole seeded state for `seed`, with appointments placed around `now` (business clock). */
export function buildSeed(seed: number, now: Date): StoreSnapshot {
  const store = new SandboxStore(streamSeed(seed, "runtime"));
  const rng = createRng(streamSeed(seed, "entities"));
  const locationIds = new Map<LocationKey, string>();

  for (const def of LOCATIONS) {
    const timezoneId = timezoneIdFor(def.zone);
    if (!timezoneId) throw new Error(`seed: no coreplus timezoneId for ${def.zone}`);
    const location: LocationRecord = {
      locationId: rng.uuid(),
      name: def.name,
      timezoneId,
      zone: def.zone,
      address: {
        streetAddress: def.streetAddress,
        suburb: def.suburb,
        state: def.state,
        postcode: def.postcode,
      },
      phoneNumber: def.phoneNumber,
    };
    locationIds.set(def.key, location.locationId);
    store.locations.set(location.locationId, location);
  }

  const specialtyIds = new Map<string, string>();
  for (const def of PRACTITIONERS) {
    if (!specialtyIds.has(def.specialty)) specialtyIds.set(def.specialty, rng.uuid());
  }
  const practitionerIds = new Map<string, string>();
  for (const def of PRACTITIONERS) {
    const practitioner: PractitionerRecord = {
      practitionerId: rng.uuid(),
      title: def.title,
      firstName: def.firstName,
      lastName: def.lastName,
      displayName: `${def.title === "Dr" ? "Dr " : ""}${def.firstName} ${def.lastName}`,
      email: def.email,
      profession: def.profession,
      locationIds: [],
      specialtyIds: [specialtyIds.get(def.specialty) as string],
    };
    practitionerIds.set(def.key, practitioner.practitionerId);
    store.practitioners.set(practitioner.practitionerId, practitioner);
    for (const shift of def.shifts) {
      for (const weekday of shift.days) {
        store.addRoster({
          practitionerId: practitioner.practitionerId,
          locationId: locationIds.get(shift.at) as string,
          weekday,
          start: shift.start,
          end: shift.end,
        });
      }
    }
  }

  for (const def of APPOINTMENT_TYPES) {
    const type: AppointmentTypeRecord = {
      appointmentTypeId: rng.uuid(),
      description: def.description,
      durationMinutes: def.durationMinutes,
      blockColour: def.blockColour,
      practitionerId: def.practitioner ? (practitionerIds.get(def.practitioner) as string) : null,
      locationId: def.location ? (locationIds.get(def.location) as string) : null,
      clientGroupId: null,
    };
    store.appointmentTypes.set(type.appointmentTypeId, type);
  }

  const cancellationReasons = [rng.uuid(), rng.uuid(), rng.uuid()];
  const clients = generateClients(rng, store, locationIds, now.getTime());
  for (const client of clients) store.clients.set(client.clientId, client);

  placeAppointments(store, createRng(streamSeed(seed, "appointments")), now.getTime(), cancellationReasons);
  return store.snapshot();
}

function placeAppointments(store: SandboxStore, rng: Rng, now: number, cancellationReasons: string[]): void {
  const clients = [...store.clients.values()].filter((c) => c.status === "Current");
  const byPractitioner = new Map<string, ClientRecord[]>();
  for (const c of clients) {
    if (!c.practitionerId) continue;
    const list = byPractitioner.get(c.practitionerId) ?? [];
    list.push(c);
    byPractitioner.set(c.practitionerId, list);
  }
  const types = [...store.appointmentTypes.values()];
  const weights = new Map(
    APPOINTMENT_TYPES.map((def, i) => [types[i]?.appointmentTypeId ?? "", def.weight] as const),
  );
  const placed: AppointmentRecord[] = [];

  for (const location of store.locations.values()) {
    const today = dateInZone(now, location.zone);
    for (let offset = -PAST_DAYS; offset <= FUTURE_DAYS; offset++) {
      const date = addDays(today, offset);
      const dayStart = localInstant(date, "00:00", location.zone);
      const dayEnd = localInstant(date, "24:00", location.zone);
      for (const practitioner of store.practitioners.values()) {
        const usable = types.filter(
          (t) =>
            (!t.practitionerId || t.practitionerId === practitioner.practitionerId) &&
            (!t.locationId || t.locationId === location.locationId),
        );
        for (const block of freeBlocks(
          store,
          practitioner.practitionerId,
          location.locationId,
          dayStart,
          dayEnd,
        )) {
          let cursor = block.start;
          while (cursor < block.end) {
            if (!rng.chance(occupancy(offset))) {
              cursor += rng.pick([15, 30, 30, 60]) * MINUTE;
              continue;
            }
            const type = pickWeighted(rng, usable, weights);
            const end = cursor + type.durationMinutes * MINUTE;
            if (end > block.end) break;
            const pool = byPractitioner.get(practitioner.practitionerId);
            const client = pool && pool.length > 0 && rng.chance(0.75) ? rng.pick(pool) : rng.pick(clients);
            placed.push(
              makeAppointment(rng, {
                client,
                practitionerId: practitioner.practitionerId,
                locationId: location.locationId,
                type,
                start: cursor,
                end,
                now,
                cancellationReasons,
              }),
            );
            cursor = end;
          }
        }
      }
    }
  }
  placed.sort((a, b) => a.start - b.start || (a.appointmentId < b.appointmentId ? -1 : 1));
  for (const a of placed) {
    a.appointmentReferenceNumber = store.nextReferenceNumber();
    store.appointments.set(a.appointmentId, a);
  }
}

function pickWeighted(
  rng: Rng,
  types: AppointmentTypeRecord[],
  weights: Map<string, number>,
): AppointmentTypeRecord {
  const total = types.reduce((sum, t) => sum + (weights.get(t.appointmentTypeId) ?? 1), 0);
  let roll = rng.next() * total;
  for (const t of types) {
    roll -= weights.get(t.appointmentTypeId) ?? 1;
    if (roll < 0) return t;
  }
  return types[types.length - 1] as AppointmentTypeRecord;
}

function makeAppointment(
  rng: Rng,
  a: {
    client: ClientRecord;
    practitionerId: string;
    locationId: string;
    type: AppointmentTypeRecord;
    start: number;
    end: number;
    now: number;
    cancellationReasons: string[];
  },
): AppointmentRecord {
  const roll = rng.next();
  let status: AppointmentStatus;
  if (a.end <= a.now) status = roll < 0.86 ? "Attended" : roll < 0.91 ? "DNA" : "Cancelled";
  else status = roll < 0.93 ? "Booked" : "Cancelled";
  const cancelled = status === "Cancelled";
  return {
    appointmentId: rng.uuid(),
    appointmentReferenceNumber: "",
    status,
    practitionerId: a.practitionerId,
    locationId: a.locationId,
    appointmentTypeId: a.type.appointmentTypeId,
    clientId: a.client.clientId,
    start: a.start,
    end: a.end,
    subject: defaultSubject(a.client),
    notes: rng.pick(APPOINTMENT_NOTES),
    notifyPractitioner: rng.chance(0.1),
    isEmailReminderRequired: a.client.email !== "" && rng.chance(0.6),
    isSmsReminderRequired: a.client.phoneNumberMobile !== "" && rng.chance(0.85),
    cancellationReasonId: cancelled ? rng.pick(a.cancellationReasons) : null,
    cancellationNotes: cancelled
      ? rng.pick(["Client unwell", "Clashed with work", "Rescheduled by phone", "Transport fell through"])
      : null,
  };
}

/** Handy facts about the clinic in `store`, sorted the way the API lists them. */
export function summarizeSeed(store: SandboxStore, seed: number): SeedSummary {
  return {
    seed,
    clinicName: CLINIC_NAME,
    locations: [...store.locations.values()]
      .sort(
        byKeys(
          (l) => l.name,
          (l) => l.locationId,
        ),
      )
      .map((l) => ({
        locationId: l.locationId,
        name: l.name,
        timezoneId: l.timezoneId,
        zone: l.zone,
        phoneNumber: l.phoneNumber,
      })),
    practitioners: [...store.practitioners.values()]
      .sort(
        byKeys(
          (p) => p.lastName,
          (p) => p.firstName,
          (p) => p.practitionerId,
        ),
      )
      .map((p) => ({
        practitionerId: p.practitionerId,
        displayName: p.displayName,
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        profession: p.profession,
        locationIds: [...p.locationIds],
        specialtyIds: [...p.specialtyIds],
      })),
    appointmentTypes: [...store.appointmentTypes.values()]
      .sort(
        byKeys(
          (t) => t.description,
          (t) => t.appointmentTypeId,
        ),
      )
      .map((t) => ({
        appointmentTypeId: t.appointmentTypeId,
        description: t.description,
        durationMinutes: t.durationMinutes,
        practitionerId: t.practitionerId,
        locationId: t.locationId,
      })),
    clientCount: [...store.clients.values()].filter((c) => c.status !== "Deleted").length,
    appointmentCount: store.appointments.size,
  };
}
