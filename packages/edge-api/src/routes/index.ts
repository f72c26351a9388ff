/** Every route of the edge API: each module holds its `createRoute` definitions and their handlers. */
export { appointmentTypesRoute, appointmentTypesRoutes } from "./appointment-types.js";
export { availabilityRoute, availabilityRoutes } from "./availability.js";
export { type BookingsRoutesOptions, bookingRoute, bookingsRoutes } from "./bookings.js";
export { bootstrapRoute, bootstrapRoutes } from "./bootstrap.js";
export { challengeRoute, challengeRoutes } from "./challenge.js";
export { clinicRoutes, profileRoute } from "./clinic.js";
export { type HealthRoutesOptions, healthRoute, healthRoutes } from "./health.js";
export {
  cancelRoute,
  lookupRoute,
  type ManageRoutesOptions,
  managedBookingRoute,
  manageRoutes,
  rescheduleRoute,
} from "./manage.js";
export { practitionersRoute, practitionersRoutes } from "./practitioners.js";
