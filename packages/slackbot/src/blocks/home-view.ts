/**
 * The App Home tab: the linked practitioner's day (or why it cannot be shown), a refresh button, and
 * (given by the caller) the morning-message controls.
 */
import type { types } from "@slack/bolt";
import type { DayAnswer } from "../types.js";
import { dayBlocksWithin } from "./day-blocks.js";
import type { BotProblem } from "./messages.js";
import { problemText } from "./messages.js";

/** The action id of the Home tab's refresh button. */
export const HOME_REFRESH_ACTION_ID = "appointments_home_refresh";
/** Slack's limit of blocks in a Home tab view. */
export const MAX_HOME_BLOCKS = 100;

/** What the Home tab shows. */
export type HomeContent = { kind: "day"; answer: DayAnswer } | { kind: "problem"; problem: BotProblem };

/**
 * The Home tab view. `updatedAt` is a short label ("10:42") in the bot's zone, so staff know how fresh
 * it is; the refresh button reloads it.
 * @example homeView({ kind: "day", answer }, { updatedAt: "10:42", command: "/appointments" })
 */
export function homeView(
  content: HomeContent,
  opts: { updatedAt: string; command?: string; morning?: types.KnownBlock[] },
): { type: "home"; blocks: types.KnownBlock[] } {
  const command = opts.command ?? "/appointments";
  const top: types.KnownBlock[] = [
    {
      type: "actions",
      block_id: "home_actions",
      elements: [
        {
          type: "button",
          action_id: HOME_REFRESH_ACTION_ID,
          text: { type: "plain_text", text: "Refresh", emoji: false },
          value: "refresh",
        },
      ],
    },
  ];
  const footer: types.KnownBlock[] = [
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Updated ${opts.updatedAt}. Other days: \`${command} tomorrow\`, \`${command} friday\`, \`${command} help\`.`,
        },
      ],
    },
  ];
  const morning = opts.morning ?? [];
  const room = MAX_HOME_BLOCKS - top.length - footer.length - morning.length;
  const body: types.KnownBlock[] =
    content.kind === "day"
      ? dayBlocksWithin(content.answer, room)
      : [
          { type: "header", text: { type: "plain_text", text: "Your appointments", emoji: false } },
          { type: "section", text: { type: "mrkdwn", text: problemText(content.problem) } },
        ];
  return { type: "home", blocks: [...top, ...body, ...morning, ...footer] };
}
