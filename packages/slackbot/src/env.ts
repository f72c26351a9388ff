/**
 * Reading the bot's configuration from an environment record. Entry points pass `process.env`; this
 * module never reads it itself. Errors name the variable, never its value.
 */
import { coreplusConfigFromEnv } from "@coreplus-kit/core/dev";
import type { SlackbotOptions } from "./create-slackbot.js";
import type { ClientNameMode } from "./day/patient-label.js";
import { SlackbotConfigError } from "./errors.js";

/** Options read from the environment, plus what the entry point prints at start-up. */
export interface SlackbotEnvConfig {
  options: SlackbotOptions;
  /** For the start-up line; no secret is included. */
  summary: { mode: "http" | "socket"; coreplusBaseUrl: string; coreplusIsDev: boolean };
}

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === "";

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function practitionerMap(value: string | undefined): Record<string, string> {
  if (blank(value)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value as string);
  } catch (cause) {
    throw new SlackbotConfigError(
      'SLACK_PRACTITIONER_MAP is not JSON (expected {"U0123ABC":"<practitioner id>"})',
      {
        cause,
      },
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new SlackbotConfigError(
      "SLACK_PRACTITIONER_MAP must be a JSON object of Slack user id to practitioner id",
    );
  }
  const map: Record<string, string> = {};
  for (const [userId, practitionerId] of Object.entries(parsed)) {
    if (typeof practitionerId !== "string" || practitionerId.trim() === "") {
      throw new SlackbotConfigError(
        `SLACK_PRACTITIONER_MAP: the value for ${userId} must be a practitioner id string`,
      );
    }
    map[userId.trim()] = practitionerId.trim();
  }
  return map;
}

function port(value: string | undefined): number {
  if (blank(value)) return 3000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new SlackbotConfigError("SLACKBOT_PORT must be a port number");
  return n;
}

function nameMode(value: string | undefined): ClientNameMode {
  if (blank(value)) return "initials";
  const v = (value as string).trim().toLowerCase();
  if (v === "initials" || v === "full") return v;
  throw new SlackbotConfigError("SLACK_SHOW_CLIENT_NAMES must be initials or full");
}

/** An on/off switch: on, true, yes, 1 / off, false, no, 0 (any case); blank is the default. */
function flag(env: Record<string, string | undefined>, name: string, fallback: boolean): boolean {
  const value = env[name];
  if (blank(value)) return fallback;
  const v = (value as string).trim().toLowerCase();
  if (["on", "true", "yes", "1"].includes(v)) return true;
  if (["off", "false", "no", "0"].includes(v)) return false;
  throw new SlackbotConfigError(`${name} must be on or off`);
}

function number(
  env: Record<string, string | undefined>,
  name: string,
  range: { min: number; max: number; integer?: boolean },
): number {
  const n = Number((env[name] as string).trim());
  if (!Number.isFinite(n) || n < range.min || n > range.max || (range.integer && !Number.isInteger(n)))
    throw new SlackbotConfigError(`${name} must be a number from ${range.min} to ${range.max}`);
  return n;
}

/** Checks REDIS_URL's form; the error never repeats it (it may hold a password). */
function redisUrl(value: string): string {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new SlackbotConfigError("REDIS_URL is not a URL (expected redis://host:6379 or rediss://…)");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:")
    throw new SlackbotConfigError("REDIS_URL must start with redis:// or rediss://");
  return trimmed;
}

function required(env: Record<string, string | undefined>, name: string, why: string): string {
  const value = env[name];
  if (blank(value)) throw new SlackbotConfigError(`${name} is required (${why})`);
  return (value as string).trim();
}

/**
 * Builds createSlackbot options from SLACK_*, SLACKBOT_* and COREPLUS_* variables (COREPLUS_* fall
 * back to the development defaults, which match the local sandbox).
 * @example const { options } = slackbotConfigFromEnv(process.env);
 */
export function slackbotConfigFromEnv(env: Record<string, string | undefined>): SlackbotEnvConfig {
  const appToken = blank(env.SLACK_APP_TOKEN) ? undefined : (env.SLACK_APP_TOKEN as string).trim();
  const mode = appToken ? "socket" : "http";
  const botToken = required(env, "SLACK_BOT_TOKEN", "the bot token, xoxb-…, from OAuth & Permissions");
  const signingSecret =
    mode === "http"
      ? required(env, "SLACK_SIGNING_SECRET", "from Basic Information → App Credentials")
      : (env.SLACK_SIGNING_SECRET ?? "").trim();
  const coreplus = coreplusConfigFromEnv(env);
  const options: SlackbotOptions = {
    signingSecret,
    botToken,
    port: port(env.SLACKBOT_PORT),
    host: blank(env.HOST) ? "127.0.0.1" : (env.HOST as string).trim(),
    coreplus: {
      baseUrl: coreplus.baseUrl,
      consumerId: coreplus.consumerId,
      consumerSecret: coreplus.consumerSecret,
      accessToken: coreplus.accessToken,
    },
    showClientNames: nameMode(env.SLACK_SHOW_CLIENT_NAMES),
    showTypes: flag(env, "SLACK_SHOW_TYPES", true),
    practitionerMap: practitionerMap(env.SLACK_PRACTITIONER_MAP),
    viewers: list(env.SLACK_VIEWERS),
    admins: list(env.SLACK_ADMINS),
  };
  if (appToken) options.appToken = appToken;
  if (!blank(env.SLACK_API_URL)) options.slackApiUrl = (env.SLACK_API_URL as string).trim();
  if (!blank(env.SLACK_TIMEZONE)) options.timezone = (env.SLACK_TIMEZONE as string).trim();
  options.state = blank(env.REDIS_URL)
    ? {
        file: blank(env.SLACKBOT_STATE_FILE)
          ? "slackbot-state.json"
          : (env.SLACKBOT_STATE_FILE as string).trim(),
      }
    : { redisUrl: redisUrl(env.REDIS_URL as string) };
  if (!blank(env.SLACK_ACTIVITY_CHANNEL))
    options.activityChannel = (env.SLACK_ACTIVITY_CHANNEL as string).trim();
  if (!blank(env.SLACK_ALERT_TOKEN)) {
    const token = (env.SLACK_ALERT_TOKEN as string).trim();
    if (token.length < 16) throw new SlackbotConfigError("SLACK_ALERT_TOKEN must be at least 16 characters");
    if (!options.activityChannel)
      throw new SlackbotConfigError(
        "SLACK_ALERT_TOKEN needs SLACK_ACTIVITY_CHANNEL (where alerts are posted)",
      );
    options.alertToken = token;
  }
  const watch: NonNullable<SlackbotOptions["watch"]> = {};
  if (!blank(env.SLACKBOT_WATCH_INTERVAL_MS))
    watch.intervalMs = number(env, "SLACKBOT_WATCH_INTERVAL_MS", { min: 1000, max: 3_600_000 });
  if (!blank(env.SLACKBOT_WATCH_DAYS))
    watch.days = number(env, "SLACKBOT_WATCH_DAYS", { min: 1, max: 31, integer: true });
  if (!blank(env.SLACKBOT_WATCH_BUDGET_SHARE))
    watch.budgetShare = number(env, "SLACKBOT_WATCH_BUDGET_SHARE", { min: 0.001, max: 0.5 });
  if (Object.keys(watch).length > 0) options.watch = watch;
  if (!blank(env.SLACKBOT_TIMEOUT_MS)) {
    const ms = Number(env.SLACKBOT_TIMEOUT_MS);
    if (!Number.isFinite(ms) || ms < 1000)
      throw new SlackbotConfigError("SLACKBOT_TIMEOUT_MS must be at least 1000");
    options.requestTimeoutMs = ms;
  }
  return {
    options,
    summary: { mode, coreplusBaseUrl: coreplus.baseUrl, coreplusIsDev: coreplus.isDevSecret },
  };
}
