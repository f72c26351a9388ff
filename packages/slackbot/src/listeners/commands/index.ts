/** Slash command listeners. */
import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../deps.js";
import { appointmentsCommand } from "./appointments.js";

/** Registers `/appointments` (or the configured command name). */
export function register(app: App, deps: ListenerDeps): void {
  app.command(deps.services.command, appointmentsCommand(deps));
}
