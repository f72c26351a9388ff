#!/usr/bin/env node
// Checks the package in the current directory as npm users meet it (run by each publishable package's
// `check:package` script, after its build):
//   1. publint --strict: the package.json fields and exports against the packed files;
//   2. attw --pack --profile esm-only: every export's types resolve under node16 (from ESM) and bundler;
//   3. require(): every export subpath loads through require() in a CommonJS context, as it does for a
//      CommonJS user on Node 20.19+ (require(esm)); this is what "default" beside "import" is for.
// Exports for another runtime (a browser bundle, a Workers entry) are named in `REQUIRE_SKIP` below.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const run = (command, args) => execFileSync(command, args, { stdio: "inherit" });

run("publint", ["--strict"]);
run("attw", ["--pack", ".", "--profile", "esm-only"]);

const subpaths = Object.keys(pkg.exports ?? {}).filter((key) => key !== "./package.json");
// Entries for another runtime have no Node meaning to require(): a browser bundle registers a custom
// element on load; edge-api's Workers entry imports `cloudflare:workers`, which only workerd provides.
const REQUIRE_SKIP = new Set(["./coreplus-booking.js", "./workers"]);
// A types-only entry (JSX typings) has nothing to load.
const typesOnly = (entry) => typeof entry === "object" && !("default" in entry) && !("import" in entry);
const required = subpaths
  .filter((subpath) => !REQUIRE_SKIP.has(subpath) && !typesOnly(pkg.exports[subpath]))
  .map((subpath) => (subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`));
// Self-reference by name: resolved through the exports map with the conditions require() uses.
const probe = `for (const name of ${JSON.stringify(required)}) {
  const mod = require(name);
  if (Object.keys(mod).length === 0) throw new Error(name + ": require() gave a module with no exports");
}`;
try {
  execFileSync(process.execPath, ["--no-warnings=ExperimentalWarning", "-e", probe], { stdio: "pipe" });
} catch (error) {
  const detail = String(error.stderr ?? error.message)
    .split("\n")
    .find((line) => /Error|error/.test(line));
  console.error(`${pkg.name}: require() of ${required.join(", ")} failed: ${detail ?? "see above"}`);
  process.exit(1);
}
console.log(`${pkg.name}: require() works for ${required.join(", ")}`);
