/**
 * Builds dist/coreplus-booking.js: a self-contained ES module (Lit and @lit/task inside) for a
 * `<script type="module">` tag, with what the first screen does not need (details, review,
 * confirmation, manage, find, their styles) as chunks beside it in dist/, fetched with `import()`
 * relative to it; and its declarations (dist/coreplus-booking.d.ts, which point at the npm build's).
 * The npm entry (dist/lib/index.js) is emitted by tsc beforehand.
 */
import { readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import { bundleTypes } from "./scripts/bundle-types.ts";
import { minifyTemplates } from "./scripts/minify-templates.ts";

/** Modules only the later views use (their templates, styles, calls, strings): one lazy chunk. */
const LATER =
  /\/src\/(manage\/|api\/manage-|messages\/(manage|en-|index)|form\.styles|internal\/(ics|details|idempotency|solve-altcha)\.|controller\/(submission|after-booking)|steps\/(details|review|done)-step|steps\/booking-summary|later\.ts)/;

/** Removes the previous build's script-tag files (chunk names change; dist/lib, from tsc, stays). */
function cleanChunks(): Plugin {
  let outDir = "";
  return {
    name: "coreplus-clean-chunks",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    buildStart() {
      let names: string[] = [];
      try {
        names = readdirSync(outDir);
      } catch {
        return; // no output folder yet
      }
      for (const name of names) if (/\.js(\.map)?$/.test(name)) rmSync(join(outDir, name));
    },
  };
}

export default defineConfig({
  plugins: [cleanChunks(), minifyTemplates(), bundleTypes()],
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
      // The entry exports nothing; its chunks may share modules with it.
      preserveEntrySignatures: "allow-extension",
      output: {
        minify: true,
        comments: false,
        // Two chunks beside the entry: the element with everything the first screen needs (Lit
        // included), and the later views in one (one request; gzip sees their shared words once).
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: "coreplus-later", test: LATER },
            {
              name: "coreplus-element",
              test: (id: string) => !LATER.test(id) && !id.endsWith("/src/bundle.ts"),
            },
          ],
        },
      },
    },
  },
});
