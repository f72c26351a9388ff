/**
 * Finding and launching Debian's Chromium for the demo's browser tests and README screenshots
 * (playwright-core drives it; nothing is downloaded).
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** The flags this machine's Chromium needs in a container, offline (see shared/toolchain.md). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where Chromium should be: CHROMIUM_PATH, else /usr/bin/chromium. */
export function chromiumPath(env: Record<string, string | undefined>): string {
  return env.CHROMIUM_PATH?.trim() || "/usr/bin/chromium";
}

/** The Chromium executable if it exists, else undefined. */
export function findChromium(env: Record<string, string | undefined>): string | undefined {
  const path = chromiumPath(env);
  return existsSync(path) ? path : undefined;
}

/** Launches headless Chromium from `executablePath`. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
