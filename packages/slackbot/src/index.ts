/**
 * @coreplus-kit/slackbot: `/appointments` for clinic staff, a Bolt app over the coreplus client.
 * `createSlackbot(options)` builds it; `src/node.ts` is the env-reading process entry. The request
 * signer and a fake Slack for tests live in `@coreplus-kit/slackbot/testing`.
 */
export type { PractitionerLink } from "./access/link-practitioner.js";
export {
  type AccessPolicy,
  accessPolicy,
  canSeeOthers,
  mayView,
  roleOf,
  type StaffRole,
} from "./access/roles.js";
export type { BookingRateAlert } from "./activity/activity-feed.js";
export {
  type AuditEntry,
  type AuditOutcome,
  type AuditSink,
  type AuditSurface,
  consoleAuditSink,
} from "./audit.js";
export type { MorningSettings, WatchSettings } from "./background.js";
export {
  dayMessages,
  MAX_BLOCKS_PER_MESSAGE,
  MAX_MESSAGES_PER_RESPONSE_URL,
  MAX_SECTION_TEXT,
  type SlackMessage,
} from "./blocks/day-blocks.js";
export { HOME_REFRESH_ACTION_ID, homeView } from "./blocks/home-view.js";
export { type BotProblem, helpMessage, problemMessage } from "./blocks/messages.js";
export { type DateSpec, type ParsedCommand, parseCommand, type WhoSpec } from "./command/parse-command.js";
export { resolveDate } from "./command/resolve-date.js";
export { createSlackbot, type Slackbot, type SlackbotOptions } from "./create-slackbot.js";
export { loadDirectory } from "./day/directory.js";
export { type ClientNameMode, initials } from "./day/patient-label.js";
export { type SlackbotEnvConfig, slackbotConfigFromEnv } from "./env.js";
export {
  SlackbotConfigError,
  SlackbotError,
  type SlackbotErrorCode,
  SlackbotStoppedError,
  SlackbotTimeoutError,
} from "./errors.js";
export {
  createFileStore,
  createMemoryStore,
  createRedisStore,
  type RedisStoreOptions,
  type StateStore,
} from "./state/index.js";
export type { DayAnswer, DayAppointment, DayGap, DayItem, PractitionerDay } from "./types.js";
export {
  type AppointmentWatcher,
  type AppointmentWatcherOptions,
  createAppointmentWatcher,
  intervalForBudget,
  type PollResult,
} from "./watch/appointment-watcher.js";
export {
  type ChangeEvent,
  diffSnapshots,
  type Slot,
  type SlotEntry,
  type Snapshot,
} from "./watch/changes.js";
