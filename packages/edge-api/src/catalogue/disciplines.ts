/**
 * Disciplines over the catalogue: who is in one, which types it offers, and the public facts the
 * configuration adds to practitioners (profession, bio) and types (description, price, audience).
 * A type is in a discipline when the discipline lists it (or lists none) and one of its practitioners
 * offers it; so a type several disciplines share is in each, and "first available" within a
 * discipline counts only that discipline's practitioners.
 */
import type { ClinicConfig, DisciplineConfig } from "../config/index.js";
import { validationProblem } from "../http/index.js";
import type { OfferedAppointmentType, PublicDiscipline, PublicPractitioner } from "../schemas/public.js";
import { type Catalogue, type CataloguePractitioner, type CatalogueType, offers } from "./catalogue.js";

/** The configured discipline `id`, or a validation problem at `pointer`. */
export function requireDiscipline(config: ClinicConfig, id: string, pointer: string): DisciplineConfig {
  const d = config.disciplines.find((x) => x.id === id.toLowerCase());
  if (!d)
    throw validationProblem([
      { pointer, code: "not_bookable", detail: "is not one of the clinic's disciplines" },
    ]);
  return d;
}

/** Whether practitioner `id` is in discipline `d`. */
export function inDiscipline(d: DisciplineConfig, practitionerId: string): boolean {
  return d.practitionerIds.includes(practitionerId);
}

/** Whether type `t` is offered in discipline `d` (listed by it, and offered by one of its practitioners). */
export function typeInDiscipline(cat: Catalogue, d: DisciplineConfig, t: CatalogueType): boolean {
  if (d.appointmentTypeIds && !d.appointmentTypeIds.includes(t.id)) return false;
  return cat.practitioners.some((p) => inDiscipline(d, p.id) && p.locationIds.some((l) => offers(p, t, l)));
}

/** The public list of disciplines: those with a bookable practitioner who offers one of its types. */
export function publicDisciplines(cat: Catalogue, config: ClinicConfig): PublicDiscipline[] {
  return config.disciplines
    .filter((d) => cat.appointmentTypes.some((t) => typeInDiscipline(cat, d, t)))
    .map(({ id, name, description }) => (description ? { id, name, description } : { id, name }));
}

/** Profession, discipline ids and bio of a practitioner, from the configuration. */
export function practitionerFacts(
  config: ClinicConfig,
  p: CataloguePractitioner,
): Pick<PublicPractitioner, "profession" | "disciplineIds" | "bio"> {
  const out: Pick<PublicPractitioner, "profession" | "disciplineIds" | "bio"> = {
    disciplineIds: config.disciplines.filter((d) => inDiscipline(d, p.id)).map((d) => d.id),
  };
  const profile = config.practitionerProfiles[p.id];
  if (profile) out.profession = profile.profession;
  if (profile?.bio) out.bio = profile.bio;
  return out;
}

/** An appointment type as the public list has it. */
export function offeredType(cat: Catalogue, config: ClinicConfig, t: CatalogueType): OfferedAppointmentType {
  const info = config.appointmentTypeInfo[t.id];
  const out: OfferedAppointmentType = {
    id: t.id,
    name: t.name,
    durationMinutes: t.durationMinutes,
    disciplineIds: config.disciplines.filter((d) => typeInDiscipline(cat, d, t)).map((d) => d.id),
    audience: info?.audience ?? "all",
  };
  if (info?.description) out.description = info.description;
  if (info?.priceCents !== undefined) out.price = { amountCents: info.priceCents, currency: "AUD" };
  return out;
}

/** The type's audience contradicts the patient's `returning` answer. */
export function audienceContradicts(
  config: ClinicConfig,
  typeId: string,
  returning: boolean | undefined,
): boolean {
  if (returning === undefined) return false;
  const audience = config.appointmentTypeInfo[typeId]?.audience ?? "all";
  return (audience === "new" && returning) || (audience === "existing" && !returning);
}
