/**
 * The subject of an availability or booking query: a location, an appointment type and the
 * practitioners whose slots count, checked to be bookable together.
 */
import {
  type Catalogue,
  type CatalogueLocation,
  type CataloguePractitioner,
  type CatalogueType,
  practitionersFor,
  requireLocation,
} from "../catalogue/index.js";
import { validationProblem } from "../http/index.js";

/** The validated subject of an availability or booking query. */
export interface SlotSubject {
  location: CatalogueLocation;
  type: CatalogueType;
  /** The practitioners whose slots count, in display order. */
  practitioners: CataloguePractitioner[];
}

/** Checks that the location, type and (optional) practitioner are bookable together. */
export function resolveSubject(
  cat: Catalogue,
  ids: { locationId: string; appointmentTypeId: string; practitionerId?: string | undefined },
  pointers: { locationId: string; appointmentTypeId: string; practitionerId: string },
): SlotSubject {
  const location = requireLocation(cat, ids.locationId.toLowerCase(), pointers.locationId);
  const typeId = ids.appointmentTypeId.toLowerCase();
  const type = cat.appointmentTypes.find((t) => t.id === typeId);
  const offeredBy = type ? practitionersFor(cat, type, location.id) : [];
  if (!type || offeredBy.length === 0)
    throw validationProblem([
      {
        pointer: pointers.appointmentTypeId,
        code: "not_bookable",
        detail: "is not bookable at this location",
      },
    ]);
  if (ids.practitionerId === undefined) return { location, type, practitioners: offeredBy };
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
  return { location, type, practitioners: [one] };
}
