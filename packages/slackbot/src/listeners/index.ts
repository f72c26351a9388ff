/** Registers every listener on the app: one file per listener, one `register` per kind. */
import type { App } from "@slack/bolt";
import { register as registerActions } from "./actions/index.js";
import { register as registerCommands } from "./commands/index.js";
import type { ListenerDeps } from "./deps.js";
import { register as registerEvents } from "./events/index.js";
import { register as registerFunctions } from "./functions/index.js";

export type { ListenerDeps } from "./deps.js";

/** Registers the slash command, the Home tab event, the actions and the workflow step. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerFunctions(app, deps);
}
