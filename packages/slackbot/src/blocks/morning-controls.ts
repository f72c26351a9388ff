/**
 * The Home tab's morning-message controls: a time picker, the days of the week and a stop button.
 * Changing the time or the days saves at once (no submit step); pure builders, unit-tested.
 */
import type { types } from "@slack/bolt";
import type { Weekday } from "../command/parse-schedule.js";
import { WORKING_DAYS } from "../command/parse-schedule.js";

/** Action ids of the controls. */
export const MORNING_TIME_ACTION_ID = "morning_time";
export const MORNING_DAYS_ACTION_ID = "morning_days";
export const MORNING_STOP_ACTION_ID = "morning_stop";
/** Where a first choice of time or days starts from. */
export const DEFAULT_MORNING = { time: "07:30", days: WORKING_DAYS } as const;

const DAY_LABELS: readonly [Weekday, string][] = [
  [1, "Mon"],
  [2, "Tue"],
  [3, "Wed"],
  [4, "Thu"],
  [5, "Fri"],
  [6, "Sat"],
  [0, "Sun"],
];

/** The controls for a person's subscription (undefined: none yet). `schedule` is its description. */
export function morningControls(
  subscription: { time: string; days: readonly Weekday[] } | undefined,
  schedule: string | undefined,
): types.KnownBlock[] {
  const days = subscription?.days ?? DEFAULT_MORNING.days;
  const option = ([day, label]: [Weekday, string]) => ({
    text: { type: "plain_text" as const, text: label, emoji: false },
    value: String(day),
  });
  const elements: types.ActionsBlockElement[] = [
    {
      type: "timepicker",
      action_id: MORNING_TIME_ACTION_ID,
      initial_time: subscription?.time ?? DEFAULT_MORNING.time,
      placeholder: { type: "plain_text", text: "Time", emoji: false },
    },
    {
      type: "checkboxes",
      action_id: MORNING_DAYS_ACTION_ID,
      options: DAY_LABELS.map(option),
      initial_options: DAY_LABELS.filter(([d]) => days.includes(d)).map(option),
    },
  ];
  if (subscription)
    elements.push({
      type: "button",
      action_id: MORNING_STOP_ACTION_ID,
      text: { type: "plain_text", text: "Stop", emoji: false },
      value: "stop",
    });
  const status = subscription
    ? `*Morning message:* ${schedule ?? ""}. Change the time or the days here.`
    : "*Morning message:* off. Pick a time (and days) to get your day as a message each morning.";
  return [
    { type: "divider" },
    { type: "section", text: { type: "mrkdwn", text: status } },
    { type: "actions", block_id: "morning_controls", elements },
  ];
}
