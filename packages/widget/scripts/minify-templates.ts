/**
 * A build-only Vite plugin that squeezes the whitespace Lit templates keep verbatim (the minifier
 * leaves template literals alone). It drops the indentation at the start of every source line, which
 * never changes what JavaScript means and, inside html`` and css`` literals, only removes whitespace
 * that HTML and CSS collapse anyway (no template here has <pre> or whitespace-sensitive content).
 * The styles' css`` literals (in *.styles.ts) are minified properly, onto one line, with a source map
 * that still points every other line at its own source line, and built with `unsafeCSS` (minifyStyles).
 */
import ts from "typescript";
import type { Plugin } from "vite";

/** Minifies one part of CSS text between strings (`depth` counts the parentheses open across parts). */
function squeeze(part: string, depth: { n: number }): string {
  const tight = part
    .replace(/\s+/g, " ")
    .replace(/ ?([{}:;,>]) ?/g, "$1")
    .replace(/;}/g, "}")
    .replace(/ !important/g, "!important")
    // 0.5 → .5 (not 10.5, nor x0.5 in a name)
    .replace(/(?<![\w.])0\.(?=\d)/g, ".");
  // ` * ` and ` / ` lose their spaces inside calc() and the like (never `a * b` in a selector), and
  // ` / ` in a value (grid-row: 1 / span 2), which is not a selector either. `+` and `-` keep theirs.
  let out = "";
  for (const piece of tight.split(/([()])/)) {
    if (piece === "(") depth.n++;
    else if (piece === ")") depth.n--;
    out += depth.n > 0 ? piece.replace(/ ?([*/]) ?/g, "$1") : piece.replace(/ \/ /g, "/");
  }
  return out;
}

/**
 * Minifies plain CSS text (no `${}` expressions; the caller stands in a placeholder name for them):
 * comments and needless whitespace go, `0.5` becomes `.5`; strings are kept as they are, but for an
 * attribute selector's value that is an identifier, which needs no quotes (`[theme="dark"]` →
 * `[theme=dark]`, the same selector).
 */
export function minifyCss(text: string): string {
  const parts = text.replace(/\/\*[\s\S]*?\*\//g, "").split(/("[^"]*"|'[^']*')/);
  const depth = { n: 0 };
  const out = parts.map((part, i) => (i % 2 === 1 ? part : squeeze(part, depth)));
  return out
    .map((part, i) =>
      i % 2 === 1 &&
      out[i - 1]!.endsWith("=") &&
      out[i + 1]!.startsWith("]") &&
      /^.[a-zA-Z_][\w-]*.$/.test(part)
        ? part.slice(1, -1)
        : part,
    )
    .join("")
    .trim();
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** One source-map VLQ number. */
function vlq(value: number): string {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = "";
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += BASE64[digit];
  } while (v > 0);
  return out;
}

/** A version 3 source map of one source. */
export interface LineMap {
  version: 3;
  sources: string[];
  sourcesContent: string[];
  names: string[];
  mappings: string;
}

/** Elements whose box is a block: whitespace in a template beside their tags never renders. */
const BLOCK = new Set(
  "div p ul ol li section h2 h3 form fieldset legend dl dt dd details summary".split(" "),
);
/** Elements whose own content starts and ends a line: whitespace just inside their tags never renders. */
const CONTAINER = new Set([...BLOCK, "button"]);

type Edge = { kind: "start" | "end"; tag: string } | { kind: "expr" | "template" } | undefined;

/**
 * Whether the line break between two template lines (each without its indentation) is whitespace that
 * never renders: beside a block's tag, or just inside a block's or a button's. `tag` is the last tag
 * opened before the break. Only breaks before `<`, `${` or a template's closing backtick qualify: no
 * line of code starts with those, so the break is in an html`` literal (or joining changes nothing).
 */
function silentBreak(before: string, after: string, tag: Edge): boolean {
  if (/^\s*(\/\/|\/\*|\*)/.test(before)) return false;
  const left: Edge = before.endsWith("html`")
    ? { kind: "template" }
    : before.endsWith("}")
      ? { kind: "expr" }
      : before.endsWith(">")
        ? tag
        : undefined;
  const open = /^<(\/?)([a-z][a-z0-9-]*)/.exec(after);
  const right: Edge = open
    ? { kind: open[1] ? "end" : "start", tag: open[2]! }
    : after.startsWith("${")
      ? { kind: "expr" }
      : after.startsWith("`")
        ? { kind: "template" }
        : undefined;
  if (!left || !right) return false;
  const is = (edge: Edge, kind: "start" | "end", set: Set<string>) =>
    edge?.kind === kind && set.has(edge.tag);
  return (
    (is(left, "start", CONTAINER) && right.kind !== "template") ||
    is(left, "end", BLOCK) ||
    (is(right, "end", CONTAINER) && left.kind !== "template") ||
    is(right, "start", BLOCK)
  );
}

/**
 * Removes each line's indentation and, outside styles (`html`), the line breaks in html`` literals
 * that never render (silentBreak); returns the code and a map with one segment per line. `sourceLines`
 * gives each line's line in `source` (the code before an earlier change that joined lines; by default
 * line i is source line i), whose indentation the line keeps at its start.
 */
export function dedent(
  code: string,
  file: string,
  source = code,
  sourceLines?: readonly number[],
  html = false,
): { code: string; map: LineMap } {
  const segments: string[] = [];
  let previousLine = 0;
  let previousIndent = 0;
  const out: string[] = [];
  let tag: Edge;
  code.split("\n").forEach((line, i) => {
    const indent = line.length - line.trimStart().length;
    const text = line.slice(indent);
    const last = out.length - 1;
    if (html && last >= 0 && silentBreak(out[last]!, text, tag)) out[last] += text;
    else {
      const sourceLine = sourceLines?.[i] ?? i;
      // [generated column 0, source 0, the source line's delta, the indent's column delta]
      segments.push(vlq(0) + vlq(0) + vlq(sourceLine - previousLine) + vlq(indent - previousIndent));
      previousLine = sourceLine;
      previousIndent = indent;
      out.push(text);
    }
    for (const m of text.matchAll(/<(\/?)([a-z][a-z0-9-]*)/g))
      tag = { kind: m[1] ? "end" : "start", tag: m[2]! };
  });
  return {
    code: out.join("\n"),
    map: { version: 3, sources: [file], sourcesContent: [source], names: [], mappings: segments.join(";") },
  };
}

/** A static attribute value that needs no quotes (HTML's unquoted form, and no `/` a `>` could follow). */
const BARE_VALUE = /^[\w.:#%+-]+$/;

/**
 * Drops the quotes around static attribute values in html`` literals that HTML reads the same unquoted
 * (`class="card"` → `class=card`): a value of letters, digits and `_.:#%+-` only, whose closing quote is
 * followed by whitespace or the tag's `>`. Values with a binding in them (`id="period-${p}"`), anything
 * outside a tag (text, comments) and every other tagged or plain literal stay as they are; Lit parses
 * unquoted attributes as the browser does (its template scanner allows them). Only characters inside a
 * line go, so every line keeps its line (the source map stays right).
 */
export function unquoteAttributes(code: string, file = "module.ts"): string {
  if (!code.includes("html`")) return code;
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const drop: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === "html") {
      // The literal's static parts, as [start, end) in `code`; a binding between two parts is "\0".
      const t = node.template;
      const parts: [number, number][] = ts.isNoSubstitutionTemplateLiteral(t)
        ? [[t.getStart(source) + 1, t.end - 1]]
        : [
            [t.head.getStart(source) + 1, t.head.end - 2],
            ...t.templateSpans.map((s): [number, number] => [
              s.literal.getStart(source) + 1,
              s.literal.end - (ts.isTemplateTail(s.literal) ? 1 : 2),
            ]),
          ];
      let text = "";
      const at: number[] = []; // at[i]: the position in `code` of text[i] (-1 for a binding)
      parts.forEach(([start, end], i) => {
        if (i > 0) {
          text += "\0";
          at.push(-1);
        }
        text += code.slice(start, end);
        for (let p = start; p < end; p++) at.push(p);
      });
      let i = 0;
      let inTag = false;
      while (i < text.length) {
        const c = text[i]!;
        if (!inTag) {
          if (text.startsWith("<!--", i)) {
            const close = text.indexOf("-->", i + 4);
            i = close < 0 ? text.length : close + 3;
          } else {
            if (c === "<" && /[a-z]/i.test(text[i + 1] ?? "")) inTag = true;
            i++;
          }
          continue;
        }
        if (c === ">") {
          inTag = false;
          i++;
          continue;
        }
        const name = /^[^\s"'>/=\0]+/.exec(text.slice(i))?.[0];
        if (!name) {
          i++;
          continue;
        }
        i += name.length;
        if (text[i] !== "=") continue;
        const quote = text[i + 1];
        if (quote !== '"' && quote !== "'") {
          // An unquoted value or a binding: up to whitespace or the tag's end.
          while (i < text.length && !/[\s>]/.test(text[i]!)) i++;
          continue;
        }
        const close = text.indexOf(quote, i + 2);
        if (close < 0) break;
        const value = text.slice(i + 2, close);
        if (/^[a-z]/i.test(name) && BARE_VALUE.test(value) && /^[\s>]/.test(text[close + 1] ?? "")) {
          drop.push(at[i + 1]!, at[close]!);
        }
        i = close + 1;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (drop.length === 0) return code;
  drop.sort((a, b) => a - b);
  let out = "";
  let from = 0;
  for (const p of drop) {
    out += code.slice(from, p);
    from = p + 1;
  }
  return out + code.slice(from);
}

/** The name the build's styles modules import Lit's `unsafeCSS` under. */
const CSS_TEXT = "coreplusStyle$";

/** A css`` literal whose expressions are plain names (`${onAccent}`), as the styles' are. */
const CSS_LITERAL = /css`((?:[^`$\\]|\$(?!\{)|\$\{[\w$.]+\})*)`/g;

/**
 * Minifies each css`` literal of a styles module onto one line, as Lit's `unsafeCSS` of the text (the
 * same CSSResult; the source's css`` tag, and its check of what it is given, stay out of the build:
 * TypeScript has checked the source's expressions are styles or numbers, and they are module constants
 * here). Returns the code and, for each of its lines, the source line it comes from.
 */
export function minifyStyles(code: string): { code: string; sourceLines: number[] } {
  let out = "";
  let from = 0;
  const sourceLines: number[] = [];
  let line = 0;
  const lines = (text: string) => {
    for (const c of text) if (c === "\n") sourceLines.push(++line);
  };
  sourceLines.push(0);
  const literals = [...code.matchAll(CSS_LITERAL)];
  if (literals.length !== code.split("css`").length - 1)
    throw new Error("minify-templates: a css`` literal has an expression other than a plain name");
  for (const match of literals) {
    const before = code.slice(from, match.index);
    out += before;
    lines(before);
    const body = match[1] ?? "";
    const expressions: string[] = [];
    const placeholder = (i: number) => `__coreplus_css_${i}__`;
    const plain = body.replace(/\$\{[\w$.]+\}/g, (e) => placeholder(expressions.push(e) - 1));
    const min = minifyCss(plain).replace(
      /__coreplus_css_(\d+)__/g,
      (_, i: string) => expressions[Number(i)]!,
    );
    out += `${CSS_TEXT}(\`${min}\`)`;
    line += (match[0].match(/\n/g) ?? []).length; // its lines are joined into one
    from = match.index + match[0].length;
  }
  const rest = code.slice(from);
  out += rest;
  lines(rest);
  if (literals.length > 0) {
    // A line of its own at the end, so no other line moves (imports are hoisted).
    out += `\nimport { unsafeCSS as ${CSS_TEXT} } from "lit";`;
    sourceLines.push(line);
  }
  return { code: out, sourceLines };
}

/** The plugin. */
export function minifyTemplates(): Plugin {
  return {
    name: "coreplus-minify-templates",
    apply: "build",
    enforce: "pre",
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      if (!id.endsWith(".styles.ts")) return dedent(unquoteAttributes(code, id), id, code, undefined, true);
      const styled = minifyStyles(code);
      return dedent(styled.code, id, code, styled.sourceLines);
    },
  };
}
