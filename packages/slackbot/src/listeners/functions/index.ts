/** Workflow Builder custom steps. */
import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../deps.js";
import { GET_APPOINTMENTS_FUNCTION, getAppointmentsStep } from "./get-appointments.js";

/** Registers the "Get appointments" step. */
export function register(app: App, deps: ListenerDeps): void {
  app.function(GET_APPOINTMENTS_FUNCTION, getAppointmentsStep(deps));
}
