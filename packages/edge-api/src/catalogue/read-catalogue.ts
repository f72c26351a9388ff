/**
 * The cached catalogue and the public answers built from it: the clinic profile, practitioners and
 * appointment types, with the booking rules applied.
 */

import { publicQuestions } from "../config/index.js";
import { validationProblem } from "../http/index.js";
import type {
  AppointmentTypesQuery,
  AppointmentTypesResponse,
  ClinicProfileResponse,
  PractitionersQuery,
  PractitionersResponse,
  PublicPractitioner,
} from "../schemas/public.js";
import type { RequestScope } from "../types.js";
import { readVersioned, type Versioned } from "../upstream/index.js";
import { type Catalogue, type CatalogueLocation, loadCatalogue, typesOf } from "./catalogue.js";
import {
  inDiscipline,
  offeredType,
  practitionerFacts,
  publicDisciplines,
  requireDiscipline,
  typeInDiscipline,
} from "./disciplines.js";

/** How long a visitor's read may wait for coreplus (budget queue included) before a 503/504. */
export const READ_WAIT_MS = 8_000;

/** The clinic's catalogue, from the cache (minutes) or coreplus. */
export async function getCatalogue(scope: RequestScope): Promise<Catalogue> {
  return (await getCatalogueVersioned(scope)).value;
}

/** The catalogue with its cache entry's version (undefined when loaded just now). */
export function getCatalogueVersioned(scope: RequestScope): Promise<Versioned<Catalogue>> {
  const { config, coreplus } = scope.rt;
  const ttl = config.cache.catalogueTtlMs;
  return readVersioned(scope, "catalogue", { freshMs: ttl, staleMs: ttl * 12 }, () =>
    loadCatalogue(coreplus, config, AbortSignal.timeout(READ_WAIT_MS)),
  );
}

/** GET /v1/clinics/{clinic} */
export async function clinicProfile(scope: RequestScope, known?: Catalogue): Promise<ClinicProfileResponse> {
  const cat = known ?? (await getCatalogue(scope));
  const { config } = scope.rt;
  return {
    clinic: {
      slug: config.slug,
      name: config.name,
      locations: cat.locations.map(({ id, name, timezone, address, phone }) => ({
        id,
        name,
        timezone,
        address,
        phone,
      })),
      rules: { ...config.rules },
      disciplines: publicDisciplines(cat, config),
      changes: { ...config.changes },
      questions: publicQuestions(config.questions ?? []),
      privacyUrl: config.privacyUrl ?? null,
    },
  };
}

/** The bookable location `id`, or a validation problem at `pointer`. */
export function requireLocation(cat: Catalogue, id: string, pointer: string): CatalogueLocation {
  const loc = cat.locations.find((l) => l.id === id);
  if (!loc)
    throw validationProblem([{ pointer, code: "not_bookable", detail: "is not a bookable location" }]);
  return loc;
}

/** GET /v1/clinics/{clinic}/practitioners */
export async function listPractitioners(
  scope: RequestScope,
  q: PractitionersQuery,
  known?: Catalogue,
): Promise<PractitionersResponse> {
  const cat = known ?? (await getCatalogue(scope));
  const locationId = q.locationId?.toLowerCase();
  if (locationId) requireLocation(cat, locationId, "/query/locationId");
  const { config } = scope.rt;
  const discipline = q.disciplineId
    ? requireDiscipline(config, q.disciplineId, "/query/disciplineId")
    : undefined;
  const practitioners: PublicPractitioner[] = [];
  for (const p of cat.practitioners) {
    if (discipline && !inDiscipline(discipline, p.id)) continue;
    const locs = locationId ? p.locationIds.filter((l) => l === locationId) : p.locationIds;
    if (locs.length === 0) continue;
    const types = typesOf(cat, p, locs).filter((t) => !discipline || typeInDiscipline(cat, discipline, t));
    if (types.length === 0) continue;
    const out: PublicPractitioner = {
      id: p.id,
      displayName: p.displayName,
      locationIds: locs,
      appointmentTypeIds: types.map((t) => t.id),
      ...practitionerFacts(config, p),
    };
    if (p.title) out.title = p.title;
    practitioners.push(out);
  }
  return { practitioners };
}

/** GET /v1/clinics/{clinic}/appointment-types */
export async function listAppointmentTypes(
  scope: RequestScope,
  q: AppointmentTypesQuery,
  known?: Catalogue,
): Promise<AppointmentTypesResponse> {
  const cat = known ?? (await getCatalogue(scope));
  const locationId = q.locationId?.toLowerCase();
  const practitionerId = q.practitionerId?.toLowerCase();
  if (locationId) requireLocation(cat, locationId, "/query/locationId");
  const { config } = scope.rt;
  const discipline = q.disciplineId
    ? requireDiscipline(config, q.disciplineId, "/query/disciplineId")
    : undefined;
  let practitioners = discipline
    ? cat.practitioners.filter((p) => inDiscipline(discipline, p.id))
    : cat.practitioners;
  if (practitionerId) {
    practitioners = practitioners.filter((p) => p.id === practitionerId);
    if (practitioners.length === 0)
      throw validationProblem([
        {
          pointer: "/query/practitionerId",
          code: discipline ? "not_in_discipline" : "not_bookable",
          detail: discipline ? "is not in this discipline" : "is not a bookable practitioner",
        },
      ]);
  }
  const offered = new Set<string>();
  for (const p of practitioners) {
    const locs = locationId ? p.locationIds.filter((l) => l === locationId) : p.locationIds;
    for (const t of typesOf(cat, p, locs)) offered.add(t.id);
  }
  return {
    appointmentTypes: cat.appointmentTypes
      .filter((t) => offered.has(t.id) && (!discipline || typeInDiscipline(cat, discipline, t)))
      .map((t) => offeredType(cat, config, t)),
  };
}
