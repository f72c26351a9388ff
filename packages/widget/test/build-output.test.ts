/**
 * What the script-tag build's minifier options rely on (vite.config.ts). Terser's `unsafe_arrows` turns an
 * anonymous `function` that uses no `this` or `arguments` into an arrow, which breaks only a function that is
 * constructed with `new`, reads `new.target` or has its `prototype` used. TypeScript gives such a function no
 * construct signature (strict mode refuses `new` on it), and Lit is written in TypeScript: so the bundle may hold
 * only this package's TypeScript and Lit. A module from anywhere else must be checked for those uses first.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Rolldown } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
/** Lit's packages, as their paths inside node_modules end. */
const lit = /\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/[^/]+(\/[^/]+)*\.js$/;

describe("the script-tag build", () => {
  let outDir = "";
  let chunks: Rolldown.OutputChunk[] = [];

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), "coreplus-build-output-"));
    const { build } = await import("vite");
    const result = await build({
      root,
      configFile: join(root, "vite.config.ts"),
      logLevel: "silent",
      build: { outDir, emptyOutDir: true },
    });
    chunks = (Array.isArray(result) ? result : [result])
      .flatMap((r) => ("output" in r ? r.output : []))
      .filter((o): o is Rolldown.OutputChunk => o.type === "chunk");
  }, 90_000);

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it("holds only this package's TypeScript and Lit (what Terser's unsafe_arrows is safe for)", () => {
    const modules = chunks.flatMap((c) => c.moduleIds);
    expect(modules.length).toBeGreaterThan(20);
    const other = modules.filter((id) => {
      const path = id.replace(/\?.*$/, "");
      if (lit.test(path)) return false;
      const inSrc = relative(join(root, "src"), path);
      return inSrc.startsWith("..") || !/\.ts$/.test(inSrc) || /\.test\.ts$/.test(inSrc);
    });
    expect(
      other,
      "a module outside src/ and Lit joined the bundle: check it never constructs an anonymous function, reads " +
        "new.target or uses such a function's prototype (Terser's unsafe_arrows), then allow it here",
    ).toEqual([]);
  });

  it("writes anonymous functions as arrows and reads no new.target", () => {
    const code = chunks.map((c) => c.code).join("\n");
    expect(code).not.toContain("new.target");
    // The option is on: single-use functions that Terser writes in place are arrows, not `function(`…`){`…`}(`.
    expect(code).toMatch(/\(\([\w$,{}:]*\)=>\{/);
    expect(code).not.toMatch(/[=(,:]function\([\w$,]*\)\{return [^}]*\}\(/);
  });
});
