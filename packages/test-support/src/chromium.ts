/**
 * `@coreplus-kit/test-support/chromium`: the one place that finds and launches Debian's Chromium for
 * the workspace's browser tests (the widget's Vitest browser mode and end-to-end suite, the demo's
 * end-to-end test and screenshots). Nothing is downloaded: the binary is CHROMIUM_PATH or
 * /usr/bin/chromium, driven by playwright-core with the flags this container needs offline.
 *
 * @example
 * ```ts
 * const executablePath = requireChromiumUnderCi("demo e2e");
 * describe.skipIf(!executablePath)("in Chromium", () => {
 *   beforeAll(async () => { browser = await launchChromium(executablePath); });
 * });
 * ```
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type LaunchOptions } from "playwright-core";

/** The environment variables this module reads (passed in, so tests can vary them). */
export type ChromiumEnv = Readonly<Record<string, string | undefined>>;

/** Where Chromium is looked for when CHROMIUM_PATH is unset: Debian's package. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** The flags Chromium needs in a container, offline (shared/toolchain.md). */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where Chromium should be: CHROMIUM_PATH (trimmed), else /usr/bin/chromium. */
export function chromiumPath(env: ChromiumEnv = process.env): string {
  return env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM_PATH;
}

/** The Chromium executable if it exists, else undefined. */
export function findChromium(env: ChromiumEnv = process.env): string | undefined {
  const path = chromiumPath(env);
  return existsSync(path) ? path : undefined;
}

/** The one-line reason printed when browser tests are skipped. */
export function chromiumSkipReason(env: ChromiumEnv = process.env): string {
  return `no Chromium at ${chromiumPath(env)} (install Debian's chromium or set CHROMIUM_PATH)`;
}

/** Thrown under `CI=true` when Chromium is missing: CI must run the browser tests, never skip them. */
export class ChromiumMissingError extends Error {
  readonly code = "ERR_TEST_SUPPORT_CHROMIUM_MISSING";
  constructor(
    readonly suite: string,
    readonly path: string,
    reason: string,
  ) {
    super(`${suite}: ${reason}; CI=true requires a browser`);
    this.name = this.constructor.name;
  }
}

/**
 * The CI guard every browser suite runs first: returns the executable when Chromium is there; when
 * it is not, throws {@link ChromiumMissingError} under `CI=true`, else prints `<suite>: skipped — <reason>`
 * once and returns undefined (the caller skips).
 */
export function requireChromiumUnderCi(
  suite: string,
  env: ChromiumEnv = process.env,
  log: (line: string) => void = console.log,
): string | undefined {
  const found = findChromium(env);
  if (found) return found;
  const reason = chromiumSkipReason(env);
  if (env.CI === "true") throw new ChromiumMissingError(suite, chromiumPath(env), reason);
  log(`${suite}: skipped — ${reason}`);
  return undefined;
}

/** playwright's launch options for headless Chromium at `executablePath` (also what Vitest browser mode takes). */
export function chromiumLaunchOptions(executablePath: string = chromiumPath()): LaunchOptions {
  return { executablePath, headless: true, args: [...CHROMIUM_ARGS] };
}

/** Launches headless Chromium (default: CHROMIUM_PATH or /usr/bin/chromium). */
export function launchChromium(executablePath: string = chromiumPath()): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(executablePath));
}
