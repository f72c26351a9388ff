import { chromiumLaunchOptions, requireChromiumUnderCi } from "@coreplus-kit/test-support/chromium";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// Component tests in real Chromium (Vitest browser mode). The binary is Debian's, never a download.
// Without it they are skipped with a one-line reason, except under CI=true, where the run fails.
const executablePath = requireChromiumUnderCi("browser tests");

// Its own root config (`vitest run --config vitest.browser.config.ts`), so it may set passWithNoTests.
const inChromium: ViteUserConfig["test"] = executablePath
  ? {
      include: ["src/**/*.browser.test.ts"],
      globalSetup: ["test/fake-edge.global.ts"],
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: chromiumLaunchOptions(executablePath) }),
        instances: [{ browser: "chromium" }],
        screenshotFailures: false,
      },
    }
  : { include: [], passWithNoTests: true };

export default mergeConfig(sharedConfig, defineConfig({ test: { name: "widget-browser", ...inChromium } }));
