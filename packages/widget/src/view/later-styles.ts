/**
 * The later views' styles (form.styles.ts: forms, summaries, the primary button) are not on the first
 * screen, so they arrive with those views: loaded with `import()` and adopted into the element's
 * shadow root as a constructable stylesheet (which a strict CSP allows), after the first screen's.
 */
import type { CSSResult } from "lit";

let loading: Promise<CSSResult> | undefined;

/** Loads the later views' styles once and adopts them into `root` (again: nothing happens). */
export function adoptLaterStyles(root: Node): Promise<void> {
  loading ??= import("../form.styles.js").then((m) => m.formStyles);
  return loading.then(
    (styles) => {
      const sheet = styles.styleSheet;
      if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    },
    () => {
      // A failed chunk load is retried with the next view that needs it; the views say what failed.
      loading = undefined;
    },
  );
}
