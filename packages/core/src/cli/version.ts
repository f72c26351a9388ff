/** The CLI's version: the `version` of @coreplus-kit/core's package.json, read when asked for. */
import { readFile } from "node:fs/promises";

// src/cli/ and dist/cli/ both sit two levels under the package root, so one relative URL serves both.
const PACKAGE_JSON = new URL("../../package.json", import.meta.url);

/** The package version, e.g. "0.1.0". */
export async function cliVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(PACKAGE_JSON, "utf8")) as { name?: unknown; version?: unknown };
  if (pkg.name !== "@coreplus-kit/core" || typeof pkg.version !== "string") {
    throw new Error(`coreplus: ${PACKAGE_JSON.pathname} is not @coreplus-kit/core's package.json`);
  }
  return pkg.version;
}
