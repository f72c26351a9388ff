/** One root run over every package: `pnpm vitest run` (turbo's `pnpm test` runs each package on its own). */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { projects: ["packages/*", "apps/*"] },
});
