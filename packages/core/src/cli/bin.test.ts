import { execFile } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, expect, test } from "vitest";
import { DEV_CONSUMER_ID } from "../dev.js";

const exec = promisify(execFile);
const packageDir = fileURLToPath(new URL("../../", import.meta.url));

/** Newest modification time of the library's sources (tests excluded), in ms. */
async function newestSource(): Promise<number> {
  const entries = await readdir(join(packageDir, "src"), { recursive: true, withFileTypes: true });
  const times = await Promise.all(
    entries
      .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
      .map(async (e) => (await stat(join(e.parentPath, e.name))).mtimeMs),
  );
  return Math.max(...times);
}

beforeAll(async () => {
  // The bin imports the compiled CLI from dist/, as it does once installed. Build only when dist/ is
  // missing or older than the sources: under turbo the build task has just run, and rebuilding while
  // other packages' tests import core's dist/ could hand them half-written files.
  const built = await stat(join(packageDir, "dist/cli/main.js")).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built < (await newestSource())) await exec("pnpm", ["run", "build"], { cwd: packageDir });
}, 120_000);

test("the committed bin runs the built CLI: --help, --version, token, decode, and a usage error", async () => {
  const node = (...args: string[]) =>
    exec(process.execPath, ["bin/coreplus.js", ...args], {
      cwd: packageDir,
      env: { PATH: process.env.PATH },
    });
  const help = await node("--help");
  expect(help.stdout).toContain("Usage: coreplus <command> [options]");
  const { version } = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8"));
  expect((await node("--version")).stdout).toBe(`${version}\n`);

  const token = (await node("token", "GET", "/Location/")).stdout.trim();
  const decoded = await node("decode", token);
  expect(decoded.stdout).toContain(`"consumerId": "${DEV_CONSUMER_ID}"`);
  expect(decoded.stdout).toContain("OK: coreplus would accept this token");

  const bad = await node("token").catch((error: { code: number; stderr: string }) => error);
  expect(bad).toMatchObject({ code: 2, stderr: "coreplus: usage: coreplus token <METHOD> <URL>\n" });
}, 30_000);
