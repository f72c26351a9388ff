/**
 * Builds dist/coreplus-booking.js: one self-contained ES module (Lit and @lit/task inside) for a
 * `<script type="module">` tag, and its declarations (dist/coreplus-booking.d.ts, which point at the
 * npm build's). The npm entry (dist/lib/index.js) is emitted by tsc beforehand.
 */
import { defineConfig } from "vite";
import { bundleTypes } from "./scripts/bundle-types.ts";
import { minifyTemplates } from "./scripts/minify-templates.ts";

export default defineConfig({
  plugins: [minifyTemplates(), bundleTypes()],
  // Always Lit's production build, even when built from a test run (where NODE_ENV is "test").
  resolve: { conditions: ["module", "browser", "production"] },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2022",
    sourcemap: true,
    minify: true,
    lib: {
      entry: "src/bundle.ts",
      formats: ["es"],
      fileName: () => "coreplus-booking.js",
    },
    rolldownOptions: {
      output: { codeSplitting: false, minify: true },
    },
  },
});
