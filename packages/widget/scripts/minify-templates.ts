/**
 * A build-only Vite plugin that squeezes the whitespace Lit templates keep verbatim (the minifier
 * leaves template literals alone). It drops the indentation at the start of every source line, which
 * never changes what JavaScript means and, inside html`` and css`` literals, only removes whitespace
 * that HTML and CSS collapse anyway (no template here has <pre> or whitespace-sensitive content).
 * Lines are kept, and a line-level source map goes with the change. The styles' css`` text, which
 * has no expressions, is minified properly.
 */
import type { Plugin } from "vite";

/** Minifies plain CSS text (no comments inside strings, no `${}` expressions). */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/ ?([{}:;,>]) ?/g, "$1")
    .replace(/;}/g, "}")
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

/** Removes each line's indentation; returns the code and a map with one segment per line. */
export function dedent(
  code: string,
  file: string,
): {
  code: string;
  map: { version: 3; sources: string[]; sourcesContent: string[]; names: string[]; mappings: string };
} {
  const lines = code.split("\n");
  const segments: string[] = [];
  let previousIndent = 0;
  const out = lines.map((line, i) => {
    const indent = line.length - line.trimStart().length;
    // [generated column 0, source 0, one line down (none for the first), the indent's column delta]
    segments.push(vlq(0) + vlq(0) + vlq(i === 0 ? 0 : 1) + vlq(indent - previousIndent));
    previousIndent = indent;
    return line.slice(indent);
  });
  return {
    code: out.join("\n"),
    map: { version: 3, sources: [file], sourcesContent: [code], names: [], mappings: segments.join(";") },
  };
}

/** The plugin. */
export function minifyTemplates(): Plugin {
  return {
    name: "coreplus-minify-templates",
    apply: "build",
    enforce: "pre",
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      // The styles' literal holds no expressions; minify it in place on its own lines' budget.
      const styled = id.endsWith(".styles.ts")
        ? code.replace(
            /css`([^`$]*)`/g,
            (_, body: string) => `css\`${minifyCss(body)}${"\n".repeat((body.match(/\n/g) ?? []).length)}\``,
          )
        : code;
      return dedent(styled, id);
    },
  };
}
