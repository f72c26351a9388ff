#!/usr/bin/env node
/**
 * Measures what Terser's property mangling could take off the script-tag build (not used by the build: the
 * bound was too small to pay for the risk). Builds it as scripts/check-size.mjs does, then minifies the element
 * and later chunks once more, one after the other with one shared `nameCache` (a name gets the same short name
 * in both), and prints gzip -9 of the first screen and all files against the same pass without property
 * mangling. Three reservations:
 * - "DOM only": Terser's own DOM property list; breaks the widget (wire fields, Lit's API…): the raw ceiling.
 * - "bound": also every name in TypeScript's DOM and ES declarations, Lit's declarations, the edge API's
 *   (wire fields), the widget's events, messages and custom-elements.json, and every string literal that is a
 *   name (read dynamically). The names it still mangles are printed: some must be reserved too.
 * - "bound, Lit's _$ names kept": Lit's `_$…` members are its interface between separately loaded Lit
 *   copies (hydration support patches LitElement through them), so they must keep their names.
 * - "internal names only": also the names the "bound" run mangles that others read: globals Lit looks up
 *   (`…PolyfillSupport`, `…Versions`, `litElementHydrateSupport`), ShadyCSS's `nativeShadow`, Turnstile's
 *   `sitekey`, the edge API's error pointers (`/patient/…`), and Lit's own one-letter names. What is left is
 *   the widget's own internal names: what an allowlist could safely mangle.
 * Usage: node scripts/mangle-bound.mjs (after `pnpm build`: the edge API's declarations come from its dist/).
 */
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { minify } from "terser";
import { build } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(join(root, "package.json"));
const outDir = await mkdtemp(join(tmpdir(), "coreplus-mangle-"));
const result = await build({
  root,
  configFile: join(root, "vite.config.ts"),
  logLevel: "warn",
  build: { outDir, emptyOutDir: true },
});
const chunks = (Array.isArray(result) ? result : [result])
  .flatMap((r) => r.output)
  .filter((o) => o.type === "chunk");
const entry = chunks.find((c) => c.isEntry);
const element = chunks.find((c) => c.moduleIds.some((id) => id.endsWith("/src/coreplus-booking.ts")));
const later = chunks.find((c) => c !== entry && c !== element);
if (!entry || !element || !later || chunks.length !== 3) throw new Error("mangle-bound: expected 3 chunks");
const code = new Map();
for (const c of chunks) code.set(c, await readFile(join(outDir, c.fileName), "utf8"));
await rm(outDir, { recursive: true, force: true });

const words = (set, text) => {
  for (const w of text.match(/[A-Za-z_$][\w$]*/g) ?? []) set.add(w);
};
const walk = (set, dir, keep) => {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, d.name);
    if (d.isDirectory()) walk(set, path, keep);
    else if (keep(path)) words(set, readFileSync(path, "utf8"));
  }
};
const reserved = new Set();
const ts = dirname(require.resolve("typescript"));
walk(reserved, ts, (p) => /\/lib\.(dom|es|esnext|decorators|webworker)[\w.]*\.d\.ts$/.test(p));
const litDir = dirname(realpathSync(dirname(require.resolve("lit"))));
for (const pkg of ["lit", "lit-html", "lit-element", "@lit/reactive-element"])
  walk(reserved, join(litDir, pkg), (p) => p.endsWith(".d.ts") && !p.includes("/development/"));
walk(reserved, join(root, "../edge-api/dist"), (p) => p.endsWith(".d.ts"));
walk(reserved, join(root, "src/messages"), (p) => p.endsWith(".ts"));
for (const f of ["src/api/types.ts", "src/api/manage-types.ts", "src/events.ts", "dist/custom-elements.json"])
  words(reserved, readFileSync(join(root, f), "utf8"));
for (const text of code.values())
  for (const m of text.matchAll(/[`"']([A-Za-z_$][\w$-]*)[`"']/g)) reserved.add(m[1]);
const litNames = new Set([...code.values()].flatMap((t) => t.match(/_\$[\w$]*/g) ?? []));
const readByOthers = (name) =>
  /PolyfillSupport$|Versions$|HydrateSupport$|^\//.test(name) ||
  ["nativeShadow", "sitekey"].includes(name) ||
  name.length < 2;

const gz = (text) => gzipSync(text, { level: 9 }).length;
/** Minifies the element and later chunks in turn with one nameCache; `properties` as Terser takes it. */
async function measure(properties) {
  const nameCache = {};
  const sizes = [];
  for (const c of [element, later]) {
    const out = await minify(code.get(c), {
      module: true,
      ecma: 2020,
      compress: false,
      mangle: properties ? { properties } : true,
      nameCache,
      format: { comments: false },
    });
    sizes.push(gz(out.code));
  }
  const first = gz(code.get(entry)) + sizes[0];
  return {
    first,
    all: first + sizes[1],
    names: Object.keys(nameCache.props?.props ?? {}).map((k) => k.slice(1)),
  };
}

const base = await measure(undefined);
console.log(
  `mangle-bound: minified again without property mangling: first ${base.first} B, all ${base.all} B`,
);
const runs = [
  ["DOM only", {}],
  ["bound", { reserved: [...reserved] }],
  ["bound, Lit's _$ names kept", { reserved: [...reserved, ...litNames] }],
];
const bound = await measure({ reserved: [...reserved, ...litNames] });
runs.push([
  "internal names only",
  { reserved: [...reserved, ...litNames, ...bound.names.filter(readByOthers)] },
]);
for (const [label, properties] of runs) {
  const m = await measure(properties);
  console.log(
    `mangle-bound: ${label}: ${m.names.length} names, first ${m.first} B (−${base.first - m.first}), all ${m.all} B (−${base.all - m.all})`,
  );
  if (label !== "DOM only") console.log(`  mangled: ${m.names.join(" ")}`);
}
