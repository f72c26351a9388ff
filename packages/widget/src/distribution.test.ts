import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

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
  describe("the published files", () => {
    // Inside the package, so the declarations find `lit` in its node_modules as a consumer's would.
    let outDir = "";
    const run = (file: string, args: string[]) => promisify(execFile)(process.execPath, [file, ...args]);
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

    beforeAll(async () => {
      const cache = join(root, "node_modules", ".cache");
      await mkdir(cache, { recursive: true });
      outDir = await mkdtemp(join(cache, "coreplus-widget-dist-"));
      // The same emits as the build; the typecheck script already checks these files.
      await run(tsc, [
        ...["-p", join(root, "tsconfig.build.json"), "--noCheck", "--outDir", join(outDir, "lib")],
        ...["--sourceMap", "false", "--declarationMap", "false"],
      ]);
      const { build } = await import("vite");
      await build({
        root,
        configFile: join(root, "vite.config.ts"),
        logLevel: "silent",
        build: { outDir, sourcemap: false },
      });
    }, 90_000);

    afterAll(async () => {
      if (outDir) await rm(outDir, { recursive: true, force: true });
    });

    it("publishes declarations that need only lit: edge-api types stay inside (import type only)", () => {
      const { packages } = reach(join(outDir, "lib", "index.d.ts"));
      expect(packages.sort()).toEqual(["lit"]);
      // And no emitted JavaScript imports the edge API at run time.
      const { files } = reach(join(outDir, "lib", "index.d.ts"));
      for (const file of files)
        expect(readFileSync(file.replace(/\.d\.ts$/, ".js"), "utf8")).not.toContain("@coreplus-kit/edge-api");
    });

    it("types the script-tag file: importing it declares the element and its events", {
      timeout: 90_000,
    }, async () => {
      await writeFile(
        join(outDir, "consumer.ts"),
        [
          'import "./coreplus-booking.js";',
          'const el = document.createElement("coreplus-booking");',
          "const slug: string = el.clinic;",
          'el.addEventListener("coreplus-booked", (e) => e.detail.reference.toUpperCase());',
          "export { slug };",
        ].join("\n"),
      );
      const consumer = [
        ...["--noEmit", "--strict", "--skipLibCheck", "--target", "es2022"],
        ...["--module", "nodenext", "--moduleResolution", "nodenext", "--lib", "es2023,dom"],
        join(outDir, "consumer.ts"),
      ];
      await expect(run(tsc, consumer)).resolves.toBeDefined();
      // Without the declaration file, the same consumer does not typecheck (the test can fail).
      await rm(join(outDir, "coreplus-booking.d.ts"));
      await expect(run(tsc, consumer)).rejects.toMatchObject({
        stdout: expect.stringContaining("consumer.ts"),
      });
    });
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
