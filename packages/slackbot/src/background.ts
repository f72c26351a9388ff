/**
 * What the bot does on its own, beside answering: the morning messages (a scheduler over the
 * subscriptions), and, with an activity channel, the appointment watcher feeding it plus the
 * booking-rate alert hook. Built by createSlackbot; started and stopped with the bot.
 */
import type { CustomRoute, Logger, webApi } from "@slack/bolt";
import { type ActivityFeed, createActivityFeed } from "./activity/activity-feed.js";
import { answerMorning } from "./answer/answer-request.js";
import type { AnswerServices } from "./answer/services.js";
import type { AuditSink } from "./audit.js";
import { alertRoute } from "./http/alert-route.js";
import { slackEmailLookup } from "./listeners/slack-email.js";
import { createMorningScheduler, type MorningScheduler } from "./morning/morning-scheduler.js";
import type { StateStore } from "./state/store.js";
import { type AppointmentWatcher, createAppointmentWatcher } from "./watch/appointment-watcher.js";

/** Settings of the watcher (SLACKBOT_WATCH_*). */
export interface WatchSettings {
  /** Default 120 000 ms. */
  intervalMs?: number;
  /** Days ahead, today included; default 7. */
  days?: number;
  /** Share of the consumer's request budget (default 0.05 of 10 requests a second). */
  budgetShare?: number;
  budgetPerSecond?: number;
}

/** Settings of the morning scheduler. */
export interface MorningSettings {
  /** How often due messages are looked for (default 20 000 ms). */
  tickMs?: number;
  /** How late a message may go out after a restart (default 60 minutes). */
  catchUpMs?: number;
}

/** Options of `createBackground`. */
export interface BackgroundOptions {
  services: AnswerServices;
  store: StateStore;
  /** A Web API client with the bot token (no request is in hand to borrow one from). */
  web: webApi.WebClient;
  logger: Logger;
  audit: AuditSink;
  wallClock: () => number;
  activityChannel?: string;
  alertToken?: string;
  watch?: WatchSettings;
  morning?: MorningSettings;
}

/** The running background work. */
export interface Background {
  morning: MorningScheduler;
  /** Only with an activity channel. */
  watcher: AppointmentWatcher | undefined;
  feed: ActivityFeed | undefined;
  /** HTTP routes beside /slack/events (the alert hook). */
  routes: CustomRoute[];
  start(): void;
  stop(): Promise<void>;
}

/** Builds the background work (not started). */
export function createBackground(o: BackgroundOptions): Background {
  const { services, logger } = o;
  const zone = async (): Promise<string> =>
    services.timezone ?? (await services.directory.get()).locations[0]?.zone ?? "Australia/Melbourne";

  const morning = createMorningScheduler({
    book: services.subscriptions,
    store: o.store,
    zone,
    now: services.now,
    ...(o.morning?.tickMs !== undefined ? { tickMs: o.morning.tickMs } : {}),
    ...(o.morning?.catchUpMs !== undefined ? { catchUpMs: o.morning.catchUpMs } : {}),
    warn: (m) => logger.warn(m),
    async send(subscription, date) {
      const started = o.wallClock();
      const { messages, audit } = await answerMorning(services, {
        userId: subscription.userId,
        date,
        lookupEmail: slackEmailLookup(o.web, logger),
      });
      o.audit({
        at: new Date(started).toISOString(),
        surface: "morning",
        user: subscription.userId,
        ...audit,
        ms: o.wallClock() - started,
      });
      for (const [i, message] of messages.entries()) {
        const intro = {
          type: "context" as const,
          elements: [
            {
              type: "mrkdwn" as const,
              text: `Your morning message. Change or stop it on the Home tab, or \`${services.command} stop\`.`,
            },
          ],
        };
        // A DM to the user (the app's Messages tab): only they see it.
        await o.web.chat.postMessage({
          channel: subscription.userId,
          text: message.text,
          blocks: i === 0 ? [intro, ...message.blocks] : message.blocks,
          unfurl_links: false,
        });
      }
    },
  });

  let feed: ActivityFeed | undefined;
  let watcher: AppointmentWatcher | undefined;
  const routes: CustomRoute[] = [];
  if (o.activityChannel) {
    const channelFeed = createActivityFeed({
      client: o.web,
      channel: o.activityChannel,
      logger,
      context: async () => ({
        directory: await services.directory.get(),
        showTypes: services.showTypes,
        zone: await zone(),
      }),
    });
    feed = channelFeed;
    watcher = createAppointmentWatcher({
      client: services.client,
      directory: () => services.directory.get(),
      store: o.store,
      now: services.now,
      signal: services.signal,
      warn: (m) => logger.warn(m),
      onChanges: (events) =>
        channelFeed
          .changes(events)
          .catch((error: unknown) => logger.warn(`activity post failed: ${String(error)}`)),
      ...o.watch,
    });
    if (o.alertToken)
      routes.push(alertRoute({ token: o.alertToken, deliver: (alert) => channelFeed.alert(alert) }));
  }

  return {
    morning,
    watcher,
    feed,
    routes,
    start() {
      morning.start();
      watcher?.start();
    },
    async stop() {
      await Promise.all([morning.stop(), watcher?.stop()]);
    },
  };
}
