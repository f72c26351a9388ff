/**
 * The later views' styles (form.styles.ts: forms, summaries, the primary button) are not on the first
 * screen, so they arrive with those views, in the later chunk (internal/later-chunk.ts loads it once, and
 * again after a failure), and are adopted into the element's shadow root as a constructable stylesheet
 * (which a strict CSP allows), after the first screen's.
 */
import { loadLater } from "../internal/later-chunk.js";

/** Loads the later views' styles once and adopts them into `root` (again: nothing happens). */
export function adoptLaterStyles(root: Node): Promise<void> {
  return loadLater().then(
    ({ formStyles }) => {
      const sheet = formStyles.styleSheet;
      if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    },
    () => {
      // A failed chunk load is retried with the next view that needs it; the views say what failed.
    },
  );
}
