/**
 * The subject of an availability or booking query: a location, an appointment type and the
 * practitioners whose slots count, checked to be bookable together.
 */
import {
  type Catalogue,
  inDiscipline,
  practitionersFor,
  requireDiscipline,
  requireLocation,
  typeInDiscipline,
} from "../catalogue/index.js";
import type { ClinicConfig } from "../config/index.js";
import { validationProblem } from "../http/index.js";
import type { SlotSubject } from "./shapes.js";

export type { SlotSubject };

/** The discipline part of a query: its id and where to point errors about it. */
export interface DisciplineFilter {
  config: ClinicConfig;
  disciplineId: string | undefined;
  pointer: string;
}

/** Checks that the location, type and (optional) practitioner are bookable together. */
export function resolveSubject(
  cat: Catalogue,
  ids: { locationId: string; appointmentTypeId: string; practitionerId?: string | undefined },
  pointers: { locationId: string; appointmentTypeId: string; practitionerId: string },
  disciplineFilter?: DisciplineFilter,
): SlotSubject {
  const location = requireLocation(cat, ids.locationId.toLowerCase(), pointers.locationId);
  const typeId = ids.appointmentTypeId.toLowerCase();
  const type = cat.appointmentTypes.find((t) => t.id === typeId);
  let offeredBy = type ? practitionersFor(cat, type, location.id) : [];
  if (!type || offeredBy.length === 0)
    throw validationProblem([
      {
        pointer: pointers.appointmentTypeId,
        code: "not_bookable",
        detail: "is not bookable at this location",
      },
    ]);
  const discipline = disciplineFilter?.disciplineId
    ? requireDiscipline(disciplineFilter.config, disciplineFilter.disciplineId, disciplineFilter.pointer)
    : undefined;
  if (discipline) {
    // The practitioner first: a booking across disciplines is refused on /slot/practitionerId.
    if (ids.practitionerId !== undefined && !inDiscipline(discipline, ids.practitionerId.toLowerCase()))
      throw validationProblem([
        {
          pointer: pointers.practitionerId,
          code: "not_in_discipline",
          detail: "is not in the chosen discipline",
        },
      ]);
    offeredBy = offeredBy.filter((p) => inDiscipline(discipline, p.id));
    if (!typeInDiscipline(cat, discipline, type) || offeredBy.length === 0)
      throw validationProblem([
        {
          pointer: pointers.appointmentTypeId,
          code: "not_in_discipline",
          detail: "is not offered in the chosen discipline at this location",
        },
      ]);
  }
  const within = discipline ? { discipline } : {};
  if (ids.practitionerId === undefined) return { location, type, practitioners: offeredBy, ...within };
  const pid = ids.practitionerId.toLowerCase();
  const one = offeredBy.find((p) => p.id === pid);
  if (!one)
    throw validationProblem([
      {
        pointer: pointers.practitionerId,
        code: "not_bookable",
        detail: "does not offer this appointment type at this location",
      },
    ]);
  return { location, type, practitioners: [one], ...within };
}
