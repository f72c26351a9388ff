// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are source code that holds css`` literals with ${} in them.
import { describe, expect, it } from "vitest";
import { dedent, minifyStyles, unquoteAttributes } from "../scripts/minify-templates.ts";

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

  it("drops the line breaks in html`` that never render (beside a block, inside a button), not others", () => {
    const source = [
      "const a = html`<ul>", // 0
      "  ${items.map((i) => html`<li>", // 1
      "    <button", // 2
      '      type="button"', // 3
      "    >", // 4
      "      <span>${i.a}</span>", // 5
      "      <span>${i.b}</span>", // 6
      "    </button>", // 7
      "  </li>`)}", // 8
      "</ul>`;", // 9
      "// see <b>", // 10
      "<i>", // 11 (not code, but a comment's line is never joined)
    ].join("\n");
    const { code, map } = dedent(source, "a.ts", source, undefined, true);
    expect(code.split("\n")).toEqual([
      "const a = html`<ul>${items.map((i) => html`<li><button",
      'type="button"',
      "><span>${i.a}</span>",
      "<span>${i.b}</span></button></li>`)}</ul>`;",
      "// see <b>",
      "<i>",
    ]);
    // One segment per line, at the source line it starts (0, 3, 4, 6, 10, 11) and that line's indent
    // (0, 6, 4, 6, 0, 0), both as deltas.
    expect(map.mappings).toBe("AAAA;AAGM;AACF;AAEE;AAIN;AACA");
  });

  it("drops the quotes of static attribute values in html`` that HTML reads the same without them, only those", () => {
    const source = [
      'const a = html`<section class="card" part="card" aria-busy="true" lang=${lang}>', // all three
      '  <p class="notice info" id="n-${id}" title=\'x\'>a="b" <!-- c="d" --></p>', // space, binding, '
      '  <a href="/x" data-x="a"b="c" @click=${go} class="x">', // a slash; no space after (b's has); after a binding
      '  ${html`<b class="${cls}" role="status">`}', // nested
      "</section>`;",
      'const b = `<i class="x">`;', // not html``
      'const c = css`[type="button"]{}`;',
    ].join("\n");
    expect(unquoteAttributes(source).split("\n")).toEqual([
      "const a = html`<section class=card part=card aria-busy=true lang=${lang}>",
      '  <p class="notice info" id="n-${id}" title=x>a="b" <!-- c="d" --></p>',
      '  <a href="/x" data-x="a"b=c @click=${go} class=x>',
      '  ${html`<b class="${cls}" role=status>`}',
      "</section>`;",
      'const b = `<i class="x">`;',
      'const c = css`[type="button"]{}`;',
    ]);
  });

  it("leaves a module without html`` as it is", () => {
    const source = 'const a = `<p class="x">`;\n';
    expect(unquoteAttributes(source)).toBe(source);
  });
});
