/**
 * `@coreplus-kit/sandbox/node`: serves the sandbox on Node (`serveSandbox`), and, run as a program
 * (`node dist/node.js`, what `pnpm --filter @coreplus-kit/sandbox start` does), a local coreplus on
 * SANDBOX_PORT (default 4010) with credentials from COREPLUS_* or the development defaults.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { dateInZone } from "@coreplus-kit/core";
import { coreplusConfigFromEnv, DEV_ACCESS_TOKEN, DEV_SANDBOX_ADMIN_TOKEN } from "@coreplus-kit/core/dev";
import { listen } from "@coreplus-kit/core/node";
import { getRequestListener } from "@hono/node-server";
import { isDroppedResponse } from "./controls/faults.js";
import { createSandbox, type Sandbox, type SandboxOptions } from "./index.js";
import { parseState, SandboxStateError, serializeState } from "./state.js";

export { SandboxStateError } from "./state.js";

/** Options of {@link serveSandbox}. */
export interface ServeSandboxOptions extends SandboxOptions {
  /** Default 4010; 0 picks a free port (tests). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** Where to keep state across restarts: read on start, written on close. */
  stateFile?: string;
  /** Where log lines go (default console.log). */
  log?: (line: string) => void;
}

/** A sandbox listening on a port. */
export interface RunningSandbox {
  /** The origin, e.g. "http://127.0.0.1:4010". */
  url: string;
  port: number;
  sandbox: Sandbox;
  /** Stops listening (dropping open connections) and writes the state file if one is set. */
  close(): Promise<void>;
}

const DEFAULT_PORT = 4010;
const DEFAULT_HOST = "127.0.0.1";

function businessDate(sandbox: Sandbox): string {
  const zone = sandbox.seed.locations[0]?.zone ?? "Australia/Melbourne";
  return dateInZone(sandbox.clock.now(), zone);
}

function readStateFile(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new SandboxStateError(`Cannot read the sandbox state file ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/** Loads the state file into the sandbox, reseeding (with a log line) when it is from an earlier day. */
function loadState(sandbox: Sandbox, path: string, seed: number, log: (line: string) => void): void {
  const text = readStateFile(path);
  if (text === undefined) {
    log(`sandbox: no state file at ${path} yet; starting from the seed (it is written on shutdown)`);
    return;
  }
  const state = parseState(text, path);
  const today = businessDate(sandbox);
  if (state.seed !== seed) {
    log(`sandbox: state file ${path} was saved with seed ${state.seed}, not ${seed}; reseeding`);
  } else if (state.savedDate < today) {
    log(
      `sandbox: state file ${path} was saved on ${state.savedDate}, an earlier day; reseeding around ${today}`,
    );
  } else {
    sandbox.store.load(state.store);
    log(`sandbox: restored state from ${path} (saved ${state.savedAt})`);
  }
}

function writeState(sandbox: Sandbox, path: string, seed: number): void {
  const text = serializeState({
    seed,
    savedAt: sandbox.clock.now().toISOString(),
    savedDate: businessDate(sandbox),
    store: sandbox.store.snapshot(),
  });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, "utf8");
  renameSync(tmp, path);
}

/** Serves a sandbox over HTTP on Node. */
export async function serveSandbox(opts: ServeSandboxOptions = {}): Promise<RunningSandbox> {
  const { port = DEFAULT_PORT, host = DEFAULT_HOST, stateFile, log = console.log, ...sandboxOptions } = opts;
  const seed = sandboxOptions.seed ?? 1;
  const sandbox = createSandbox(sandboxOptions);
  const statePath = stateFile === undefined ? undefined : resolve(stateFile);
  if (statePath) loadState(sandbox, statePath, seed, log);

  const listener = getRequestListener(async (request, env) => {
    const res = await sandbox.app.fetch(request, env);
    if (isDroppedResponse(res)) {
      // The test control asked for a dropped connection: the client must see a network error.
      (env as { incoming: IncomingMessage }).incoming.socket.destroy();
      return new Response(null, { headers: { "x-hono-already-sent": "1" } });
    }
    return res;
  });
  const server = await listen((req, res) => void listener(req, res), {
    host,
    port,
    portHint: "set SANDBOX_PORT to use another port",
  });

  let closed: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    sandbox,
    close() {
      // Open connections are dropped; the state file is written even when closing reports an error.
      closed ??= server.close().finally(() => {
        if (statePath) writeState(sandbox, statePath, seed);
      });
      return closed;
    },
  };
}

/** The program: reads the environment, serves, prints how to connect, stops cleanly on signals. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = coreplusConfigFromEnv(env);
  const adminToken = env.SANDBOX_ADMIN_TOKEN?.trim() || DEV_SANDBOX_ADMIN_TOKEN;
  const portText = env.SANDBOX_PORT?.trim() || String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`SANDBOX_PORT must be a port number, got "${portText}"`);
  const seedText = env.SANDBOX_SEED?.trim();
  const seed = seedText ? Number(seedText) : 1;
  if (!Number.isInteger(seed)) throw new Error(`SANDBOX_SEED must be an integer, got "${seedText}"`);
  const stateFile = env.SANDBOX_STATE_FILE?.trim() || undefined;

  const running = await serveSandbox({
    port,
    host: env.HOST?.trim() || DEFAULT_HOST,
    seed,
    credentials: {
      consumerId: config.consumerId,
      consumerSecret: config.consumerSecret,
      accessToken: config.accessToken,
    },
    adminToken,
    ...(stateFile ? { stateFile } : {}),
  });
  // Handlers first: a signal that arrives right after the banner must not find the default action.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.log(`sandbox: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`sandbox: ${signal} received, shutting down`);
    running.close().then(
      () => {
        if (stateFile) console.log(`sandbox: state written to ${stateFile}`);
        process.exit(0);
      },
      (err: unknown) => {
        console.error(`sandbox: error while shutting down: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  const isDev = (value: string, dev: string) => value === dev;
  const lines = [
    `coreplus sandbox (${running.sandbox.seed.clinicName}, seed ${seed}) listening on ${running.url}`,
    `  API base          ${running.url}/API/Core/v2.1/  (also /API/Core/v2/)`,
    `  COREPLUS_BASE_URL=${running.url}`,
    `  consumer id       ${config.consumerId}`,
    `  consumer secret   ${config.isDevSecret ? config.consumerSecret : "(from COREPLUS_CONSUMER_SECRET, not shown)"}`,
    `  access token      ${isDev(config.accessToken, DEV_ACCESS_TOKEN) ? config.accessToken : "(from COREPLUS_ACCESS_TOKEN, not shown)"}`,
    `  admin token       ${isDev(adminToken, DEV_SANDBOX_ADMIN_TOKEN) ? adminToken : "(from SANDBOX_ADMIN_TOKEN, not shown)"}  (for /_sandbox/ test controls)`,
    `  state file        ${stateFile ?? "(none: set SANDBOX_STATE_FILE to keep bookings across restarts)"}`,
    "Press Ctrl+C to stop.",
  ];
  console.log(lines.join("\n"));
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  main().catch((err: unknown) => {
    console.error(`sandbox: ${(err as Error).message}`);
    process.exit(1);
  });
}
