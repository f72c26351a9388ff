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

/** Server HTML without Lit's hydration markers, entities decoded enough to read the text. */
const readable = (out: string) => out.replaceAll(/<!--.*?-->/g, "").replaceAll("&#39;", "'");

describe("server rendering with @lit-labs/ssr", () => {
  it("renders every attribute, reflected, into a declarative shadow root with the card and heading", async () => {
    const { renderBooking } = await import("../test/ssr-render.ts");
    const out = readable(
      await renderBooking({
        api: "https://book.example.com",
        clinic: "harbourside",
        location: "loc-1",
        practitioner: "prac-1",
        "appointment-type": "type-1",
        lang: "en-US",
        theme: "dark",
        datalayer: "",
      }),
    );
    for (const attr of [
      'api="https://book.example.com"',
      'clinic="harbourside"',
      'location="loc-1"',
      'practitioner="prac-1"',
      'appointment-type="type-1"',
      'lang="en-US"',
      'theme="dark"',
      "datalayer",
    ])
      expect(out).toContain(attr);
    expect(out).toContain('<template shadowroot="open" shadowrootmode="open">');
    expect(out).toMatch(/<section class="card" part="card" lang="en-US"/);
    expect(out).toContain(">Book an appointment</h2>");
    // The clinic loads in the browser: the server shows the skeleton of the first step, not an error.
    expect(out).toContain('class="choice skeleton"');
    expect(out).not.toContain("undefined");
  });

  it("renders the bare element's set-up notice, in en-AU, with the default theme reflected", async () => {
    const { renderBooking } = await import("../test/ssr-render.ts");
    const out = readable(await renderBooking({}));
    expect(out).toContain('theme="light"');
    expect(out).toContain('lang="en-AU"');
    expect(out).toContain("This booking page isn't set up correctly.");
  });
});
