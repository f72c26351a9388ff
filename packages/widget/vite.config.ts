/**
 * Builds dist/coreplus-booking.js: one self-contained ES module (Lit and @lit/task inside) for a
 * `<script type="module">` tag. The npm entry (dist/index.js) is emitted by tsc beforehand.
 */
import { defineConfig } from "vite";
import { minifyTemplates } from "./scripts/minify-templates.ts";

export default defineConfig({
  plugins: [minifyTemplates()],
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
