import { defineProject, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../../vitest.shared.ts";

// `pnpm bench`: runs bench/*.run.ts once, printing figures (a benchmark, not a test).
export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: "widget-bench",
      include: ["bench/**/*.run.ts"],
      exclude: ["bench/**/*.browser.run.ts"],
      testTimeout: 300_000,
      hookTimeout: 120_000,
    },
  }),
);
