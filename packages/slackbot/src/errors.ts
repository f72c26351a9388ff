/** The Slack bot's errors: one hierarchy with stable codes, never carrying tokens or patient data. */

/** Every `code` a {@link SlackbotError} carries. */
export type SlackbotErrorCode = "ERR_SLACKBOT_CONFIG" | "ERR_SLACKBOT_STOPPED" | "ERR_SLACKBOT_TIMEOUT";

/** Base class of the bot's own errors. */
export class SlackbotError extends Error {
  readonly code: SlackbotErrorCode;
  constructor(code: SlackbotErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = this.constructor.name;
    this.code = code;
  }
}

/** Invalid options or environment (`ERR_SLACKBOT_CONFIG`); the message names the setting, never its value. */
export class SlackbotConfigError extends SlackbotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("ERR_SLACKBOT_CONFIG", message, options);
  }
}

/** The bot was stopped while an answer was pending (`ERR_SLACKBOT_STOPPED`). */
export class SlackbotStoppedError extends SlackbotError {
  constructor() {
    super("ERR_SLACKBOT_STOPPED", "The Slack bot stopped");
  }
}

/** coreplus did not answer within the bot's bound on one request (`ERR_SLACKBOT_TIMEOUT`). */
export class SlackbotTimeoutError extends SlackbotError {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super("ERR_SLACKBOT_TIMEOUT", `coreplus did not answer within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}
