import { defineProject, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// Node tests: pure logic beside the code (src/**/*.test.ts) and the end-to-end suite (test/**), which
// drives Debian's Chromium with playwright-core against the real edge API and sandbox.
export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: "widget",
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      exclude: ["**/*.browser.test.ts", "**/node_modules/**"],
    },
  }),
);
