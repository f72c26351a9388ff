/** The clinic's bookable catalogue and the public answers built from it. */
export { appointmentTypesJson, practitionersJson, profileJson } from "./answer-json.js";
export {
  type Catalogue,
  type CatalogueLocation,
  type CataloguePractitioner,
  type CatalogueType,
  practitionersFor,
} from "./catalogue.js";
export {
  audienceContradicts,
  inDiscipline,
  requireDiscipline,
  typeInDiscipline,
} from "./disciplines.js";
export {
  clinicProfile,
  getCatalogue,
  getCatalogueVersioned,
  listAppointmentTypes,
  listPractitioners,
  READ_WAIT_MS,
  requireLocation,
} from "./read-catalogue.js";
