/**
 * The activity channel (SLACK_ACTIVITY_CHANNEL): one message per burst of changes the watcher saw,
 * and the edge API's booking-rate alert. Posts with the bot token; never names a patient (events
 * carry none).
 */
import type { Logger, webApi } from "@slack/bolt";
import type { SlackMessage } from "../blocks/day-blocks.js";
import type { ChangeEvent } from "../watch/changes.js";
import { type ActivityContext, activityMessage, bookingRateMessage } from "./activity-message.js";

/** A booking-rate alert as the edge API sends it (see the README's "Alert hook"). */
export interface BookingRateAlert {
  alert: "booking-rate";
  clinic: string;
  count: number;
  limit: number;
  windowMinutes: number;
}

/** Options of `createActivityFeed`. */
export interface ActivityFeedOptions {
  client: webApi.WebClient;
  channel: string;
  context: () => Promise<ActivityContext>;
  logger: Logger;
}

/** Posts to the activity channel. */
export interface ActivityFeed {
  /** One message for the burst (nothing when no event is worth a line). */
  changes(events: readonly ChangeEvent[]): Promise<void>;
  alert(alert: BookingRateAlert): Promise<void>;
}

/** Creates the feed. */
export function createActivityFeed(opts: ActivityFeedOptions): ActivityFeed {
  const post = async (message: SlackMessage): Promise<void> => {
    await opts.client.chat.postMessage({
      channel: opts.channel,
      text: message.text,
      blocks: message.blocks,
      // Times and names only: no link previews, nothing to unfurl.
      unfurl_links: false,
      unfurl_media: false,
    });
  };
  return {
    async changes(events) {
      const message = activityMessage(events, await opts.context());
      if (message) await post(message);
    },
    async alert(alert) {
      await post(bookingRateMessage(alert));
    },
  };
}
