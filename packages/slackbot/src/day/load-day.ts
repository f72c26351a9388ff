/**
 * Reads one date's appointments from coreplus and turns them into a DayAnswer. Each location's day is
 * its own local day: locations are queried per coreplus timezone, so a Brisbane clinic's Tuesday is
 * Brisbane's Tuesday even when the bot runs on Melbourne time.
 */
import type { CoreplusClient } from "@coreplus-kit/core";
import { dateInZone, parseCoreplusDateTime } from "@coreplus-kit/core";
import type { ClinicDirectory, ClinicLocation, DayAnswer, DayAppointment } from "../types.js";
import type { AppointmentRecord } from "./build-day.js";
import { buildPractitionerDay, sameId, toDayAppointment } from "./build-day.js";
import type { ClientNameMode } from "./patient-label.js";
import { patientLabel } from "./patient-label.js";
import type { PatientNames } from "./patient-names.js";

/** What to load: a date, one practitioner or everyone, optionally one location. */
export interface DayQuery {
  /** "YYYY-MM-DD", each location's local date. */
  date: string;
  practitioner: { id: string; name: string; locationIds?: readonly string[] } | "all";
  location?: ClinicLocation;
}

/** What `loadDay` needs. */
export interface LoadDayDeps {
  client: CoreplusClient;
  directory: ClinicDirectory;
  names: PatientNames;
  nameMode: ClientNameMode;
  /** Show appointment type names (SLACK_SHOW_TYPES, default on); off shows "Appointment". */
  showTypes?: boolean;
  /** The bot's zone (SLACK_TIMEZONE). */
  zone: string;
  /** Aborts the coreplus requests (the bot is stopping). */
  signal?: AbortSignal;
}

/** Groups the locations to query by coreplus timezone id (one appointments query per group). */
function zoneGroups(locations: readonly ClinicLocation[]): Map<string, ClinicLocation[]> {
  const groups = new Map<string, ClinicLocation[]>();
  for (const l of locations) {
    const key = l.timezoneId.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return groups;
}

/** Fetches the raw appointment records of the query's date, cancelled ones included. */
export async function fetchAppointments(
  client: CoreplusClient,
  directory: ClinicDirectory,
  query: DayQuery,
  signal?: AbortSignal,
): Promise<AppointmentRecord[]> {
  const worksAt = query.practitioner === "all" ? undefined : query.practitioner.locationIds;
  const locations = query.location
    ? [query.location]
    : worksAt && worksAt.length > 0
      ? directory.locations.filter((l) => worksAt.some((id) => sameId(id, l.id)))
      : directory.locations;
  const batches = await Promise.all(
    [...zoneGroups(locations)].map(async ([timezoneId, group]) => {
      const q: Parameters<CoreplusClient["appointments"]["iterate"]>[0] = {
        startDate: query.date,
        endDate: query.date,
        timezoneId,
        includeCancelled: true,
      };
      if (query.practitioner !== "all") q.practitionerId = query.practitioner.id;
      if (query.location) q.locationId = query.location.id;
      const records = await client.appointments.iterate(q, signal ? { signal } : {}).toArray();
      // Keep only this group's locations, on their own local date (a safety net should a server read
      // the date range loosely).
      return records.filter((r) => {
        const location = group.find((l) => sameId(l.id, r.locationId));
        return (
          location !== undefined &&
          dateInZone(parseCoreplusDateTime(r.startDateTime).instant, location.zone) === query.date
        );
      });
    }),
  );
  return batches.flat();
}

/** Loads the day and assembles the answer; patients are labelled per `nameMode`. */
export async function loadDay(deps: LoadDayDeps, query: DayQuery): Promise<DayAnswer> {
  const { directory } = deps;
  const records = await fetchAppointments(deps.client, directory, query, deps.signal);
  const clientIds = records.flatMap((r) => (r.clients ?? []).map((c) => c.clientId));
  const names = await deps.names.lookup(clientIds, deps.signal);
  let unknownPatients = 0;
  const patientOf = (clientId: string): string => {
    const parts = names.get(clientId.toLowerCase());
    if (parts === undefined) {
      unknownPatients += 1;
      return "?";
    }
    return patientLabel(parts, deps.nameMode);
  };
  const byPractitioner = new Map<string, DayAppointment[]>();
  const practitionerNames = new Map<string, string>();
  for (const r of records) {
    const id = r.practitioner.practitionerId.toLowerCase();
    const appointment = toDayAppointment(r, directory, patientOf, deps.zone, deps.showTypes ?? true);
    byPractitioner.set(id, [...(byPractitioner.get(id) ?? []), appointment]);
    if (!practitionerNames.has(id)) {
      const known = directory.practitioners.find((p) => sameId(p.id, id));
      const fromRecord = `${r.practitioner.firstName ?? ""} ${r.practitioner.lastName ?? ""}`.trim();
      practitionerNames.set(id, known?.name ?? (fromRecord || "Unknown practitioner"));
    }
  }

  const scope: DayAnswer["scope"] =
    query.practitioner === "all"
      ? { kind: "all" }
      : { kind: "practitioner", practitioner: query.practitioner };
  const days =
    query.practitioner === "all"
      ? [...byPractitioner]
          .map(([id, list]) => buildPractitionerDay({ id, name: practitionerNames.get(id) ?? id }, list))
          // Directory order (coreplus lists practitioners by name) keeps "all" stable from day to day.
          .sort((a, b) => orderOf(directory, a.practitioner.id) - orderOf(directory, b.practitioner.id))
      : [
          buildPractitionerDay(
            query.practitioner,
            byPractitioner.get(query.practitioner.id.toLowerCase()) ?? [],
          ),
        ];
  const answer: DayAnswer = { date: query.date, zone: deps.zone, scope, days, unknownPatients };
  if (query.location) answer.location = { id: query.location.id, name: query.location.name };
  return answer;
}

function orderOf(directory: ClinicDirectory, id: string): number {
  const i = directory.practitioners.findIndex((p) => sameId(p.id, id));
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}
