/**
 * Writes the Workers' /docs assets directory: the swagger-ui-dist files the page uses (and nothing
 * else, so a deploy uploads only those), with swagger-ui-dist's licence beside them, kept out of the
 * upload by the directory's `.assetsignore`. Run by `build` (into dist/docs-assets, which the shipped
 * wrangler.template.toml and wrangler.toml name) and by vitest.workers.config.ts.
 *
 *   node scripts/docs-assets.mjs     # after tsc: the names come from dist/app/docs.js
 */
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Where `build` writes the directory. */
export const DOCS_ASSETS_DIR = join(packageDir, "dist", "docs-assets");

/** swagger-ui-dist's licence files: shipped beside its code, never uploaded. */
const LICENCE_FILES = ["LICENSE", "NOTICE", "swagger-ui-bundle.js.LICENSE.txt"];

/**
 * Writes `dir` afresh with the named swagger-ui-dist files (DOCS_ASSET_NAMES), their licence and an
 * `.assetsignore` that leaves the licence out of a deploy.
 * @param {readonly string[]} names
 * @param {string} [dir]
 */
export async function writeDocsAssets(names, dir = DOCS_ASSETS_DIR) {
  const source = dirname(
    createRequire(join(packageDir, "package.json")).resolve("swagger-ui-dist/package.json"),
  );
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const name of [...names, ...LICENCE_FILES]) await copyFile(join(source, name), join(dir, name));
  await writeFile(
    join(dir, ".assetsignore"),
    `# swagger-ui-dist's licence ships with its files but is not served.\n${LICENCE_FILES.join("\n")}\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { DOCS_ASSET_NAMES } = await import(pathToFileURL(join(packageDir, "dist", "app", "docs.js")).href);
  await writeDocsAssets(DOCS_ASSET_NAMES);
}
