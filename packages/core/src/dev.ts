/**
 * `@coreplus-kit/core/dev`: the development defaults every package agrees on (they match the local
 * sandbox), and the one function that reads the COREPLUS_* variables over them.
 */
import type { CoreplusCredentials } from "./jwt/index.js";

/** Where the local sandbox listens. */
export const DEV_BASE_URL = "http://127.0.0.1:4010";
/** The sandbox's development consumer id. */
export const DEV_CONSUMER_ID = "coreplus-kit-dev";
/** The sandbox's development consumer secret: the only secret anything here will print. */
export const DEV_CONSUMER_SECRET = "coreplus-kit-dev-secret";
/** The sandbox's development practice access token. */
export const DEV_ACCESS_TOKEN = "00000000-0000-4000-8000-00000000c0de";
/** The bearer token for the sandbox's `/_sandbox/` test controls. */
export const DEV_SANDBOX_ADMIN_TOKEN = "sandbox-admin-dev";

/** All development defaults in one object. */
export const DEV_DEFAULTS: {
  readonly baseUrl: string;
  readonly consumerId: string;
  readonly consumerSecret: string;
  readonly accessToken: string;
  readonly sandboxAdminToken: string;
} = Object.freeze({
  baseUrl: DEV_BASE_URL,
  consumerId: DEV_CONSUMER_ID,
  consumerSecret: DEV_CONSUMER_SECRET,
  accessToken: DEV_ACCESS_TOKEN,
  sandboxAdminToken: DEV_SANDBOX_ADMIN_TOKEN,
});

/** The coreplus connection an entry point should use. */
export type CoreplusEnvConfig = CoreplusCredentials & {
  baseUrl: string;
  /** True when the secret is the built-in development one (and so may be printed). */
  isDevSecret: boolean;
};

// Blank counts as unset; any other value is used exactly as given (a secret is signed byte for byte).
function pick(value: string | undefined, fallback: string): string {
  return value === undefined || value.trim() === "" ? fallback : value;
}

/**
 * Reads COREPLUS_BASE_URL, COREPLUS_CONSUMER_ID, COREPLUS_CONSUMER_SECRET and COREPLUS_ACCESS_TOKEN from
 * the given record (entry points pass `process.env`), falling back to the development defaults for any
 * that is unset or blank.
 *
 * @example
 * const { baseUrl, ...credentials } = coreplusConfigFromEnv(process.env);
 */
export function coreplusConfigFromEnv(env: Record<string, string | undefined>): CoreplusEnvConfig {
  const consumerSecret = pick(env.COREPLUS_CONSUMER_SECRET, DEV_CONSUMER_SECRET);
  return {
    baseUrl: pick(env.COREPLUS_BASE_URL, DEV_BASE_URL),
    consumerId: pick(env.COREPLUS_CONSUMER_ID, DEV_CONSUMER_ID),
    consumerSecret,
    accessToken: pick(env.COREPLUS_ACCESS_TOKEN, DEV_ACCESS_TOKEN),
    isDevSecret: consumerSecret === DEV_CONSUMER_SECRET,
  };
}
