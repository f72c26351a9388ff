/**
 * The script-tag build minifies the styles' css`` text (scripts/minify-templates.ts; the tests here run
 * the source, unminified). Chromium must read the minified text as the very same rules, or a saving
 * has changed the look.
 */
import type { CSSResult, CSSResultGroup } from "lit";
import { describe, expect, it } from "vitest";
import { minifyCss } from "../scripts/minify-templates.ts";
import { bookingStyles } from "./booking.styles.ts";
import { formStyles } from "./form.styles.ts";

const results = (group: CSSResultGroup): CSSResult[] =>
  Array.isArray(group) ? group.flatMap(results) : [group as CSSResult];

/**
 * What Chromium parsed: every rule's selector and declarations. A value with var() stays text as
 * written, where a run of whitespace and one space, `a * b` and `a*b`, `a, b` and `a,b`, `0.5` and `.5`
 * are the same; nothing else is normalised.
 */
function parsed(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  const same = (css: string) =>
    css
      .replace(/\s+/g, " ")
      .replace(/\s*([,*/])\s*/g, "$1")
      .replace(/\(\s+/g, "(")
      .replace(/\s+\)/g, ")")
      .replace(/(?<![\w.])0\.(?=\d)/g, ".");
  const walk = (rules: CSSRuleList): string[] =>
    [...rules].flatMap((rule) => {
      if (rule instanceof CSSStyleRule) {
        return [
          `${rule.selectorText} {`,
          ...same(rule.style.cssText).split("; "),
          ...walk(rule.cssRules),
          "}",
        ];
      }
      if (rule instanceof CSSSupportsRule) {
        // Kept as written too: the same condition, and the same answer from this browser.
        const condition = same(rule.conditionText).replace(/:\s+/g, ":");
        return [`@supports ${condition} ${CSS.supports(rule.conditionText)} {`, ...walk(rule.cssRules), "}"];
      }
      if (rule instanceof CSSGroupingRule) {
        const head = rule.cssText.slice(0, rule.cssText.indexOf("{"));
        return [`${head}{`, ...walk(rule.cssRules), "}"];
      }
      return [rule.cssText];
    });
  return walk(sheet.cssRules);
}

describe("the build's minified styles", () => {
  const sheets = { first: results(bookingStyles), later: results(formStyles) };
  for (const [name, list] of Object.entries(sheets)) {
    it(`parse as the same rules as the source (${name} screen)`, () => {
      for (const result of list) {
        const source = parsed(result.cssText);
        expect(source.length).toBeGreaterThan(2);
        expect(parsed(minifyCss(result.cssText))).toEqual(source);
      }
    });
  }

  it("keeps what minifying must not touch", () => {
    expect(minifyCss('a { font-family: "Segoe  UI", x; }')).toBe('a{font-family:"Segoe  UI",x}');
    expect(minifyCss("a { margin: calc(var(--s) * -1) 10.5px 0.5em; }")).toBe(
      "a{margin:calc(var(--s)*-1) 10.5px .5em}",
    );
    expect(minifyCss("a { width: calc(1px + 2%); grid-row: 1 / span 2; }")).toBe(
      "a{width:calc(1px + 2%);grid-row:1/span 2}",
    );
    // An attribute selector's identifier loses its quotes; a value that is not one, and other strings, keep them.
    expect(minifyCss(':host([theme="dark"]) [part=\'input\'], [a="1x"], [b="x y"] { content: "x"; }')).toBe(
      ':host([theme=dark]) [part=input],[a="1x"],[b="x y"]{content:"x"}',
    );
  });
});
