/** Registers every listener on the app: one file per listener, one `register` per kind. */
import type { App } from "@slack/bolt";
import { register as registerActions } from "./actions/index.js";
import { register as registerCommands } from "./commands/index.js";
import type { ListenerDeps } from "./deps.js";
import { register as registerEvents } from "./events/index.js";

export type { ListenerDeps } from "./deps.js";

/** Registers the slash command, the Home tab event and the Home tab's actions. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
}
