/**
 * createSlackbot: the Bolt app for one clinic, in HTTP mode (signed requests on /slack/events) or
 * Socket Mode (with an app token). Options only: nothing here reads process.env.
 */
import type { CoreplusClient, CoreplusClientOptions } from "@coreplus-kit/core";
import { createCoreplusClient } from "@coreplus-kit/core";
import type { Logger } from "@slack/bolt";
import { App, LogLevel } from "@slack/bolt";
import { createPractitionerLinker } from "./access/link-practitioner.js";
import { accessPolicy } from "./access/roles.js";
import type { AnswerServices } from "./answer/answer-request.js";
import type { AuditSink } from "./audit.js";
import { consoleAuditSink } from "./audit.js";
import { createDirectoryCache, loadDirectory } from "./day/directory.js";
import type { ClientNameMode } from "./day/patient-label.js";
import { createPatientNames } from "./day/patient-names.js";
import { SlackbotConfigError, SlackbotStoppedError } from "./errors.js";
import { createReceiver } from "./http/receiver.js";
import { registerListeners } from "./listeners/index.js";

/** Options of `createSlackbot`. */
export interface SlackbotOptions {
  /** The app's signing secret (HTTP mode verifies every request with it). */
  signingSecret: string;
  /** The bot token (`xoxb-…`). */
  botToken: string;
  /** An app-level token (`xapp-…`): when set, the bot uses Socket Mode instead of HTTP. */
  appToken?: string;
  /** Web API base URL handed as is to Bolt's `clientOptions.slackApiUrl` (ends in `/api/`). */
  slackApiUrl?: string;
  /** HTTP mode: port (default 3000; 0 picks a free one), host (default 127.0.0.1), path (default /slack/events). */
  port?: number;
  host?: string;
  path?: string;
  /** The clinic's coreplus: a ready client, or options for one. */
  coreplus: CoreplusClient | CoreplusClientOptions;
  /** "Today" is the date in this IANA zone (default: the first location's zone). */
  timezone?: string;
  /** How patients appear: `initials` (default) or `full`. */
  showClientNames?: ClientNameMode;
  /** Show appointment type names (default true); false shows "Appointment", as a type can be health information. */
  showTypes?: boolean;
  /** Slack user id → coreplus practitioner id; wins over the email link. */
  practitionerMap?: Readonly<Record<string, string>>;
  /** Slack user ids who may see any practitioner's day and `all` (reception, managers). */
  viewers?: readonly string[];
  /** Slack user ids with the same reach as viewers (people who run the bot). */
  admins?: readonly string[];
  /** Bound on waiting for coreplus for one answer, default 20 000 ms. */
  requestTimeoutMs?: number;
  /** Business clock ("today"); default the wall clock. */
  now?: () => Date;
  /** Audit sink; default one `audit {json}` line per request on stdout. */
  audit?: AuditSink;
  /** The slash command's name, default `/appointments`. */
  command?: string;
  /** The bot's own ids, if known (they only let Bolt ignore the bot's own events). */
  botId?: string;
  botUserId?: string;
  logger?: Logger;
  logLevel?: LogLevel;
  /** fetch for response_url posts and the Web API client (tests, proxies). */
  fetch?: typeof fetch;
}

/** A created bot. */
export interface Slackbot {
  /** The Bolt app, for adding listeners or middleware. */
  app: App;
  /** How the bot receives requests. */
  mode: "http" | "socket";
  /** Starts listening; in HTTP mode resolves with the bound port and the events URL. */
  start(): Promise<{ mode: "http"; port: number; url: string } | { mode: "socket" }>;
  /** Stops listening; in-flight answers finish on their own (each is bounded by requestTimeoutMs). */
  stop(): Promise<void>;
}

function isClient(value: CoreplusClient | CoreplusClientOptions): value is CoreplusClient {
  return typeof (value as CoreplusClient).request === "function";
}

function checkZone(zone: string): void {
  try {
    new Intl.DateTimeFormat("en-AU", { timeZone: zone });
  } catch (cause) {
    throw new SlackbotConfigError(
      `timezone is not an IANA time zone name (for example Australia/Melbourne)`,
      { cause },
    );
  }
}

/**
 * Creates the bot. Does not touch the network until `start()` (and then only to listen, or to open
 * the Socket Mode connection).
 * @example
 * const bot = createSlackbot({ signingSecret, botToken, coreplus: coreplusConfigFromEnv(process.env) });
 * const { url } = await bot.start(); // http://127.0.0.1:3000/slack/events
 */
export function createSlackbot(options: SlackbotOptions): Slackbot {
  if (!options.botToken) throw new SlackbotConfigError("botToken is required");
  const socketMode = options.appToken !== undefined && options.appToken !== "";
  if (!socketMode && !options.signingSecret)
    throw new SlackbotConfigError("signingSecret is required in HTTP mode");
  if (options.timezone !== undefined) checkZone(options.timezone);
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 3000;
  const path = options.path ?? "/slack/events";

  const client = isClient(options.coreplus) ? options.coreplus : createCoreplusClient(options.coreplus);
  const now = options.now ?? (() => new Date());
  // Ends every pending coreplus request when the bot stops (each answer is bounded anyway).
  const lifetime = new AbortController();
  const services: AnswerServices = {
    client,
    directory: createDirectoryCache(() => loadDirectory(client, lifetime.signal)),
    names: createPatientNames(client),
    linker: createPractitionerLinker({ practitionerMap: options.practitionerMap ?? {} }),
    policy: accessPolicy({
      viewers: options.viewers ?? [],
      admins: options.admins ?? [],
      practitionerMap: options.practitionerMap ?? {},
    }),
    nameMode: options.showClientNames ?? "initials",
    showTypes: options.showTypes ?? true,
    timezone: options.timezone,
    now,
    timeoutMs: options.requestTimeoutMs ?? 20_000,
    command: options.command ?? "/appointments",
    inFlightDays: new Map(),
    signal: lifetime.signal,
    onError: (error, reference) => {
      const e = error as { name?: string; message?: string };
      app.logger.error(
        `answer failed (reference ${reference}): ${e.name ?? "Error"}: ${e.message ?? String(error)}`,
      );
    },
  };

  const clientOptions: NonNullable<ConstructorParameters<typeof App>[0]>["clientOptions"] = {
    // The Web API client's default retries span half an hour; an answer is worth a few seconds of trying.
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 },
    timeout: 10_000,
  };
  if (options.slackApiUrl) clientOptions.slackApiUrl = options.slackApiUrl;
  if (options.fetch) clientOptions.fetch = options.fetch;
  const authorization = {
    botToken: options.botToken,
    ...(options.botId ? { botId: options.botId } : {}),
    ...(options.botUserId ? { botUserId: options.botUserId } : {}),
  };
  const app = new App({
    // A fixed authorization instead of `token`: Bolt would otherwise call auth.test at construction,
    // and a failure there becomes an unhandled rejection that ends the process.
    authorize: async () => authorization,
    // No conversation store: the bot keeps no per-conversation state, and it is one less step before ack().
    convoStore: false,
    clientOptions,
    ...(options.logger ? { logger: options.logger } : {}),
    logLevel: options.logLevel ?? LogLevel.INFO,
    ...(socketMode
      ? { socketMode: true, appToken: options.appToken as string }
      : {
          receiver: createReceiver({
            signingSecret: options.signingSecret,
            path,
            port,
            ...(options.logger ? { logger: options.logger } : {}),
            logLevel: options.logLevel ?? LogLevel.INFO,
          }),
        }),
  });
  registerListeners(app, { services, audit: options.audit ?? consoleAuditSink(), wallClock: Date.now });
  app.error(async (error) => {
    app.logger.error(`unhandled listener error: ${error.code ?? error.name}: ${error.message}`);
  });

  let started = false;
  return {
    app,
    mode: socketMode ? "socket" : "http",
    async start() {
      if (socketMode) {
        await app.start();
        started = true;
        return { mode: "socket" as const };
      }
      const server = (await app.start({ port, host })) as import("node:http").Server;
      started = true;
      const address = server.address();
      const bound = typeof address === "object" && address !== null ? address.port : port;
      return {
        mode: "http" as const,
        port: bound,
        url: `http://${host.includes(":") ? `[${host}]` : host}:${bound}${path}`,
      };
    },
    async stop() {
      lifetime.abort(new SlackbotStoppedError());
      if (!started) return;
      started = false;
      await app.stop();
    },
  };
}
