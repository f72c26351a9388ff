/**
 * The part of a clinic's configuration that groups its people and describes its services
 * (architecture.md, "Additions since the first release"): disciplines, each practitioner's
 * profession and bio, each appointment type's description, price and audience. coreplus has none of
 * this; the clinic writes it, and {@link resolveDisciplines} checks it at start.
 */
import { z } from "zod";

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: "must be an identifier" });
const Ids = z.array(Id).min(1, { error: "must list at least one id" });

/** Who a service is for: first visits, returning patients, or anyone. */
export const Audience = z.enum(["new", "existing", "all"]);
/** One of {@link Audience}. */
export type Audience = z.infer<typeof Audience>;

/** The configuration file's `disciplines`, `practitioners` and `appointmentTypes` of one clinic. */
export const DisciplinesFileFields = {
  disciplines: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
          error: "must be lower-case letters, digits and dashes",
        }),
        name: z.string().trim().min(1).max(80),
        description: z.string().trim().min(1).max(200).optional(),
        practitionerIds: Ids,
        appointmentTypeIds: Ids.optional(),
        specialtyId: Id.optional(),
      }),
    )
    .default([]),
  practitioners: z
    .array(
      z.strictObject({
        id: Id,
        profession: z.string().trim().min(1).max(80),
        bio: z.string().trim().min(1).max(600).optional(),
      }),
    )
    .default([]),
  appointmentTypes: z
    .array(
      z.strictObject({
        id: Id,
        description: z.string().trim().min(1).max(200).optional(),
        /** Cents, AUD. */
        price: z.number().int().min(0).max(10_000_000).optional(),
        audience: Audience.default("all"),
      }),
    )
    .default([]),
};

/** A discipline, resolved (ids lower-cased). */
export interface DisciplineConfig {
  id: string;
  name: string;
  description?: string;
  practitionerIds: string[];
  /** Absent: every type its practitioners offer. */
  appointmentTypeIds?: string[];
  /** coreplus's availability `specialtyId` filter, where the clinic maps the discipline to one. */
  specialtyId?: string;
}

/** A practitioner's profile, resolved. */
export interface PractitionerProfileConfig {
  profession: string;
  bio?: string;
}

/** An appointment type's public facts, resolved. */
export interface AppointmentTypeInfoConfig {
  description?: string;
  priceCents?: number;
  audience: Audience;
}

/** What {@link resolveDisciplines} gives a clinic. */
export interface ResolvedDisciplines {
  disciplines: DisciplineConfig[];
  /** By practitioner id (lower case). */
  practitionerProfiles: Record<string, PractitionerProfileConfig>;
  /** By appointment type id (lower case). */
  appointmentTypeInfo: Record<string, AppointmentTypeInfoConfig>;
}

type FileFields = {
  [K in keyof typeof DisciplinesFileFields]: z.output<(typeof DisciplinesFileFields)[K]>;
};

/**
 * Checks what the schema cannot (unique ids, ids the clinic's `bookable` lists exclude) and
 * resolves the fields; every problem is pushed to `issues` with the field it concerns (`at` is the
 * clinic's path, e.g. `clinics[0]`).
 */
export function resolveDisciplines(
  c: FileFields & {
    bookable: { practitionerIds?: string[] | undefined; appointmentTypeIds?: string[] | undefined };
  },
  at: string,
  issues: { path: string; message: string }[],
): ResolvedDisciplines {
  const lower = (ids: string[]) => ids.map((id) => id.toLowerCase());
  const allowed = (list: string[] | undefined) => list && new Set(lower(list));
  const bookablePractitioners = allowed(c.bookable.practitionerIds);
  const bookableTypes = allowed(c.bookable.appointmentTypeIds);
  const unique = (path: string, ids: string[], what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push({ path: `${path}[${i}].id`, message: `duplicate ${what} id "${id}"` });
      seen.add(id);
    });
  };
  unique(
    `${at}.disciplines`,
    c.disciplines.map((d) => d.id),
    "discipline",
  );
  unique(`${at}.practitioners`, lower(c.practitioners.map((p) => p.id)), "practitioner");
  unique(`${at}.appointmentTypes`, lower(c.appointmentTypes.map((t) => t.id)), "appointment type");
  const notBookable = (path: string, ids: string[], set: Set<string> | undefined, list: string) => {
    if (!set) return;
    ids.forEach((id, i) => {
      if (!set.has(id)) issues.push({ path: `${path}[${i}]`, message: `"${id}" is not in bookable.${list}` });
    });
  };
  const disciplines = c.disciplines.map((d, i): DisciplineConfig => {
    const out: DisciplineConfig = { id: d.id, name: d.name, practitionerIds: lower(d.practitionerIds) };
    notBookable(
      `${at}.disciplines[${i}].practitionerIds`,
      out.practitionerIds,
      bookablePractitioners,
      "practitionerIds",
    );
    if (d.description) out.description = d.description;
    if (d.appointmentTypeIds) {
      out.appointmentTypeIds = lower(d.appointmentTypeIds);
      notBookable(
        `${at}.disciplines[${i}].appointmentTypeIds`,
        out.appointmentTypeIds,
        bookableTypes,
        "appointmentTypeIds",
      );
    }
    if (d.specialtyId) out.specialtyId = d.specialtyId.toLowerCase();
    return out;
  });
  const practitionerProfiles: Record<string, PractitionerProfileConfig> = {};
  for (const p of c.practitioners) {
    const profile: PractitionerProfileConfig = { profession: p.profession };
    if (p.bio) profile.bio = p.bio;
    practitionerProfiles[p.id.toLowerCase()] = profile;
  }
  const appointmentTypeInfo: Record<string, AppointmentTypeInfoConfig> = {};
  for (const t of c.appointmentTypes) {
    const info: AppointmentTypeInfoConfig = { audience: t.audience };
    if (t.description) info.description = t.description;
    if (t.price !== undefined) info.priceCents = t.price;
    appointmentTypeInfo[t.id.toLowerCase()] = info;
  }
  return { disciplines, practitionerProfiles, appointmentTypeInfo };
}
