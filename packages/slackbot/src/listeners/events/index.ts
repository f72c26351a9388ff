/** Events API listeners. */
import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../deps.js";
import { appHomeOpened } from "./app-home-opened.js";

/** Registers the Home tab event. */
export function register(app: App, deps: ListenerDeps): void {
  app.event("app_home_opened", appHomeOpened(deps));
}
