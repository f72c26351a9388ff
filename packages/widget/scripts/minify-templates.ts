/**
 * A build-only Vite plugin that squeezes the whitespace Lit templates keep verbatim: the styles'
 * css`` text is minified, and after minification every newline-plus-indent (which then only occurs
 * inside template literals) becomes one space, which HTML and CSS treat the same way. No template
 * here has whitespace-sensitive content (no <pre>, textareas are empty), so rendering is unchanged.
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

/** The plugin. */
export function minifyTemplates(): Plugin {
  return {
    name: "coreplus-minify-templates",
    apply: "build",
    transform(code, id) {
      if (!id.endsWith(".styles.ts")) return null;
      const minified = code.replace(/css`([^`$]*)`/g, (_, body: string) => `css\`${minifyCss(body)}\``);
      // Only the inside of one literal changes; no line moves, so the existing mapping stays valid.
      return { code: minified, map: null };
    },
    // After the minifier ran (renderChunk would be too early: comments still end at newlines).
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === "chunk") chunk.code = chunk.code.replace(/\n\s*/g, " ");
      }
    },
  };
}
