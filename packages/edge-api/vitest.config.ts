import { configDefaults, defineProject, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

export default mergeConfig(
  sharedConfig,
  defineProject({
    // test/workers runs inside workerd (vitest.workers.config.ts).
    test: {
      name: "edge-api",
      exclude: [...configDefaults.exclude, "test/workers/**"],
      // The HTTP suites mostly wait on the sandbox's 10 requests/s budget, not on the CPU: run them side by side.
      maxWorkers: 4,
    },
  }),
);
