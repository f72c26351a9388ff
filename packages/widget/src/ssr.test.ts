import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// Server-rendering frameworks import the element in Node, where there is no DOM.
describe("importing without a DOM", () => {
  it("the npm entry does not throw, exports the class and registers nothing it cannot", async () => {
    expect(typeof (globalThis as { HTMLElement?: unknown }).HTMLElement).toBe("undefined");
    const mod = await import("./index.ts");
    expect(mod.tagName).toBe("coreplus-booking");
    expect(typeof mod.CoreplusBooking).toBe("function");
    expect(mod.resolveMessages("en-US").locale).toBe("en-US");
  });

  it("the self-contained script-tag file does not throw either", async () => {
    const { build } = await import("vite");
    const root = fileURLToPath(new URL("..", import.meta.url));
    const outDir = await mkdtemp(join(tmpdir(), "coreplus-widget-"));
    try {
      await build({
        root,
        configFile: join(root, "vite.config.ts"),
        logLevel: "silent",
        build: { outDir, sourcemap: false },
      });
      const file = join(outDir, "coreplus-booking.js");
      expect(existsSync(file)).toBe(true);
      await expect(import(pathToFileURL(file).href)).resolves.toBeDefined();
      expect(typeof (globalThis as { HTMLElement?: unknown }).HTMLElement).toBe("undefined");
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
