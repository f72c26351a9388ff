#!/usr/bin/env node
/**
 * Size budgets for the script-tag build: builds it with Vite (into a temporary folder), then fails when what the first screen
 * loads (the entry file, the element's chunk it imports, and their static imports) passes 17,000 bytes
 * under gzip -9 (issue 19's budget, met since session 7; before it the limit was 22,528, the budget the whole
 * file had before the later views became a chunk), or when all the build's JavaScript files together pass
 * 30,720 bytes (30 KiB, an interim limit until issue 19's 28,000, printed beside it, is met). Lit alone is
 * about 6.7 KB of the first. It also fails when a file has no source map beside
 * it or names one in a `//# sourceMappingURL` comment (the build's maps are "hidden"). Run by `pnpm test`.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";

export const ENTRY_BUDGET_BYTES = 17_000;
export const TOTAL_BUDGET_BYTES = 30_720;
/** Issue 19's budgets, which its work on the first screen brings the build to. */
const TARGETS = { first: 17_000, total: 28_000 };
const root = fileURLToPath(new URL("..", import.meta.url));
// A folder of its own, never dist/: `check:package` packs dist/ while this runs (turbo runs them side by side),
// and the build's first step clears the folder's chunks.
const outDir = await mkdtemp(join(tmpdir(), "coreplus-size-"));
const dist = pathToFileURL(`${outDir}/`);

const result = await build({
  root,
  configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
  logLevel: "warn",
  build: { outDir, emptyOutDir: true },
});
const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
const chunks = outputs.filter((o) => o.type === "chunk");
const byName = new Map(chunks.map((c) => [c.fileName, c]));
const entry = chunks.find((c) => c.isEntry);
if (!entry) throw new Error("size: the build has no entry chunk");
// The entry only loads the element (so it imports safely where there is no DOM): that chunk is the first screen too.
const element = entry.dynamicImports
  .map((f) => byName.get(f))
  .find((c) => c?.moduleIds.some((id) => id.endsWith("/src/coreplus-booking.ts")));
const first = new Set();
const visit = (chunk) => {
  if (!chunk || first.has(chunk.fileName)) return;
  first.add(chunk.fileName);
  for (const f of chunk.imports) visit(byName.get(f));
};
visit(entry);
visit(element);

const gz = async (file) => gzipSync(await readFile(new URL(file, dist)), { level: 9 }).length;
const sizes = new Map();
for (const c of chunks) sizes.set(c.fileName, await gz(c.fileName));
const sum = (names) => [...names].reduce((n, f) => n + sizes.get(f), 0);
const firstBytes = sum(first);
const totalBytes = sum(sizes.keys());
await rm(outDir, { recursive: true, force: true });
const lazy = [...sizes].filter(([f]) => !first.has(f)).map(([f, n]) => `${f} ${n} B`);
const lines = [
  `size: first screen (${[...first].join(" + ")}) gzip -9 ${firstBytes} B of ${ENTRY_BUDGET_BYTES} B (issue 19's target ${TARGETS.first} B)`,
  `size: all ${sizes.size} files gzip -9 ${totalBytes} B of ${TOTAL_BUDGET_BYTES} B (issue 19's target ${TARGETS.total} B)`,
  `size: lazy chunks: ${lazy.join(", ") || "none"}`,
];
const over = [
  ...(firstBytes > ENTRY_BUDGET_BYTES
    ? [`the first screen is ${firstBytes - ENTRY_BUDGET_BYTES} B over budget`]
    : []),
  ...(totalBytes > TOTAL_BUDGET_BYTES
    ? [`all files together are ${totalBytes - TOTAL_BUDGET_BYTES} B over budget`]
    : []),
];
if (!element) over.push("the entry does not import the element's chunk");
// The counted bytes are the shipped bytes: source maps are emitted beside every file ("hidden"), and no file
// names its map (a `//# sourceMappingURL` comment would cost ~38 B gzip a file).
const assets = new Set(outputs.filter((o) => o.type === "asset").map((o) => o.fileName));
for (const c of chunks) {
  if (!assets.has(`${c.fileName}.map`)) over.push(`${c.fileName} has no source map beside it`);
  if (/sourceMappingURL/.test(c.code)) over.push(`${c.fileName} names its source map in a comment`);
}
if (over.length > 0) {
  console.error(`${lines.join("\n")}\nsize: FAIL — ${over.join("; ")}`);
  process.exit(1);
}
console.log(lines.join("\n"));
