import { chromiumLaunchOptions, requireChromiumUnderCi } from "@coreplus-kit/test-support/chromium";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";
import { sharedConfig } from "../../../vitest.shared.ts";

// `pnpm bench`, in real Chromium: bench/*.browser.run.ts once, printing figures (a benchmark, not a test).
const executablePath = requireChromiumUnderCi("browser benchmarks");

const inChromium: ViteUserConfig["test"] = executablePath
  ? {
      include: ["bench/**/*.browser.run.ts"],
      testTimeout: 300_000,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: chromiumLaunchOptions(executablePath) }),
        instances: [{ browser: "chromium" }],
        screenshotFailures: false,
      },
    }
  : { include: [], passWithNoTests: true };

export default mergeConfig(
  sharedConfig,
  defineConfig({ test: { name: "widget-bench-browser", ...inChromium } }),
);
