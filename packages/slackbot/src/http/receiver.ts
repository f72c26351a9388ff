/**
 * The HTTP receiver: Bolt's HTTPReceiver with a body limit fit for Slack. Slack's payloads are a few
 * kilobytes; Bolt's default buffers up to 4 MB from anyone before checking a signature.
 */
import type { CustomRoute, Logger, LogLevel } from "@slack/bolt";
import { HTTPReceiver } from "@slack/bolt";

/** Bodies larger than this get 413 before any signature work (Slack's own are far smaller). */
export const MAX_SLACK_BODY_BYTES = 64 * 1024;

/** Options of `createReceiver`. */
export interface ReceiverOptions {
  signingSecret: string;
  /** Where Slack posts, e.g. /slack/events. */
  path: string;
  port: number;
  logger?: Logger;
  logLevel?: LogLevel;
  /** Extra routes (the booking-rate alert hook). */
  customRoutes?: CustomRoute[];
}

/** An HTTPReceiver that refuses bodies over MAX_SLACK_BODY_BYTES with 413, counted as they arrive. */
export function createReceiver(opts: ReceiverOptions): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret: opts.signingSecret,
    endpoints: opts.path,
    port: opts.port,
    bodyLimit: MAX_SLACK_BODY_BYTES,
    customRoutes: opts.customRoutes ?? [],
    ...(opts.logger ? { logger: opts.logger } : {}),
    ...(opts.logLevel !== undefined ? { logLevel: opts.logLevel } : {}),
  });
}
