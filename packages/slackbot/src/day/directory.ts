/**
 * The clinic's locations, practitioners and appointment type names, read from coreplus and kept for a
 * few minutes: they change rarely and every answer needs them. Concurrent callers share one load.
 */
import type { AppointmentType, CoreplusClient, Location, Practitioner } from "@coreplus-kit/core";
import { ianaZoneFor } from "@coreplus-kit/core";
import type { ClinicDirectory, ClinicLocation, ClinicPractitioner } from "../types.js";

/** Options of `createDirectoryCache`. */
export interface DirectoryCacheOptions {
  /** How long a loaded directory is used, default 5 minutes. */
  ttlMs?: number;
  /** Monotonic-enough clock in ms, default Date.now. */
  now?: () => number;
}

/** A cached, coalesced directory. */
export interface DirectoryCache {
  get(): Promise<ClinicDirectory>;
  /** Forget the cached copy (the next `get` reloads). */
  invalidate(): void;
}

/** Maps a coreplus location; its zone comes from the timezone GUID, else from tzName. */
export function toClinicLocation(location: Location): ClinicLocation {
  return {
    id: location.locationId,
    name: location.name,
    zone: ianaZoneFor(location.timeZone.timezoneId) ?? location.timeZone.tzName,
    timezoneId: location.timeZone.timezoneId,
  };
}

/** Maps a coreplus practitioner to the names staff use for them. */
export function toClinicPractitioner(p: Practitioner): ClinicPractitioner {
  const plain = `${p.firstName} ${p.lastName}`.trim();
  const display = p.displayName?.trim();
  const aliases = [plain];
  if (display && display !== plain) aliases.push(display);
  if (p.title?.trim()) aliases.push(`${p.title.trim()} ${plain}`);
  const result: ClinicPractitioner = {
    id: p.practitionerId,
    name: display || plain,
    firstName: p.firstName,
    lastName: p.lastName,
    aliases,
  };
  if (p.email?.trim()) result.email = p.email.trim();
  if (p.locationIds && p.locationIds.length > 0) result.locationIds = [...p.locationIds];
  return result;
}

/** Loads the directory from coreplus (three list walks, in parallel). */
export async function loadDirectory(client: CoreplusClient, signal?: AbortSignal): Promise<ClinicDirectory> {
  const opts = signal ? { signal } : {};
  const [locations, practitioners, types] = await Promise.all([
    client.locations.iterate({}, opts).toArray(),
    client.practitioners.iterate({}, opts).toArray(),
    client.appointmentTypes.iterate({}, opts).toArray(),
  ]);
  return {
    locations: locations.map(toClinicLocation),
    practitioners: practitioners.map(toClinicPractitioner),
    appointmentTypeNames: new Map(
      types.map((t: AppointmentType) => [t.appointmentTypeId.toLowerCase(), t.description] as const),
    ),
  };
}

/** A directory cache over `load`, which is `loadDirectory(client)` in the bot. */
export function createDirectoryCache(
  load: () => Promise<ClinicDirectory>,
  opts: DirectoryCacheOptions = {},
): DirectoryCache {
  const ttlMs = opts.ttlMs ?? 5 * 60_000;
  const now = opts.now ?? Date.now;
  let cached: { value: ClinicDirectory; at: number } | undefined;
  let inFlight: Promise<ClinicDirectory> | undefined;
  return {
    get() {
      if (cached && now() - cached.at < ttlMs) return Promise.resolve(cached.value);
      if (inFlight) return inFlight;
      inFlight = load().then(
        (value) => {
          cached = { value, at: now() };
          inFlight = undefined;
          return value;
        },
        (error: unknown) => {
          // A failure is not cached: the next request tries again.
          inFlight = undefined;
          throw error;
        },
      );
      return inFlight;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
