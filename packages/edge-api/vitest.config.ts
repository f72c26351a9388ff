import { configDefaults, defineProject, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

export default mergeConfig(
  sharedConfig,
  defineProject({
    // test/workers runs inside workerd (vitest.workers.config.ts).
    test: { name: "edge-api", exclude: [...configDefaults.exclude, "test/workers/**"] },
  }),
);
