/** Argument parsing and connection settings for the `coreplus` CLI. */
import { parseArgs } from "node:util";
import { coreplusConfigFromEnv, DEV_ACCESS_TOKEN, DEV_CONSUMER_SECRET } from "../dev.js";

/** A mistake in how the CLI was called: reported on one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Where the CLI writes and what it reads; `main` gets these injected so tests need no process. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** The environment (the bin passes `process.env`). */
  env: Record<string, string | undefined>;
  /** Wall clock in ms for signing and decoding. Default `Date.now`. */
  now?: () => number;
  /** fetch for get/post. Default the global fetch. */
  fetch?: typeof fetch;
}

const GLOBAL_OPTIONS = {
  "base-url": { type: "string" },
  "consumer-id": { type: "string" },
  "consumer-secret": { type: "string" },
  "access-token": { type: "string" },
  "api-version": { type: "string" },
  version: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
} as const;

const COMMAND_OPTIONS = {
  header: { type: "boolean" },
  json: { type: "boolean" },
  all: { type: "boolean" },
  data: { type: "string" },
  "reason-id": { type: "string" },
  notes: { type: "string" },
} as const;

/** Which command-specific options each command takes. */
const ALLOWED: Readonly<Record<string, readonly (keyof typeof COMMAND_OPTIONS)[]>> = {
  token: ["header"],
  decode: ["json"],
  get: ["all"],
  post: ["data"],
  appointment: ["reason-id", "notes"],
  config: [],
  help: [],
};

/** The parsed command line. */
export interface ParsedArgs {
  command: string | undefined;
  args: string[];
  help: boolean;
  /** `--version`: print the CLI's own version. */
  version: boolean;
  flags: {
    header: boolean;
    json: boolean;
    all: boolean;
    data: string | undefined;
    reasonId: string | undefined;
    notes: string | undefined;
  };
  connection: ConnectionFlags;
}

type ConnectionFlags = {
  [K in Exclude<keyof typeof GLOBAL_OPTIONS, "help" | "version">]?: string | undefined;
};

/** Parses argv (without node and the script); throws UsageError on an unknown or misplaced option. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // node's messages are clear but long; keep the first sentence.
    const message = error instanceof Error ? (error.message.split(". ")[0] ?? error.message) : String(error);
    if (message.includes("'--api-version <value>' argument missing")) {
      throw new UsageError("--api-version takes the coreplus API version: v2 or v2.1");
    }
    throw new UsageError(message);
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  // `--version` was the API version's flag once; with a command or a value it is that old spelling.
  if (values.version === true && positionals.length > 0) {
    throw new UsageError(
      "--version prints the CLI's version and takes no command or value; the API version is --api-version <v2|v2.1>",
    );
  }
  if (command !== undefined && !(command in ALLOWED)) {
    throw new UsageError(`unknown command "${command}" (try: coreplus --help)`);
  }
  for (const name of Object.keys(COMMAND_OPTIONS) as (keyof typeof COMMAND_OPTIONS)[]) {
    if (values[name] !== undefined && !(command && ALLOWED[command]?.includes(name))) {
      throw new UsageError(`--${name} is not an option of ${command ? `"coreplus ${command}"` : "coreplus"}`);
    }
  }
  return {
    command,
    args,
    help: values.help === true,
    version: values.version === true,
    flags: {
      header: values.header === true,
      json: values.json === true,
      all: values.all === true,
      data: values.data,
      reasonId: values["reason-id"],
      notes: values.notes,
    },
    connection: {
      "base-url": values["base-url"],
      "consumer-id": values["consumer-id"],
      "consumer-secret": values["consumer-secret"],
      "access-token": values["access-token"],
      "api-version": values["api-version"],
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: { ...GLOBAL_OPTIONS, ...COMMAND_OPTIONS },
    allowPositionals: true,
    strict: true,
  });
}

/** Where a setting came from, for `coreplus config`. */
export type SettingSource = "flag" | "environment" | "default";

/** The connection in use: flags over COREPLUS_* over the development defaults. */
export interface Connection {
  baseUrl: string;
  consumerId: string;
  consumerSecret: string;
  accessToken: string;
  version: "v2" | "v2.1";
  isDevSecret: boolean;
  isDevAccessToken: boolean;
  sources: Record<"baseUrl" | "consumerId" | "consumerSecret" | "accessToken", SettingSource>;
}

const ENV_NAMES = {
  baseUrl: "COREPLUS_BASE_URL",
  consumerId: "COREPLUS_CONSUMER_ID",
  consumerSecret: "COREPLUS_CONSUMER_SECRET",
  accessToken: "COREPLUS_ACCESS_TOKEN",
} as const;

/** Resolves the connection settings and checks them; throws UsageError for a bad base URL or version. */
export function resolveConnection(
  flags: ConnectionFlags,
  env: Record<string, string | undefined>,
): Connection {
  const fromEnv = coreplusConfigFromEnv(env);
  const pick = (key: keyof typeof ENV_NAMES, flag: string | undefined): [string, SettingSource] => {
    if (flag !== undefined) {
      if (flag.trim() === "") throw new UsageError(`--${flagName(key)} must not be empty`);
      return [flag, "flag"];
    }
    return [fromEnv[key], env[ENV_NAMES[key]]?.trim() ? "environment" : "default"];
  };
  const [baseUrl, baseUrlSource] = pick("baseUrl", flags["base-url"]);
  const [consumerId, consumerIdSource] = pick("consumerId", flags["consumer-id"]);
  const [consumerSecret, consumerSecretSource] = pick("consumerSecret", flags["consumer-secret"]);
  const [accessToken, accessTokenSource] = pick("accessToken", flags["access-token"]);
  const version = flags["api-version"] ?? "v2.1";
  if (version !== "v2" && version !== "v2.1")
    throw new UsageError(`--api-version must be v2 or v2.1, not "${version}"`);
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new UsageError(
      `the base URL must be an absolute http(s) URL (from ${baseUrlSource === "flag" ? "--base-url" : "COREPLUS_BASE_URL"})`,
    );
  }
  return {
    baseUrl,
    consumerId,
    consumerSecret,
    accessToken,
    version,
    isDevSecret: consumerSecret === DEV_CONSUMER_SECRET,
    isDevAccessToken: accessToken === DEV_ACCESS_TOKEN,
    sources: {
      baseUrl: baseUrlSource,
      consumerId: consumerIdSource,
      consumerSecret: consumerSecretSource,
      accessToken: accessTokenSource,
    },
  };
}

function flagName(key: keyof typeof ENV_NAMES): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * A credential for display: in full only when it is the public development value. Otherwise its length,
 * plus the last 4 characters when `tail` is set and it is long enough that they identify rather than reveal.
 */
export function showSecret(value: string, isDevValue: boolean, tail = false): string {
  if (isDevValue) return value;
  return tail && value.length >= 16
    ? `[hidden: ${value.length} chars, ends …${value.slice(-4)}]`
    : `[hidden: ${value.length} chars]`;
}
