/**
 * The one `import()` of the later chunk (src/later.ts: the details, review, confirmation and manage
 * views, the submitting code, the proofs), shared by everything on the first screen that needs it.
 * A failed load is forgotten, so the next caller loads again.
 */

/** The later chunk's exports. */
export type Later = typeof import("../later.js");

let loading: Promise<Later> | undefined;
let loaded: Later | undefined;

/** Loads the later chunk once (again after a failure). */
export function loadLater(): Promise<Later> {
  loading ??= import("../later.js").then(
    (mod) => (loaded = mod),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** The later chunk, once it is in (whoever loaded it). */
export function laterIn(): Later | undefined {
  return loaded;
}
