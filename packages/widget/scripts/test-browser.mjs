#!/usr/bin/env node
/**
 * Runs the component tests in Vitest browser mode (Chromium through @vitest/browser-playwright).
 * Without a Chromium binary they are reported as skipped with a one-line reason, except under
 * CI=true, where a missing browser fails the run.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const reason = `no Chromium at ${chromium} (install Debian's chromium or set CHROMIUM_PATH)`;
  if (process.env.CI === "true") {
    console.error(`browser tests: FAIL — ${reason}; CI=true requires a browser`);
    process.exit(1);
  }
  console.log(`browser tests: skipped — ${reason}`);
  process.exit(0);
}
const root = fileURLToPath(new URL("..", import.meta.url));
const vitest = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
const result = spawnSync(
  process.execPath,
  [vitest, "run", "--config", "vitest.browser.config.ts", ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
  },
);
if (result.error) console.error(`browser tests: could not start vitest: ${result.error.message}`);
process.exit(result.status ?? 1);
