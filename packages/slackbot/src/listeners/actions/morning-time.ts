/** The Home tab's time picker: save the new morning time (weekdays if this is the first choice). */
import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  TimepickerAction,
} from "@slack/bolt";
import { DEFAULT_MORNING } from "../../blocks/morning-controls.js";
import { parseTime } from "../../command/parse-schedule.js";
import type { ListenerDeps } from "../deps.js";
import { publishHome } from "../publish-home.js";

type Args = SlackActionMiddlewareArgs<BlockAction<TimepickerAction>> & AllMiddlewareArgs;

/** The listener for the time picker. */
export function morningTime(deps: ListenerDeps): (args: Args) => Promise<void> {
  return async function pickTime({ ack, action, body, client, logger }: Args): Promise<void> {
    await ack();
    const time = parseTime(action.selected_time ?? "");
    if (time === undefined) return;
    const book = deps.services.subscriptions;
    const current = await book.get(body.user.id);
    await book.put({ userId: body.user.id, time, days: current?.days ?? [...DEFAULT_MORNING.days] });
    await publishHome(deps, client, logger, body.user.id, body.team?.id ?? undefined);
  };
}
