// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are source code that holds css`` literals with ${} in them.
import { describe, expect, it } from "vitest";
import { minifyStyles } from "../scripts/minify-templates.ts";

describe("the build's styles minifier", () => {
  const source = [
    'import { css } from "lit";', // 0
    "const a = css`", // 1
    "  :host {", // 2
    "    --x: ${value};", // 3
    "  }", // 4
    "`;", // 5
    "/** b */", // 6
    "export const b = [a, css`p { margin: 0.5em; }`];", // 7
  ].join("\n");

  it("puts each css`` literal on one line, keeps its names, and says where each line came from", () => {
    const { code, sourceLines } = minifyStyles(source);
    expect(code.split("\n")).toEqual([
      'import { css } from "lit";',
      "const a = css`:host{--x:${value}}`;",
      "/** b */",
      "export const b = [a, css`p{margin:.5em}`];",
    ]);
    expect(sourceLines).toEqual([0, 1, 6, 7]);
  });

  it("refuses a literal whose expression is more than a name", () => {
    expect(() => minifyStyles("const a = css`p { color: ${pick()}; }`;")).toThrow(/plain name/);
  });
});
