/**
 * The booking-rate alert, posted to a webhook: the Slack bot's `POST /slack/alerts` (its
 * SLACK_ALERT_TOKEN as a bearer token), so that staff hear when a clinic's hourly ceiling of online
 * bookings is reached. Configured by ALERT_WEBHOOK_URL and ALERT_WEBHOOK_TOKEN; it is the poster the
 * limits' `onAlert` hook calls. Web APIs only (Node and Workers alike). The alert carries no patient
 * detail, and a failed post is logged (status only, never the token) without touching the booking.
 */
import { EdgeConfigError, type EdgeConfigIssue } from "../config/index.js";

/** What the limits report when a clinic's booking ceiling is reached (their `BookingRateAlert`). */
export interface CeilingAlert {
  alert: "booking-rate";
  clinic: string;
  /** The ceiling: `limit` online bookings per `windowSeconds`. */
  limit: number;
  windowSeconds: number;
}

/** Where alerts go. */
export interface AlertWebhook {
  url: string;
  token: string;
}

/** The shortest webhook token accepted (the bot's SLACK_ALERT_TOKEN). */
const MIN_TOKEN_LENGTH = 16;
/** A post gives up after this long. */
const POST_TIMEOUT_MS = 5_000;

/**
 * ALERT_WEBHOOK_URL and ALERT_WEBHOOK_TOKEN from the environment: both or neither (undefined). Throws
 * {@link EdgeConfigError} naming the variable when only one is set, the URL is not http(s) or the token
 * is too short (never echoing the token).
 */
export function alertWebhookFromEnv(env: Record<string, string | undefined>): AlertWebhook | undefined {
  const url = env.ALERT_WEBHOOK_URL || undefined;
  const token = env.ALERT_WEBHOOK_TOKEN || undefined;
  if (!url && !token) return undefined;
  const issues: EdgeConfigIssue[] = [];
  if (!url) issues.push({ path: "ALERT_WEBHOOK_URL", message: "must be set with ALERT_WEBHOOK_TOKEN" });
  else if (!/^https?:\/\/[^/]/i.test(url) || !parsesAsUrl(url))
    issues.push({
      path: "ALERT_WEBHOOK_URL",
      message: "must be an http(s) URL, e.g. https://bot.example/slack/alerts",
    });
  if (!token) issues.push({ path: "ALERT_WEBHOOK_TOKEN", message: "must be set with ALERT_WEBHOOK_URL" });
  else if (token.length < MIN_TOKEN_LENGTH)
    issues.push({ path: "ALERT_WEBHOOK_TOKEN", message: `must be at least ${MIN_TOKEN_LENGTH} characters` });
  if (issues.length > 0 || !url || !token) throw new EdgeConfigError(issues);
  return { url, token };
}

/** Whether `text` is a URL (URL.canParse, which @cloudflare/workers-types does not declare). */
function parsesAsUrl(text: string): boolean {
  try {
    return new URL(text).host !== "";
  } catch {
    return false;
  }
}

/** The JSON the bot's hook takes: `count` is the attempts in the window at the first refusal (limit + 1). */
export function alertBody(alert: CeilingAlert) {
  return {
    alert: alert.alert,
    clinic: alert.clinic,
    count: alert.limit + 1,
    limit: alert.limit,
    windowMinutes: Math.max(1, Math.ceil(alert.windowSeconds / 60)),
  };
}

/** Options for {@link createAlertPoster}. */
export interface AlertPosterOptions {
  fetch?: typeof fetch;
  logger?: (entry: Record<string, unknown>) => void;
}

/**
 * A function posting each alert to `hook`; its promise never rejects (a failure is logged). Give it
 * to the app's `onAlert` hook, which hands the promise to the request's `waitUntil` on Workers.
 * @example
 * const hook = alertWebhookFromEnv(process.env);
 * const onAlert = hook && createAlertPoster(hook, { logger });
 */
export function createAlertPoster(
  hook: AlertWebhook,
  opts: AlertPosterOptions = {},
): (alert: CeilingAlert) => Promise<void> {
  const post = opts.fetch ?? ((input, init) => fetch(input, init));
  const log = opts.logger ?? (() => {});
  return async (alert) => {
    const failed = (reason: string) =>
      log({ level: "warn", msg: "alert webhook failed", alert: alert.alert, clinic: alert.clinic, reason });
    try {
      const res = await post(hook.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${hook.token}` },
        body: JSON.stringify(alertBody(alert)),
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      await res.body?.cancel();
      if (!res.ok) failed(`answered ${res.status}`);
      else log({ level: "info", msg: "alert webhook posted", alert: alert.alert, clinic: alert.clinic });
    } catch (err) {
      failed(err instanceof Error && err.name === "TimeoutError" ? "timed out" : "unreachable");
    }
  };
}

/**
 * The `onAlert` hook an entry point configures from its environment (ALERT_WEBHOOK_URL and
 * ALERT_WEBHOOK_TOKEN; Node's `process.env`, a Worker's bindings): a poster, or undefined when
 * neither is set. Throws as {@link alertWebhookFromEnv} does.
 */
export function alertHookFromEnv(
  env: Record<string, string | undefined>,
  opts: AlertPosterOptions = {},
): ((alert: CeilingAlert) => Promise<void>) | undefined {
  const hook = alertWebhookFromEnv(env);
  return hook && createAlertPoster(hook, opts);
}
