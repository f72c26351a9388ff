import { playwright } from "@vitest/browser-playwright";
import { defineProject, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// Component tests in real Chromium (Vitest browser mode). The binary is Debian's, never a download.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const args = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: "widget-browser",
      include: ["src/**/*.browser.test.ts"],
      globalSetup: ["test/fake-edge.global.ts"],
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: { executablePath, args } }),
        instances: [{ browser: "chromium" }],
        screenshotFailures: false,
      },
    },
  }),
);
