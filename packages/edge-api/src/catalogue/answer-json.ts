/**
 * The catalogue answers (profile, practitioners, appointment types) as JSON text, serialised once per
 * catalogue version: a hot profile is neither rebuilt nor re-serialised, and its text is the same
 * string each time (so its ETag is hashed once). A catalogue loaded just now has no version yet and
 * is answered without remembering.
 */
import type { AppointmentTypesQuery, PractitionersQuery } from "../schemas/public.js";
import type { RequestScope } from "../types.js";
import type { Versioned } from "../upstream/index.js";
import type { Catalogue } from "./catalogue.js";
import {
  clinicProfile,
  getCatalogueVersioned,
  listAppointmentTypes,
  listPractitioners,
} from "./read-catalogue.js";

/** A catalogue the caller already read (the bootstrap reads it once for all its parts). */
type Known = Versioned<Catalogue> | undefined;

/** `build`'s answer for the clinic's current catalogue, as JSON text remembered under `key`. */
async function catalogueText(
  scope: RequestScope,
  key: string,
  build: (cat: Catalogue) => Promise<unknown>,
  read: Known,
): Promise<string> {
  const cat = read ?? (await getCatalogueVersioned(scope));
  const { texts } = scope.rt;
  const known = cat.version === undefined ? undefined : texts.get(key);
  if (known && known.version === cat.version) return known.text;
  const text = JSON.stringify(await build(cat.value));
  if (cat.version !== undefined) texts.set(key, { version: cat.version, text });
  return text;
}

const lower = (id: string | undefined) => id?.toLowerCase() ?? "";

/** GET /v1/clinics/{clinic} as JSON text. */
export function profileJson(scope: RequestScope, known?: Known): Promise<string> {
  return catalogueText(scope, "profile", (cat) => clinicProfile(scope, cat), known);
}

/** GET …/practitioners as JSON text. */
export function practitionersJson(
  scope: RequestScope,
  q: PractitionersQuery,
  known?: Known,
): Promise<string> {
  const key = `practitioners|${lower(q.locationId)}|${q.disciplineId ?? ""}`;
  return catalogueText(scope, key, (cat) => listPractitioners(scope, q, cat), known);
}

/** GET …/appointment-types as JSON text. */
export function appointmentTypesJson(
  scope: RequestScope,
  q: AppointmentTypesQuery,
  known?: Known,
): Promise<string> {
  const key = `types|${lower(q.locationId)}|${lower(q.practitionerId)}|${q.disciplineId ?? ""}`;
  return catalogueText(scope, key, (cat) => listAppointmentTypes(scope, q, cat), known);
}
