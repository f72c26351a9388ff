/** Interactivity listeners. */
import type {
  App,
  BlockAction,
  ButtonAction,
  CheckboxesAction,
  StaticSelectAction,
  TimepickerAction,
} from "@slack/bolt";
import { EXPAND_PRACTITIONER_ACTION_ID } from "../../blocks/all-summary.js";
import { HOME_REFRESH_ACTION_ID } from "../../blocks/home-view.js";
import {
  MORNING_DAYS_ACTION_ID,
  MORNING_STOP_ACTION_ID,
  MORNING_TIME_ACTION_ID,
} from "../../blocks/morning-controls.js";
import type { ListenerDeps } from "../deps.js";
import { expandPractitioner } from "./expand-practitioner.js";
import { homeRefresh } from "./home-refresh.js";
import { morningDays } from "./morning-days.js";
import { morningStop } from "./morning-stop.js";
import { morningTime } from "./morning-time.js";

/** Registers the Home tab's controls and the "all" summary's menu. */
export function register(app: App, deps: ListenerDeps): void {
  app.action({ type: "block_actions", action_id: HOME_REFRESH_ACTION_ID }, homeRefresh(deps));
  // By action id alone: the listener's own type names the element (select, time picker, checkboxes).
  app.action<BlockAction<StaticSelectAction | ButtonAction>>(
    new RegExp(`^${EXPAND_PRACTITIONER_ACTION_ID}(:\\d+)?$`),
    expandPractitioner(deps),
  );
  app.action<BlockAction<TimepickerAction>>(MORNING_TIME_ACTION_ID, morningTime(deps));
  app.action<BlockAction<CheckboxesAction>>(MORNING_DAYS_ACTION_ID, morningDays(deps));
  app.action<BlockAction<ButtonAction>>(MORNING_STOP_ACTION_ID, morningStop(deps));
}
