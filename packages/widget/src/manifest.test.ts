import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pkg from "../package.json" with { type: "json" };
import { CoreplusBooking } from "./booking.component.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string; fieldName?: string }[];
  members?: { name: string; kind: string; type?: { text: string }; privacy?: string }[];
  events?: { name: string; type?: { text: string } }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string; default?: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string }[] }[];
}

let dir = "";
let manifest: Manifest;
beforeAll(async () => {
  // The analyzer as `pnpm build` runs it (custom-elements-manifest.config.mjs), into a scratch directory.
  dir = await mkdtemp(join(tmpdir(), "coreplus-cem-"));
  await promisify(execFile)("pnpm", ["exec", "cem", "analyze", "--outdir", relative(root, dir)], {
    cwd: root,
  });
  manifest = JSON.parse(await readFile(join(dir, "custom-elements.json"), "utf8"));
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const element = (tag: string): Declaration => {
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!found) throw new Error(`no ${tag} in the manifest`);
  return found;
};

/** The button's own templates; every other template is the booking's. */
const BUTTON_SOURCES = [join("src", "button.component.ts"), join("src", "button-dialog.ts")];

/** Every `part="…"` the booking's templates use (or the button's, with `button`), from the source. */
async function partsInSource(button = false): Promise<string[]> {
  const names = new Set<string>();
  const files = await readdir(join(root, "src"), { recursive: true });
  for (const file of files.map((f) => join("src", f))) {
    if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
    if (BUTTON_SOURCES.includes(file) !== button) continue;
    for (const m of (await readFile(join(root, file), "utf8")).matchAll(/part(?:="|", ")([a-z-]+)"/g))
      names.add(m[1]!);
  }
  return [...names].sort();
}

describe("custom-elements.json", () => {
  it("is named in package.json and shipped", () => {
    expect(pkg.customElements).toBe("./dist/custom-elements.json");
    expect(pkg.files).toContain("dist");
    expect(pkg.scripts.build).toContain("cem analyze");
    expect(pkg.exports["./custom-elements.json"]).toBe("./dist/custom-elements.json");
  });

  it("defines the real tag name and documents every attribute and public property", () => {
    const definitions = manifest.modules
      .flatMap((m) => m.exports ?? [])
      .filter((e) => e.kind === "custom-element-definition");
    expect(definitions.map((d) => d.name)).toContain("coreplus-booking");
    const booking = element("coreplus-booking");
    const declared = Object.entries(CoreplusBooking.properties);
    const attributes = declared
      .filter(([, o]) => o.attribute !== false)
      .map(([name, o]) => (typeof o.attribute === "string" ? o.attribute : name.toLowerCase()));
    expect(booking.attributes?.map((a) => a.name).sort()).toEqual(attributes.sort());
    const members = booking.members?.filter((m) => m.privacy !== "private").map((m) => m.name) ?? [];
    for (const [name] of declared) expect(members).toContain(name);
    expect(booking.members?.find((m) => m.name === "theme")?.type?.text).toBe('"light" | "dark" | "auto"');
  });

  it("lists the events with their detail types, every part, and every custom property with its default", async () => {
    const booking = element("coreplus-booking");
    const index = await readFile(join(root, "src/index.ts"), "utf8");
    expect(booking.events?.map((e) => e.name).sort()).toEqual([
      "coreplus-booked",
      "coreplus-cancelled",
      "coreplus-error",
      "coreplus-ready",
      "coreplus-rescheduled",
      "coreplus-slot-selected",
      "coreplus-step-change",
    ]);
    for (const event of booking.events ?? []) {
      const detail = /^CustomEvent<(\w+)>$/.exec(event.type?.text ?? "")?.[1];
      expect(detail, event.name).toBeDefined();
      expect(index, `${detail} is exported`).toContain(detail);
    }
    expect(booking.cssParts?.map((p) => p.name).sort()).toEqual(await partsInSource());
    const theme = await readFile(join(root, "src/theme.styles.ts"), "utf8");
    const host = theme.split(":host {")[1]!.split("}")[0]!;
    const defaults = Object.fromEntries(
      [...host.matchAll(/(--coreplus-[a-z-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]]),
    );
    expect(Object.keys(defaults).length).toBeGreaterThan(10);
    expect(Object.fromEntries((booking.cssProperties ?? []).map((p) => [p.name, p.default]))).toEqual(
      defaults,
    );
  });

  it("documents <coreplus-booking-button>: the booking's attributes and events, its own, its parts and properties", async () => {
    const button = element("coreplus-booking-button");
    const booking = element("coreplus-booking");
    const names = (list?: { name: string }[]) => (list ?? []).map((a) => a.name).sort();
    expect(names(button.attributes)).toEqual([...names(booking.attributes), "floating", "placement"].sort());
    expect(names(button.events)).toEqual(names(booking.events));
    expect(names(button.cssParts)).toEqual(await partsInSource(true));
    const styles = await readFile(join(root, "src/button.styles.ts"), "utf8");
    const host = styles.split(":host {")[1]!.split("}")[0]!;
    const defaults = [...host.matchAll(/(--coreplus-[a-z-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries((button.cssProperties ?? []).map((p) => [p.name, p.default]))).toEqual(
      Object.fromEntries(defaults),
    );
  });
});
