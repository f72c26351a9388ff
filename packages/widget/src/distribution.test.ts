import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Every module a consumer's TypeScript loads from an entry .d.ts, and the packages it reaches. */
function reach(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)) {
      const spec = m[1]!;
      if (spec.startsWith(".")) walk(resolve(dirname(file), spec.replace(/\.js$/, ".d.ts")));
      else packages.add(spec);
    }
  };
  walk(entry);
  return { files: [...files], packages: [...packages] };
}

describe("distribution", () => {
  it("publishes declarations that need only lit: edge-api types stay inside (import type only)", {
    timeout: 90_000,
  }, async () => {
    const outDir = await mkdtemp(join(tmpdir(), "coreplus-widget-dts-"));
    try {
      const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
      await promisify(execFile)(process.execPath, [
        tsc,
        "-p",
        join(root, "tsconfig.build.json"),
        // The same emit as the build; the typecheck script already checks these files.
        "--noCheck",
        "--outDir",
        outDir,
        "--sourceMap",
        "false",
        "--declarationMap",
        "false",
      ]);
      const { packages } = reach(join(outDir, "index.d.ts"));
      expect(packages.sort()).toEqual(["lit"]);
      // And no emitted JavaScript imports the edge API at run time.
      const { files } = reach(join(outDir, "index.d.ts"));
      for (const file of files)
        expect(readFileSync(file.replace(/\.d\.ts$/, ".js"), "utf8")).not.toContain("@coreplus-kit/edge-api");
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it("keeps edge-api imports type-only in the source", () => {
    const sources = sourceFiles();
    for (const [file, text] of sources) {
      for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+["']@coreplus-kit\/edge-api["']/gm)) {
        expect({ file, typeOnly: Boolean(m[1]) }).toEqual({ file, typeOnly: true });
      }
      expect({
        file,
        reexport: /^export\s+(?!type)[^;]*from\s+["']@coreplus-kit\/edge-api["']/m.test(text),
      }).toEqual({ file, reexport: false });
    }
  });
});

function sourceFiles(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts") && !name.endsWith(".test.ts"))
        out.push([path, readFileSync(path, "utf8")]);
    }
  };
  walk(join(root, "src"));
  return out;
}
