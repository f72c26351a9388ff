/**
 * A Workers deploy from the published package, checked offline with `wrangler deploy --dry-run`:
 * this package and @coreplus-kit/core are packed (`pnpm pack`, as published) and unpacked into the
 * node_modules of a new project beside their installed dependencies; the project's wrangler.toml is
 * the shipped wrangler.template.toml, unchanged. Then wrangler bundles `main`, minified, and this
 * checks that
 *   - the bundle is built from the packages' dist (never their src) and imports no `node:*` module;
 *   - it exports the Worker and both Durable Object classes the template binds;
 *   - the assets it would upload are exactly the /docs files the page uses (DOCS_ASSET_NAMES);
 * and prints the bundle's size, raw and gzipped. Run by `pnpm test` (after the build).
 *
 *   node scripts/check-workers-deploy.mjs [--keep]    # --keep leaves the project in the temp dir
 */
import { execFile } from "node:child_process";
import {
  access,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

const run = promisify(execFile);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const coreDir = join(packageDir, "..", "core");
const keep = process.argv.includes("--keep");

/** Fails the check with a message (printed, exit code 1, the temporary project removed). */
function fail(message) {
  throw Object.assign(new Error(message), { checkFailed: true });
}

for (const built of [join(packageDir, "dist/docs-assets/swagger-ui.css"), join(coreDir, "dist/index.js")])
  if (
    !(await access(built).then(
      () => true,
      () => false,
    ))
  ) {
    console.error(`check-workers-deploy: ${built} is missing: run \`pnpm build\` first`);
    process.exit(1);
  }

const { DOCS_ASSET_NAMES } = await import(pathToFileURL(join(packageDir, "dist/app/docs.js")).href);
const root = await mkdtemp(join(tmpdir(), "edge-workers-deploy-"));
const project = join(root, "clinic-booking-api");
const modules = join(project, "node_modules");

/** Packs `dir` as npm would publish it and unpacks it at node_modules/<name>; returns its manifest. */
async function installPacked(dir) {
  const packs = join(root, "packs");
  await mkdir(packs, { recursive: true });
  const { stdout } = await run("pnpm", ["pack", "--pack-destination", packs, "--json"], { cwd: dir });
  const tarball = JSON.parse(stdout).filename;
  const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
  const target = join(modules, manifest.name);
  await mkdir(target, { recursive: true });
  await run("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
  return JSON.parse(await readFile(join(target, "package.json"), "utf8"));
}

/** Links each third-party dependency of the package at `dir` from where it is installed. */
async function linkDependencies(dir, manifest) {
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    if (dep.startsWith("@coreplus-kit/")) continue;
    const at = join(modules, dep);
    if (
      await access(at).then(
        () => true,
        () => false,
      )
    )
      continue;
    await mkdir(dirname(at), { recursive: true });
    await symlink(await realpath(join(dir, "node_modules", dep)), at, "dir");
  }
}

try {
  await mkdir(modules, { recursive: true });
  await writeFile(
    join(project, "package.json"),
    JSON.stringify({ name: "clinic-booking-api", private: true }),
  );
  const edge = await installPacked(packageDir);
  const core = await installPacked(coreDir);
  if (edge.dependencies["@coreplus-kit/core"] !== core.version)
    fail(
      `the packed edge API depends on core ${edge.dependencies["@coreplus-kit/core"]}, not ${core.version}`,
    );
  await linkDependencies(packageDir, edge);
  await linkDependencies(coreDir, core);
  await cp(join(modules, edge.name, "wrangler.template.toml"), join(project, "wrangler.toml"));

  const wrangler = join(
    dirname(createRequire(join(packageDir, "package.json")).resolve("wrangler/package.json")),
    "bin",
    "wrangler.js",
  );
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_LOG: "debug", CI: "true" };
  delete env.WRANGLER_BUILD_CONDITIONS;
  const args = [
    wrangler,
    "deploy",
    "--dry-run",
    "--outdir",
    "out",
    "--minify",
    "--metafile",
    "out/meta.json",
  ];
  const { stdout, stderr } = await run(process.execPath, args, {
    cwd: project,
    env,
    maxBuffer: 64 << 20,
  }).catch((err) => fail(`wrangler deploy --dry-run failed:\n${err.stdout}\n${err.stderr}`));
  const log = `${stdout}\n${stderr}`;

  // The bundle: from dist only, no node:* imports, the three exports the template needs.
  const meta = JSON.parse(await readFile(join(project, "out", "meta.json"), "utf8"));
  const inputs = Object.keys(meta.inputs);
  const ours = inputs.filter((i) => i.includes("@coreplus-kit/"));
  const fromSource = ours.filter((i) => !/@coreplus-kit\/(edge-api|core)\/dist\//.test(i));
  if (ours.length === 0) fail("the bundle holds nothing of @coreplus-kit");
  if (fromSource.length > 0)
    fail(`the bundle was built from source, not dist: ${fromSource.slice(0, 3).join(", ")}`);
  const output = Object.values(meta.outputs).find((o) => o.entryPoint);
  const nodeImports = (output?.imports ?? []).filter((i) => i.path.startsWith("node:"));
  if (nodeImports.length > 0) fail(`the bundle imports ${nodeImports.map((i) => i.path).join(", ")}`);
  for (const name of ["default", "ClinicDurableObject", "ConsumerDurableObject"])
    if (!output?.exports.includes(name)) fail(`the bundle does not export ${name}`);

  // The assets wrangler would upload: what it read, less what it ignored (its own debug lines).
  const lines = log.split("\n");
  const readAt = lines.findIndex((l) => /Read \d+ files? from the assets directory/.test(l));
  if (readAt < 0) fail(`wrangler did not read an assets directory:\n${log}`);
  const count = Number(/Read (\d+) file/.exec(lines[readAt])[1]);
  const read = lines.slice(readAt + 1, readAt + 1 + count).map((l) => l.trim().replace(/^\//, ""));
  const ignored = new Set(lines.flatMap((l) => /Ignoring asset: (.+)$/.exec(l.trim())?.slice(1) ?? []));
  const uploaded = read.filter((f) => !ignored.has(f)).sort();
  const expected = [...DOCS_ASSET_NAMES].sort();
  if (JSON.stringify(uploaded) !== JSON.stringify(expected))
    fail(
      `the deploy would upload ${JSON.stringify(uploaded)}, not the /docs files ${JSON.stringify(expected)}`,
    );
  const assetsDir = /from the assets directory (.+)$/.exec(lines[readAt])[1].trim();
  let assetBytes = 0;
  for (const name of await readdir(assetsDir))
    if (uploaded.includes(name)) assetBytes += (await readFile(join(assetsDir, name))).length;

  const bundle = await readFile(join(project, "out", "index.js"));
  const gzip = gzipSync(bundle, { level: 9 }).length;
  const wranglerTotal = /Total Upload: (.+)$/m.exec(log)?.[1];
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `check-workers-deploy: the Worker from the packed packages, minified: ${bundle.length} B (${kb(bundle.length)}), ` +
      `gzip -9 ${gzip} B (${kb(gzip)}); wrangler: ${wranglerTotal}`,
  );
  console.log(
    `check-workers-deploy: assets uploaded: ${uploaded.join(", ")} (${kb(assetBytes)}); ${read.length - uploaded.length} files kept out`,
  );
} catch (err) {
  if (!err.checkFailed) throw err;
  console.error(`check-workers-deploy: ${err.message}`);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`check-workers-deploy: project kept at ${project}`);
  else await rm(root, { recursive: true, force: true });
}
