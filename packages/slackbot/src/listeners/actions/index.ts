/** Interactivity listeners. */
import type { App } from "@slack/bolt";
import { HOME_REFRESH_ACTION_ID } from "../../blocks/home-view.js";
import type { ListenerDeps } from "../deps.js";
import { homeRefresh } from "./home-refresh.js";

/** Registers the Home tab's buttons. */
export function register(app: App, deps: ListenerDeps): void {
  app.action({ type: "block_actions", action_id: HOME_REFRESH_ACTION_ID }, homeRefresh(deps));
}
