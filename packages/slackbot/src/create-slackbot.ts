/**
 * createSlackbot: the Bolt app for one clinic, in HTTP mode (signed requests on /slack/events) or
 * Socket Mode (with an app token). Options only: nothing here reads process.env.
 */
import type { CoreplusClient, CoreplusClientOptions } from "@coreplus-kit/core";
import { createCoreplusClient } from "@coreplus-kit/core";
import type { Logger } from "@slack/bolt";
import { App, LogLevel, webApi } from "@slack/bolt";
import { createPractitionerLinker } from "./access/link-practitioner.js";
import { accessPolicy } from "./access/roles.js";
import type { AnswerServices } from "./answer/services.js";
import type { AuditSink } from "./audit.js";
import { consoleAuditSink } from "./audit.js";
import { type Background, createBackground, type MorningSettings, type WatchSettings } from "./background.js";
import { createDirectoryCache, loadDirectory } from "./day/directory.js";
import type { ClientNameMode } from "./day/patient-label.js";
import { createPatientNames } from "./day/patient-names.js";
import { SlackbotConfigError, SlackbotStoppedError } from "./errors.js";
import { createReceiver } from "./http/receiver.js";
import { registerListeners } from "./listeners/index.js";
import { subscriptionBook } from "./morning/subscriptions.js";
import { deferredStore } from "./state/deferred-store.js";
import { createFileStore } from "./state/file-store.js";
import { createRedisStore } from "./state/redis-store.js";
import { createMemoryStore, type StateStore } from "./state/store.js";

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
  /**
   * Where morning subscriptions and the watcher's last snapshot are kept: a store, a JSON file, or
   * Redis. Default: memory (forgotten on restart); the process entry defaults to a file.
   */
  state?: StateStore | { file: string } | { redisUrl: string; prefix?: string };
  /** A channel id for the activity feed (bookings, cancellations, moves, freed slots); turns the watcher on. */
  activityChannel?: string;
  /** Bearer token of the booking-rate alert hook (POST /slack/alerts); needs `activityChannel`. */
  alertToken?: string;
  watch?: WatchSettings;
  morning?: MorningSettings;
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
  /** The morning-message scheduler (ticks, and `nextTick()` for tests). */
  morning: Background["morning"];
  /** The appointment watcher, when an activity channel is set. */
  watcher: Background["watcher"];
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
  if (options.alertToken && !options.activityChannel)
    throw new SlackbotConfigError("the alert hook (alertToken) needs an activity channel to post to");
  if (options.alertToken && socketMode)
    throw new SlackbotConfigError("the alert hook (alertToken) is an HTTP route: it needs HTTP mode");
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 3000;
  const path = options.path ?? "/slack/events";

  const client = isClient(options.coreplus) ? options.coreplus : createCoreplusClient(options.coreplus);
  const now = options.now ?? (() => new Date());
  // Ends every pending coreplus request when the bot stops (each answer is bounded anyway).
  const lifetime = new AbortController();
  const store = deferredStore();
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
    contacts: { viewers: options.viewers ?? [], admins: options.admins ?? [] },
    subscriptions: subscriptionBook(store, (m) => app.logger.warn(m)),
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
  // Background work has no request to borrow a client from: its own, with the bot token.
  const web = new webApi.WebClient(options.botToken, clientOptions);
  // The background is built before the app (its routes go into the receiver) and logs through the
  // app's logger once there is one.
  const logger: Logger = {
    debug: (...m) => app.logger.debug(...m),
    info: (...m) => app.logger.info(...m),
    warn: (...m) => app.logger.warn(...m),
    error: (...m) => app.logger.error(...m),
    setLevel: (l) => app.logger.setLevel(l),
    getLevel: () => app.logger.getLevel(),
    setName: (n) => app.logger.setName(n),
  };
  const audit = options.audit ?? consoleAuditSink();
  const background = createBackground({
    services,
    store,
    web,
    logger,
    audit,
    wallClock: Date.now,
    ...(options.activityChannel ? { activityChannel: options.activityChannel } : {}),
    ...(options.alertToken ? { alertToken: options.alertToken } : {}),
    ...(options.watch ? { watch: options.watch } : {}),
    ...(options.morning ? { morning: options.morning } : {}),
  });
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
            customRoutes: background.routes,
          }),
        }),
  });
  registerListeners(app, { services, audit, wallClock: Date.now });
  app.error(async (error) => {
    app.logger.error(`unhandled listener error: ${error.code ?? error.name}: ${error.message}`);
  });

  let started = false;
  return {
    app,
    mode: socketMode ? "socket" : "http",
    morning: background.morning,
    watcher: background.watcher,
    async start() {
      try {
        store.open(await openStore(options.state));
      } catch (error) {
        store.fail(error);
        throw error;
      }
      if (socketMode) {
        await app.start();
        started = true;
        background.start();
        return { mode: "socket" as const };
      }
      const server = (await app.start({ port, host })) as import("node:http").Server;
      started = true;
      background.start();
      const address = server.address();
      const bound = typeof address === "object" && address !== null ? address.port : port;
      return {
        mode: "http" as const,
        port: bound,
        url: `http://${host.includes(":") ? `[${host}]` : host}:${bound}${path}`,
      };
    },
    async stop() {
      await background.stop();
      lifetime.abort(new SlackbotStoppedError());
      if (started) {
        started = false;
        await app.stop();
      }
      await store.close();
    },
  };
}

/** Opens the configured state store (memory when none is configured). */
async function openStore(state: SlackbotOptions["state"]): Promise<StateStore> {
  if (state === undefined) return createMemoryStore();
  if ("file" in state) return createFileStore(state.file);
  if ("redisUrl" in state)
    return createRedisStore({ url: state.redisUrl, ...(state.prefix ? { prefix: state.prefix } : {}) });
  return state;
}
