#!/usr/bin/env node
/**
 * Size budget for the script-tag build: builds dist/coreplus-booking.js with Vite, then fails when
 * its gzip -9 size passes 22,528 bytes (Lit alone is about 6.7 KB of that). Run by `pnpm test`.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";

export const BUDGET_BYTES = 22_528;
const root = fileURLToPath(new URL("..", import.meta.url));
const file = new URL("../dist/coreplus-booking.js", import.meta.url);

await build({
  root,
  configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
  logLevel: "warn",
});
const bytes = await readFile(file);
const gzipped = gzipSync(bytes, { level: 9 }).length;
const headroom = BUDGET_BYTES - gzipped;
const line = `size: dist/coreplus-booking.js ${bytes.length} B, gzip -9 ${gzipped} B of ${BUDGET_BYTES} B budget (${headroom >= 0 ? `${headroom} B left` : `${-headroom} B over`})`;
if (headroom < 0) {
  console.error(`${line}\nsize: FAIL — the self-contained build is over budget`);
  process.exit(1);
}
console.log(line);
