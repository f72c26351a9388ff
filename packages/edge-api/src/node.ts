/**
 * `@coreplus-kit/edge-api/node`: serves the edge API on Node. Run as a program (`node dist/node.js`,
 * or `pnpm --filter @coreplus-kit/edge-api start`) it reads CLINICS_FILE or CLINICS_JSON (else serves
 * the local sandbox's clinic as `harbourside`), keeps its state in Redis when REDIS_URL is set (else in
 * memory), listens on HOST:EDGE_API_PORT (127.0.0.1:8787) and shuts down cleanly on SIGINT/SIGTERM.
 */
import { readFile } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { coreplusConfigFromEnv } from "@coreplus-kit/core/dev";
import { listen, PortInUseError } from "@coreplus-kit/core/node";
import { getRequestListener } from "@hono/node-server";
import { alertHookFromEnv } from "./alerts/index.js";
import { createEdgeApp, DOCS_ASSET_NAMES, type EdgeDeps } from "./app/index.js";
import {
  budgetFromEnv,
  defaultSandboxConfig,
  deploymentSecrets,
  type EdgeConfig,
  EdgeConfigError,
  parseEdgeConfigText,
  startupWarnings,
} from "./config/index.js";
import { createMemoryState, type EdgeStateFactory } from "./state/index.js";
import {
  createRedisState,
  type RedisState,
  RedisUnavailableError,
  redactRedisUrl,
} from "./state/redis/index.node.js";

export {
  createRedisState,
  LockLostError,
  type RedisState,
  type RedisStateOptions,
  RedisUnavailableError,
} from "./state/redis/index.node.js";

/** Options for {@link serveEdgeApi}. */
export interface ServeEdgeApiOptions {
  /** Default 8787; 0 picks a free port (tests). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: from `env` (CLINICS_FILE / CLINICS_JSON), else {@link defaultSandboxConfig}. */
  config?: EdgeConfig;
  /** Business clock. */
  now?: () => Date;
  /** Wall clock in ms (tests; see EdgeDeps.wallNow): give a memory `state` the same one. */
  wallNow?: () => number;
  logger?: (entry: Record<string, unknown>) => void;
  /** Overrides the configuration's `trustProxy`. */
  trustProxy?: boolean;
  /** Default: memory. (The program, `node dist/node.js`, passes a Redis state when REDIS_URL is set.) */
  state?: EdgeStateFactory;
  fetch?: typeof fetch;
  /** Called when a clinic's booking ceiling is reached (see EdgeDeps.onAlert). */
  onAlert?: EdgeDeps["onAlert"];
  /** Where CLINICS_FILE, CLINICS_JSON, COREPLUS_*, MANAGE_SECRET and secret variables are read. Default: process.env. */
  env?: Record<string, string | undefined>;
  /**
   * Signs manage tokens; default MANAGE_SECRET from `env`. Required (as EDGE_SECRET is) with any
   * configuration but the built-in sandbox one, which falls back to the printed development default.
   */
  manageSecret?: string;
}

/** A running edge API. */
export interface EdgeApiServer {
  /** Origin, e.g. "http://127.0.0.1:8787". */
  url: string;
  port: number;
  config: EdgeConfig;
  /** Stops accepting connections and waits for open requests to end. */
  close(): Promise<void>;
}

/** Reads the configuration the way the program does: CLINICS_FILE, then CLINICS_JSON, else the sandbox. */
export async function loadEdgeConfig(env: Record<string, string | undefined>): Promise<EdgeConfig> {
  if (env.CLINICS_FILE) {
    let text: string;
    try {
      text = await readFile(env.CLINICS_FILE, "utf8");
    } catch (cause) {
      throw new EdgeConfigError([{ path: "CLINICS_FILE", message: `cannot read ${env.CLINICS_FILE}` }], {
        cause,
      });
    }
    return parseEdgeConfigText(text, env, "file");
  }
  if (env.CLINICS_JSON) return parseEdgeConfigText(env.CLINICS_JSON, env, "inline");
  const { baseUrl, consumerId, consumerSecret, accessToken } = coreplusConfigFromEnv(env);
  return {
    ...defaultSandboxConfig({ baseUrl, credentials: { consumerId, consumerSecret, accessToken } }),
    ...deploymentSecrets(env),
  };
}

let assetCache: Map<string, { body: Uint8Array; type: string }> | undefined;

/** swagger-ui-dist's files, read once from the installed package. */
async function docsAsset(name: string): Promise<Response | undefined> {
  if (!(DOCS_ASSET_NAMES as readonly string[]).includes(name)) return undefined;
  assetCache ??= new Map();
  let hit = assetCache.get(name);
  if (!hit) {
    const dir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
    const body = new Uint8Array(await readFile(join(dir, name)));
    hit = {
      body,
      type: name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8",
    };
    assetCache.set(name, hit);
  }
  return new Response(hit.body.slice(), {
    headers: { "content-type": hit.type, "cache-control": "public, max-age=86400" },
  });
}

/** A structured logger that also exposes `flush()` (call it before exiting). */
export interface JsonLogger {
  (entry: Record<string, unknown>): void;
  flush(): void;
}

/**
 * One JSON line per entry, written in batches (every 10 ms, or at 64 KiB) as pino's transport does:
 * a write per request costs more than the rest of a cached request together.
 */
export function createJsonLogger(
  write: (chunk: string) => void = (s) => process.stdout.write(s),
): JsonLogger {
  let lines: string[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (lines.length === 0) return;
    const chunk = lines.join("");
    lines = [];
    size = 0;
    write(chunk);
  };
  // The timestamp's text, formatted once per millisecond (toISOString measured ~1.2 µs a line).
  let lastMs = Number.NaN;
  let lastTime = "";
  const logger = (entry: Record<string, unknown>) => {
    const ms = Date.now();
    if (ms !== lastMs) {
      lastMs = ms;
      lastTime = new Date(ms).toISOString();
    }
    // Splice the timestamp in rather than copying the entry into a new object.
    const json = JSON.stringify(entry);
    const line = `{"time":"${lastTime}"${json.length > 2 ? "," : ""}${json.slice(1)}\n`;
    lines.push(line);
    size += line.length;
    if (size >= 65_536) flush();
    else if (!timer) {
      timer = setTimeout(flush, 10);
      timer.unref();
    }
  };
  return Object.assign(logger, { flush });
}

const jsonLines = createJsonLogger();
process.on("exit", () => jsonLines.flush());

/**
 * A request header from the IncomingMessage's own record (lower-case names; repeated values joined
 * with ", " as `Headers.get` joins them, for the headers read this way), where there is one: reading
 * `req.headers` on @hono/node-server builds a `Headers` from the raw list on every request.
 */
function nodeRequestHeader(req: Request, bindings: unknown, name: string): string | undefined {
  const incoming = (bindings as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return req.headers.get(name) ?? undefined;
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Starts the edge API on Node. */
export async function serveEdgeApi(opts: ServeEdgeApiOptions = {}): Promise<EdgeApiServer> {
  const env = opts.env ?? process.env;
  const logger = opts.logger ?? jsonLines;
  const loaded = opts.config ?? (await loadEdgeConfig(env));
  const config = opts.trustProxy === undefined ? loaded : { ...loaded, trustProxy: opts.trustProxy };
  const deps: EdgeDeps = {
    logger,
    docsAssets: docsAsset,
    clientAddress: (_req, bindings) =>
      (bindings as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress,
    requestHeader: nodeRequestHeader,
  };
  if (opts.now) deps.now = opts.now;
  if (opts.wallNow) deps.wallNow = opts.wallNow;
  // The default memory state takes the budget's settings from `env` (COREPLUS_REQUESTS_PER_SECOND, COREPLUS_PRIORITY_RESERVE).
  deps.state = opts.state ?? createMemoryState(budgetFromEnv(env));
  if (opts.fetch) deps.fetch = opts.fetch;
  const manageSecret = opts.manageSecret ?? env.MANAGE_SECRET;
  if (manageSecret) deps.manageSecret = manageSecret;
  // ALERT_WEBHOOK_URL + ALERT_WEBHOOK_TOKEN: the booking-rate alert goes to the Slack bot's /slack/alerts.
  const onAlert = opts.onAlert ?? alertHookFromEnv(env, { logger });
  if (onAlert) deps.onAlert = onAlert;
  const app = createEdgeApp(config, deps);
  const host = opts.host ?? "127.0.0.1";
  const server = await listen(getRequestListener(app.fetch), {
    host,
    port: opts.port ?? 8787,
    portHint: "set EDGE_API_PORT to use another port",
  });
  const { url, port } = server;
  logger({
    level: "info",
    msg: "edge API listening",
    url,
    clinics: config.clinics.map((c) => c.slug),
    config: config.source,
  });
  if (config.source === "default-sandbox")
    logger({
      level: "warn",
      msg: "no CLINICS_FILE or CLINICS_JSON: serving the local sandbox as clinic 'harbourside' with the development defaults; any loopback origin is allowed (development only)",
      coreplus: config.clinics[0]?.coreplus.baseUrl,
    });
  for (const warning of startupWarnings(config)) logger(warning);
  return {
    url,
    port,
    config,
    // Requests in flight finish; idle keep-alive sockets end at once, so they cannot hold close() open.
    close: () => server.close({ drain: true }).finally(() => jsonLines.flush()),
  };
}

async function main(): Promise<void> {
  const port = Number(process.env.EDGE_API_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`EDGE_API_PORT must be a port number, not "${process.env.EDGE_API_PORT}"`);
    process.exit(2);
  }
  let running: EdgeApiServer;
  let redis: RedisState | undefined;
  try {
    // REDIS_URL: the state every process behind a load balancer shares (docs/running-several-node-processes.md).
    if (process.env.REDIS_URL) {
      try {
        redis = createRedisState({
          url: process.env.REDIS_URL,
          logger: jsonLines,
          ...budgetFromEnv(process.env),
        });
      } catch (err) {
        console.error(`REDIS_URL: ${(err as Error).message}`);
        process.exit(2);
      }
      await redis.ready();
      jsonLines({ level: "info", msg: "state in redis", redis: redactRedisUrl(process.env.REDIS_URL) });
    }
    running = await serveEdgeApi({
      port,
      host: process.env.HOST ?? "127.0.0.1",
      ...(redis ? { state: redis } : {}),
    });
  } catch (err) {
    if (err instanceof EdgeConfigError || err instanceof RedisUnavailableError) console.error(err.message);
    else if (err instanceof PortInUseError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    jsonLines({ level: "info", msg: "shutting down", signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    running
      .close()
      .then(() => redis?.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

const entry = process.argv[1];
if (
  entry &&
  import.meta.url === pathToFileURL(entry).href &&
  fileURLToPath(import.meta.url).endsWith("node.js")
) {
  void main();
}
