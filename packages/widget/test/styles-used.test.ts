/**
 * Dead styles cannot come back: every class, element name and attribute a stylesheet in src/ names is
 * rendered by some template in src/ (tests aside), so a rule for markup that was removed fails here
 * rather than shipping bytes nobody sees.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src/", import.meta.url));
const files = (readdirSync(src, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts") && !f.includes(".test."))
  .map((f) => ({ name: relative(src, join(src, f)), text: readFileSync(join(src, f), "utf8") }));
const sheets = files.filter((f) => f.name.endsWith(".styles.ts"));
const templates = files.filter((f) => !f.name.endsWith(".styles.ts"));

/** The selectors of every css`` literal in a styles module (comments and at-rule preludes left out). */
function selectorsOf(text: string): string[] {
  const literals = [...text.matchAll(/css`([^`]*)`/g)].map((m) => m[1]!.replace(/\/\*[\s\S]*?\*\//g, ""));
  return literals.flatMap((css) =>
    [...css.matchAll(/([^{};]+)\{/g)]
      .map((m) => m[1]!.trim())
      .filter((s) => !s.startsWith("@") && !/^\d+%$/.test(s))
      .flatMap((s) => s.split(",").map((one) => one.trim())),
  );
}

const selectors = sheets.flatMap((f) => selectorsOf(f.text));
const markup = templates.map((f) => f.text).join("\n");

/**
 * Every class a template can render: the words of class="…", with the strings inside its ${…}, and of
 * `className = "…"` where the DOM is built by hand (the button's dialog).
 */
const rendered = new Set<string>();
const prefixes: string[] = [];
for (const [, value] of markup.matchAll(/class="([^"]*(?:"[^"]*"[^"]*)*?)"(?=[\s>])/g)) {
  const words = value!.replace(
    /\$\{[^}]*\}/g,
    (expr) => ` ${[...expr.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join(" ")} `,
  );
  for (const word of words.split(/\s+/)) if (word) rendered.add(word);
  for (const [, prefix] of value!.matchAll(/([\w-]+-)\$\{/g)) prefixes.push(prefix!);
}
for (const [, value] of markup.matchAll(/className = "([^"]*)"/g)) {
  for (const word of value!.split(/\s+/)) if (word) rendered.add(word);
}

describe("the widget's stylesheets name only what its templates render", () => {
  it("finds the stylesheets and their selectors (the check itself can see)", () => {
    expect(sheets.map((f) => f.name).sort()).toContain("booking.styles.ts");
    expect(selectors).toContain('.day[aria-pressed="true"]');
    expect(rendered).toContain("has-error");
  });

  it("every class in a selector is rendered by some template", () => {
    const classes = new Set(selectors.flatMap((s) => [...s.matchAll(/\.([a-z][\w-]*)/g)].map((m) => m[1]!)));
    const dead = [...classes].filter((c) => !rendered.has(c) && !prefixes.some((p) => c.startsWith(p)));
    expect(dead).toEqual([]);
  });

  it("every element name in a selector is rendered by some template", () => {
    const names = new Set(
      selectors.flatMap((s) =>
        [...s.replace(/\([^)]*\)|\[[^\]]*\]/g, "").matchAll(/(?:^|[\s>+~])([a-z][\w-]*)/g)].map((m) => m[1]!),
      ),
    );
    const made = (name: string) => markup.includes(`<${name}`) || markup.includes(`createElement("${name}")`);
    expect([...names].filter((n) => !made(n))).toEqual([]);
  });

  it("every attribute in a selector (beyond the host's own) is set by some template", () => {
    const attributes = new Set(
      selectors
        .filter((s) => !s.startsWith(":host"))
        .flatMap((s) => [...s.matchAll(/\[([\w-]+)/g)].map((m) => m[1]!)),
    );
    expect([...attributes].filter((a) => !new RegExp(`\\s${a}=`).test(markup))).toEqual([]);
  });
});
