/**
 * "Today's appointments" for the demo's front-desk page: every location's appointments on its own
 * today (the date in its zone, from the business clock), read from coreplus through core's client
 * with the demo's credentials, server-side. Patients appear as initials only; subject and notes (where
 * coreplus often puts a full name and date of birth) are never read.
 */
import {
  addDays,
  type CoreplusClient,
  dateInZone,
  formatInZone,
  parseCoreplusDateTime,
} from "@coreplus-kit/core";

/** One appointment as the page shows it. */
export interface TodayAppointment {
  id: string;
  reference: string;
  /** ISO 8601 with the location's offset. */
  start: string;
  end: string;
  /** "HH:mm" in the location's zone. */
  startTime: string;
  endTime: string;
  practitioner: { id: string; name: string };
  type: string;
  status: string;
  /** "A.N." — never the name. */
  patient: string;
  /** Who booked for the patient, as "P.R. (Mother)" (initials and relationship), when someone else did. */
  bookedBy?: string;
}

/** One location's today. */
export interface TodayLocation {
  id: string;
  name: string;
  zone: string;
  /** "YYYY-MM-DD" in the location's zone. */
  date: string;
  appointments: TodayAppointment[];
}

/** The JSON the page polls. */
export interface TodayResponse {
  /** Business time of this answer (ISO, UTC). */
  asOf: string;
  locations: TodayLocation[];
}

/** The parts of core's client the feed uses. */
export type TodayClient = Pick<
  CoreplusClient,
  "locations" | "practitioners" | "appointmentTypes" | "appointments" | "clients"
>;

/** Options for {@link createTodayFeed}. */
export interface TodayFeedOptions {
  client: TodayClient;
  /** Business clock. */
  now: () => Date;
  /** Locations, practitioners and types are reloaded after this long; default 5 minutes. */
  directoryTtlMs?: number;
  /** Answers are reused for this long, so several open pages cost one read; default 1.5 s. */
  answerTtlMs?: number;
  /**
   * The carer recorded as a client's main contact (a ClientFamily record), for patients booked by
   * someone else as new clients. coreplus has no documented family listing; the demo reads its sandbox.
   */
  mainContact?: (clientId: string) => Promise<Carer | undefined>;
}

/** A carer as the feed reads one. */
export interface Carer {
  firstName: string;
  lastName: string;
  relationship: string;
}

/** The carer the edge API wrote into an existing patient's notes ("Booked by Priya Raman (Mother)"). */
export function carerInNotes(notes: string | undefined): Carer | undefined {
  const m = /^Booked by (\S+(?: \S+)*?) (\S+) \(([^)\n]+)\)$/m.exec(notes ?? "");
  return m ? { firstName: m[1]!, lastName: m[2]!, relationship: m[3]! } : undefined;
}

/** Reads today's appointments; see {@link createTodayFeed}. */
export interface TodayFeed {
  get(): Promise<TodayResponse>;
}

interface Directory {
  loadedAt: number;
  locations: { id: string; name: string; zone: string; timezoneId: string }[];
  practitioners: Map<string, string>;
  types: Map<string, string>;
}

/** Creates the feed. One coreplus read per answer, plus one per patient never seen before. */
export function createTodayFeed(opts: TodayFeedOptions): TodayFeed {
  const directoryTtl = opts.directoryTtlMs ?? 5 * 60_000;
  const answerTtl = opts.answerTtlMs ?? 1500;
  const initialsByClient = new Map<string, string>();
  let directory: Promise<Directory> | undefined;
  let answer: { at: number; value: Promise<TodayResponse> } | undefined;

  async function loadDirectory(): Promise<Directory> {
    const [locations, practitioners, types] = await Promise.all([
      opts.client.locations.iterate().toArray(),
      opts.client.practitioners.iterate().toArray(),
      opts.client.appointmentTypes.iterate().toArray(),
    ]);
    return {
      loadedAt: Date.now(),
      locations: locations.map((l) => ({
        id: l.locationId,
        name: l.name,
        zone: l.timeZone.tzName,
        timezoneId: l.timeZone.timezoneId,
      })),
      practitioners: new Map(
        practitioners.map((p) => [
          p.practitionerId,
          p.displayName || [p.title, p.firstName, p.lastName].filter(Boolean).join(" "),
        ]),
      ),
      types: new Map(types.map((t) => [t.appointmentTypeId, t.description])),
    };
  }

  function currentDirectory(): Promise<Directory> {
    const cached = directory;
    if (cached) {
      return cached.then((d) => {
        if (Date.now() - d.loadedAt < directoryTtl) return d;
        directory = loadDirectory();
        return directory;
      });
    }
    directory = loadDirectory();
    directory.catch(() => {
      directory = undefined;
    });
    return directory;
  }

  async function patientInitials(clientId: string | undefined): Promise<string> {
    if (clientId === undefined) return "?";
    const known = initialsByClient.get(clientId);
    if (known !== undefined) return known;
    try {
      const client = await opts.client.clients.get(clientId);
      const label = initials(client.firstName, client.lastName);
      initialsByClient.set(clientId, label);
      return label;
    } catch {
      return "?";
    }
  }

  async function bookedBy(notes: string | undefined, clientId: string | undefined) {
    let carer = carerInNotes(notes);
    if (!carer && clientId && opts.mainContact)
      carer = await opts.mainContact(clientId).catch(() => undefined);
    return carer ? { bookedBy: `${initials(carer.firstName, carer.lastName)} (${carer.relationship})` } : {};
  }

  async function compute(): Promise<TodayResponse> {
    const now = opts.now();
    const dir = await currentDirectory();
    const first = dir.locations[0];
    if (!first) return { asOf: now.toISOString(), locations: [] };
    const todays = new Map(dir.locations.map((l) => [l.id, dateInZone(now, l.zone)]));
    const dates = [...todays.values()].sort();
    // One read covers every location: a day either side absorbs the zones' different "todays".
    const appointments = await opts.client.appointments
      .iterate({
        startDate: addDays(dates[0] ?? dateInZone(now, first.zone), -1),
        endDate: addDays(dates.at(-1) ?? dateInZone(now, first.zone), 1),
        timezoneId: first.timezoneId,
        includeCancelled: true,
        getPractitionerProfiles: true,
      })
      .toArray();

    const byLocation = new Map<string, TodayAppointment[]>(dir.locations.map((l) => [l.id, []]));
    await Promise.all(
      appointments.map(async (a) => {
        const location = dir.locations.find((l) => l.id === a.locationId);
        if (!location) return;
        const start = parseCoreplusDateTime(a.startDateTime).instant;
        if (dateInZone(start, location.zone) !== todays.get(location.id)) return;
        const end = parseCoreplusDateTime(a.endDateTime).instant;
        const startLocal = formatInZone(start, location.zone);
        const endLocal = formatInZone(end, location.zone);
        const practitionerName =
          dir.practitioners.get(a.practitioner.practitionerId) ??
          ([a.practitioner.firstName, a.practitioner.lastName].filter(Boolean).join(" ") ||
            "Unknown practitioner");
        byLocation.get(location.id)?.push({
          id: a.appointmentId,
          reference: a.appointmentReferenceNumber,
          start: startLocal,
          end: endLocal,
          startTime: startLocal.slice(11, 16),
          endTime: endLocal.slice(11, 16),
          practitioner: { id: a.practitioner.practitionerId, name: practitionerName },
          type: (a.appointmentTypeId && dir.types.get(a.appointmentTypeId)) || "Appointment",
          status: a.status,
          patient: await patientInitials(a.clients[0]?.clientId),
          ...(await bookedBy(a.notes, a.clients[0]?.clientId)),
        });
      }),
    );

    return {
      asOf: now.toISOString(),
      locations: dir.locations.map((l) => ({
        id: l.id,
        name: l.name,
        zone: l.zone,
        date: todays.get(l.id) ?? "",
        appointments: (byLocation.get(l.id) ?? []).sort(
          // By instant, not by text: a day that changes offset (DST) has both in it.
          (x, y) =>
            Date.parse(x.start) - Date.parse(y.start) ||
            x.practitioner.name.localeCompare(y.practitioner.name),
        ),
      })),
    };
  }

  return {
    get() {
      const t = Date.now();
      if (answer && t - answer.at < answerTtl) return answer.value;
      const value = compute();
      answer = { at: t, value };
      value.catch(() => {
        if (answer?.value === value) answer = undefined;
      });
      return value;
    },
  };
}

/** "A.N." from a first and last name (by code point, so accented initials stay whole). */
export function initials(firstName: string | undefined, lastName: string | undefined): string {
  const letters = [firstName ?? "", lastName ?? ""]
    .map(
      (w) =>
        Array.from(w.trim())
          .find((ch) => /\p{L}|\p{N}/u.test(ch))
          ?.toLocaleUpperCase("en-AU") ?? "",
    )
    .filter(Boolean);
  return letters.length === 0 ? "?" : letters.map((l) => `${l}.`).join("");
}
