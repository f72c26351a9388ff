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

  it("puts each css`` literal on one line as unsafeCSS text, keeps its names, and says where each line came from", () => {
    const { code, sourceLines } = minifyStyles(source);
    expect(code.split("\n")).toEqual([
      'import { css } from "lit";',
      "const a = coreplusStyle$(`:host{--x:${value}}`);",
      "/** b */",
      "export const b = [a, coreplusStyle$(`p{margin:.5em}`)];",
      'import { unsafeCSS as coreplusStyle$ } from "lit";',
    ]);
    expect(sourceLines).toEqual([0, 1, 6, 7, 7]);
  });

  it("leaves a module without css`` literals as it is", () => {
    expect(minifyStyles("export const a = 1;\n")).toEqual({
      code: "export const a = 1;\n",
      sourceLines: [0, 1],
    });
  });

  it("refuses a literal whose expression is more than a name", () => {
    expect(() => minifyStyles("const a = css`p { color: ${pick()}; }`;")).toThrow(/plain name/);
  });
});
