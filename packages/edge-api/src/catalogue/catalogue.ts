/**
 * The clinic's bookable catalogue: locations, practitioners and appointment types read from coreplus
 * and narrowed by the clinic's configuration. Stored as JSON in the cache (minutes), and queried by
 * the pure functions below: who offers which type where.
 */
import type { CoreplusClient } from "@coreplus-kit/core";
import type { ClinicConfig } from "../config/index.js";

/** A bookable location. */
export type CatalogueLocation = {
  id: string;
  name: string;
  timezone: string;
  timezoneId: string;
  address: string;
  phone: string;
};

/** A bookable practitioner, with the bookable locations they work at. */
export type CataloguePractitioner = {
  id: string;
  displayName: string;
  title?: string;
  locationIds: string[];
};

/** A bookable appointment type and who may offer it. */
export type CatalogueType = {
  id: string;
  name: string;
  durationMinutes: number;
  practitionerId?: string;
  locationId?: string;
};

/** Everything bookable at one clinic (JSON, so that it can be cached anywhere). */
export type Catalogue = {
  locations: CatalogueLocation[];
  practitioners: CataloguePractitioner[];
  appointmentTypes: CatalogueType[];
};

/** Reads the catalogue from coreplus (three lists) and applies the clinic's bookable filters. */
export async function loadCatalogue(
  client: CoreplusClient,
  clinic: ClinicConfig,
  signal?: AbortSignal,
): Promise<Catalogue> {
  const opts = signal ? { signal } : {};
  const [locations, practitioners, types] = await Promise.all([
    client.locations.iterate({}, opts).toArray(),
    client.practitioners.iterate({}, opts).toArray(),
    client.appointmentTypes.iterate({}, opts).toArray(),
  ]);
  const allow = (list: string[] | undefined) => {
    const set = list && new Set(list.map((s) => s.toLowerCase()));
    return (id: string) => !set || set.has(id);
  };
  const locationOk = allow(clinic.bookable.locationIds);
  const practitionerOk = allow(clinic.bookable.practitionerIds);
  const typeOk = allow(clinic.bookable.appointmentTypeIds);

  const bookableLocations: CatalogueLocation[] = locations
    .filter((l) => locationOk(l.locationId))
    .map((l) => ({
      id: l.locationId,
      name: l.name,
      timezone: l.timeZone.tzName,
      timezoneId: l.timeZone.timezoneId,
      address: formatAddress(l.address),
      phone: l.phoneNumber ?? "",
    }));
  const locationIds = bookableLocations.map((l) => l.id);
  const bookablePractitioners: CataloguePractitioner[] = [];
  for (const p of practitioners) {
    if (!practitionerOk(p.practitionerId)) continue;
    // A practitioner without a location list is taken to work everywhere; coreplus's availability decides.
    const at = p.locationIds ? p.locationIds.filter((id) => locationIds.includes(id)) : locationIds;
    if (at.length === 0) continue;
    const entry: CataloguePractitioner = {
      id: p.practitionerId,
      displayName: p.displayName?.trim() || [p.title, p.firstName, p.lastName].filter(Boolean).join(" "),
      locationIds: at,
    };
    if (p.title) entry.title = p.title;
    bookablePractitioners.push(entry);
  }
  const bookableTypes: CatalogueType[] = [];
  for (const t of types) {
    if (!typeOk(t.appointmentTypeId) || t.durationMinutes <= 0) continue;
    const entry: CatalogueType = {
      id: t.appointmentTypeId,
      name: t.description,
      durationMinutes: t.durationMinutes,
    };
    if (t.practitionerId) entry.practitionerId = t.practitionerId;
    if (t.locationId) entry.locationId = t.locationId;
    bookableTypes.push(entry);
  }
  return {
    locations: bookableLocations,
    practitioners: bookablePractitioners,
    appointmentTypes: bookableTypes,
  };
}

function formatAddress(
  a: { streetAddress: string; suburb: string; state: string; postcode: string } | undefined,
) {
  if (!a) return "";
  const tail = [a.suburb, a.state, a.postcode].filter(Boolean).join(" ");
  return [a.streetAddress, tail].filter(Boolean).join(", ");
}

/** Whether practitioner `p` offers type `t` at location `locationId`. */
export function offers(p: CataloguePractitioner, t: CatalogueType, locationId: string): boolean {
  if (!p.locationIds.includes(locationId)) return false;
  if (t.practitionerId && t.practitionerId !== p.id) return false;
  if (t.locationId && t.locationId !== locationId) return false;
  return true;
}

/** The types practitioner `p` offers at any of `locationIds`. */
export function typesOf(
  cat: Catalogue,
  p: CataloguePractitioner,
  locationIds: readonly string[],
): CatalogueType[] {
  return cat.appointmentTypes.filter((t) => locationIds.some((l) => offers(p, t, l)));
}

/** The practitioners offering type `t` at `locationId`, in catalogue order. */
export function practitionersFor(
  cat: Catalogue,
  t: CatalogueType,
  locationId: string,
): CataloguePractitioner[] {
  return cat.practitioners.filter((p) => offers(p, t, locationId));
}
