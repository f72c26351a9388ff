/**
 * The sandbox's in-memory state. Plain records in maps, so a snapshot is plain JSON (state files) and a
 * reset can reload the seed in place: tests keep the same `sandbox.store` object across resets.
 * Everything here is synchronous: in one isolate, a check followed by an insert with no `await` in
 * between is atomic, which is what makes double-booking impossible.
 */
import { createRng, type Rng } from "./internal/rng.js";
import type {
  AppointmentHistoryEntry,
  AppointmentRecord,
  AppointmentTypeRecord,
  ClientRecord,
  FamilyRecord,
  LocationRecord,
  PractitionerRecord,
  RosterEntry,
} from "./types.js";

/** JSON form of the whole store (what `SANDBOX_STATE_FILE` holds). */
export interface StoreSnapshot {
  locations: LocationRecord[];
  practitioners: PractitionerRecord[];
  appointmentTypes: AppointmentTypeRecord[];
  rosters: RosterEntry[];
  clients: ClientRecord[];
  appointments: AppointmentRecord[];
  /** Family records (ClientFamily); absent in state files written before they existed. */
  families: FamilyRecord[];
  /** Changes made through the API, per appointment id (seeded appointments have none). */
  history: Record<string, AppointmentHistoryEntry[]>;
  nextReference: number;
  idState: number;
}

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** In-memory state: locations, practitioners, appointment types, clients, appointments and rosters. */
export class SandboxStore {
  readonly locations = new Map<string, LocationRecord>();
  readonly practitioners = new Map<string, PractitionerRecord>();
  readonly appointmentTypes = new Map<string, AppointmentTypeRecord>();
  readonly clients = new Map<string, ClientRecord>();
  readonly appointments = new Map<string, AppointmentRecord>();
  readonly families = new Map<string, FamilyRecord>();
  readonly history = new Map<string, AppointmentHistoryEntry[]>();
  readonly rosters: RosterEntry[] = [];
  #nextReference = 100001;
  #ids: Rng;

  constructor(idState = 1) {
    this.#ids = createRng(idState);
  }

  /** A fresh lower-case GUID from the seeded id stream (never one already in use). */
  newId(): string {
    for (;;) {
      const id = this.#ids.uuid();
      if (!this.#inUse(id)) return id;
    }
  }

  /** The next appointment reference number (a counter, as digits). */
  nextReferenceNumber(): string {
    const n = this.#nextReference;
    this.#nextReference += 1;
    return String(n);
  }

  location(id: string): LocationRecord | undefined {
    return this.locations.get(id.toLowerCase());
  }
  practitioner(id: string): PractitionerRecord | undefined {
    return this.practitioners.get(id.toLowerCase());
  }
  appointmentType(id: string): AppointmentTypeRecord | undefined {
    return this.appointmentTypes.get(id.toLowerCase());
  }
  client(id: string): ClientRecord | undefined {
    return this.clients.get(id.toLowerCase());
  }
  appointment(id: string): AppointmentRecord | undefined {
    return this.appointments.get(id.toLowerCase());
  }

  /** A client's family records in the order they were created (the map keeps insertion order). */
  familyOf(clientId: string): FamilyRecord[] {
    const id = clientId.toLowerCase();
    return [...this.families.values()].filter((f) => f.clientId === id);
  }

  /** The changes made to an appointment through the API, oldest first. */
  historyOf(appointmentId: string): AppointmentHistoryEntry[] {
    return this.history.get(appointmentId.toLowerCase()) ?? [];
  }

  /** Appends a change to an appointment's history. */
  recordHistory(appointmentId: string, entry: AppointmentHistoryEntry): void {
    const id = appointmentId.toLowerCase();
    this.history.set(id, [...this.historyOf(id), entry]);
  }

  /** Adds a working period (tests use this to roster someone on a given date). */
  addRoster(entry: RosterEntry): void {
    if (!this.practitioner(entry.practitionerId)) throw new RangeError("addRoster: unknown practitionerId");
    if (!this.location(entry.locationId)) throw new RangeError("addRoster: unknown locationId");
    if (!HHMM.test(entry.start) || !HHMM.test(entry.end) || entry.start >= entry.end) {
      throw new RangeError(
        'addRoster: start and end must be "HH:mm" with start < end ("24:00" allowed as end)',
      );
    }
    if ((entry.weekday === undefined) === (entry.date === undefined)) {
      throw new RangeError("addRoster: give exactly one of weekday or date");
    }
    if (entry.date !== undefined && !DATE.test(entry.date))
      throw new RangeError("addRoster: date is YYYY-MM-DD");
    const copy: RosterEntry = {
      ...entry,
      practitionerId: entry.practitionerId.toLowerCase(),
      locationId: entry.locationId.toLowerCase(),
    };
    this.rosters.push(copy);
    const practitioner = this.practitioner(copy.practitionerId);
    if (practitioner && !practitioner.locationIds.includes(copy.locationId)) {
      practitioner.locationIds.push(copy.locationId);
    }
  }

  /** Roster entries of one practitioner at one location. */
  rosterOf(practitionerId: string, locationId: string): RosterEntry[] {
    return this.rosters.filter((r) => r.practitionerId === practitionerId && r.locationId === locationId);
  }

  /** The practitioner's appointments that still occupy time (everything but cancelled ones). */
  activeAppointmentsOf(practitionerId: string, exceptId?: string): AppointmentRecord[] {
    const out: AppointmentRecord[] = [];
    for (const a of this.appointments.values()) {
      if (a.practitionerId === practitionerId && a.status !== "Cancelled" && a.appointmentId !== exceptId) {
        out.push(a);
      }
    }
    return out;
  }

  /** A deep copy of the whole state as plain JSON data. */
  snapshot(): StoreSnapshot {
    return structuredClone({
      locations: [...this.locations.values()],
      practitioners: [...this.practitioners.values()],
      appointmentTypes: [...this.appointmentTypes.values()],
      rosters: this.rosters,
      clients: [...this.clients.values()],
      appointments: [...this.appointments.values()],
      families: [...this.families.values()],
      history: Object.fromEntries(this.history),
      nextReference: this.#nextReference,
      idState: this.#ids.state,
    });
  }

  /** Replaces the whole state in place with a snapshot's (deep-copied). */
  load(snapshot: StoreSnapshot): void {
    const s = structuredClone(snapshot);
    const fill = <T>(map: Map<string, T>, items: T[], key: (t: T) => string): void => {
      map.clear();
      for (const item of items) map.set(key(item).toLowerCase(), item);
    };
    fill(this.locations, s.locations, (l) => l.locationId);
    fill(this.practitioners, s.practitioners, (p) => p.practitionerId);
    fill(this.appointmentTypes, s.appointmentTypes, (t) => t.appointmentTypeId);
    fill(this.clients, s.clients, (c) => c.clientId);
    fill(this.appointments, s.appointments, (a) => a.appointmentId);
    fill(this.families, s.families, (f) => f.familyId);
    this.history.clear();
    for (const [id, entries] of Object.entries(s.history)) this.history.set(id.toLowerCase(), entries);
    this.rosters.splice(0, this.rosters.length, ...s.rosters);
    this.#nextReference = s.nextReference;
    this.#ids = createRng(s.idState);
  }

  #inUse(id: string): boolean {
    return (
      this.locations.has(id) ||
      this.practitioners.has(id) ||
      this.appointmentTypes.has(id) ||
      this.clients.has(id) ||
      this.appointments.has(id) ||
      this.families.has(id)
    );
  }
}
