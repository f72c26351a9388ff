/** zod models of every coreplus resource and request body (coreplus-api.md §3–4). */
export { Address } from "./address.js";
export { Appointment, AppointmentClient, AppointmentPractitioner, AppointmentStatus } from "./appointment.js";
export { AppointmentBook, AppointmentCancel, AppointmentUpdate } from "./appointment-request.js";
export { AppointmentType, AppointmentTypeCreate, AppointmentTypeCreated } from "./appointment-type.js";
export { AvailabilitySlot } from "./availability.js";
export {
  CLIENT_GENDERS,
  ClientCreated,
  ClientDetail,
  type ClientGender,
  ClientSummary,
  RelatedClient,
} from "./client.js";
export {
  ClientFamily,
  ClientFamilyCreate,
  FAMILY_RELATIONSHIPS,
  FAMILY_TITLES,
} from "./client-family.js";
export {
  CLIENT_PRONOUNS,
  CLIENT_STATUSES,
  CLIENT_TITLES,
  ClientCreate,
  ClientUpdate,
} from "./client-request.js";
export {
  Boolish,
  CoreplusDate,
  CoreplusDateTime,
  Guid,
  type ListEnvelopeShape,
  listEnvelope,
  Paging,
  ResultError,
  ResultItem,
  StatusMessages,
  wrappedOrBare,
} from "./common.js";
export { Location, LocationTimeZone } from "./location.js";
export { Practitioner } from "./practitioner.js";
