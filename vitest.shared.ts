/**
 * Shared Vitest settings: workspace packages resolve each other's TypeScript source through the
 * `@coreplus-kit/source` export condition, so tests never need a prior build.
 */
import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

export const sourceCondition = "@coreplus-kit/source";

export const sharedConfig = defineConfig({
  resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
