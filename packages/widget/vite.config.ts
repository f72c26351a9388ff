/**
 * Builds dist/coreplus-booking.js: a self-contained ES module (Lit inside) for a
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
    // Maps are emitted beside each file (coreplus-*.js.map) but the files carry no `//# sourceMappingURL`
    // comment: 76 B off the first screen, 114 B off all files (gzip -9). See the README for using them.
    sourcemap: "hidden",
    // Terser (safe options only) as well as Oxc (output.minify): 100 B less on the first screen, 150 B in all
    // (gzip -9), measured on this build; either alone is larger. Terser's `inline: 1` inlines only simple
    // functions, not those that take arguments or declare variables (their copies at every call cost more than
    // the calls: first screen 17,689 -> 17,673 B, all 30,709 -> 30,663 B). `unsafe_arrows` writes anonymous
    // functions that use no `this` or `arguments` as arrows (first 17,597 -> 17,558 B, all 30,496 -> 30,445 B):
    // unsafe only for a function expression that is constructed with `new` or whose `prototype` is read, which
    // the bundle's inputs (TypeScript, where such a function has no construct signature, and Lit) never do;
    // test/build-output.test.ts fails when a module from anywhere else joins the bundle. `keep_fargs: false` drops
    // parameters a function never reads (Lit's `(e, t) => e` rename helper becomes plain identity and is inlined):
    // it changes only a function's `length`, which neither Lit nor this package's code reads (Terser keeps the
    // parameters of a function that reads `arguments`): first 16,791 -> 16,779 B, all 29,614 -> 29,603 B.
    minify: "terser",
    terserOptions: {
      module: true,
      ecma: 2020,
      compress: { passes: 3, inline: 1, unsafe_arrows: true, keep_fargs: false },
      format: { comments: false },
    },
    lib: {
      entry: "src/bundle.ts",
      formats: ["es"],
      fileName: () => "coreplus-booking.js",
    },
    rolldownOptions: {
      // The entry exports nothing; its chunks may share modules with it.
      preserveEntrySignatures: "allow-extension",
      // Every imported constant written where it is read (`true` is mode "all"; the default, "smart", does it
      // only in conditions): the later chunk would otherwise import each by name (all 30,757 -> 30,709 B).
      optimization: { inlineConst: true },
      // Terser's renderChunk is most of the build's time; no note about it on every build.
      checks: { pluginTimings: false },
      output: {
        minify: true,
        comments: false,
        // Rolldown's own splitting gives two chunks beside the entry, one per `import()` target: the
        // elements (elements.ts: both elements) with everything the first screen needs, Lit included, and
        // the later views behind src/later.ts in one (one request; gzip sees their shared words
        // once). As real dynamic entries their exports need no namespace helper (no runtime chunk). The
        // element's chunk keeps one name, as the entry does, so a page's `modulepreload` hint (README) can name
        // it: the browser then fetches it with the page, not after the entry has run (one round trip less).
        chunkFileNames: ({ name }) =>
          name === "elements" ? "coreplus-element.js" : `coreplus-${name}-[hash].js`,
      },
    },
  },
});
