/**
 * A step view whose template module is loaded with `import()` on first use, so a build that splits
 * code can ship it as its own chunk. Until it is in, the step shows a skeleton; a module that fails
 * to load shows the usual failure with "Try again".
 */
import { choiceSkeleton } from "../steps/shared.js";
import { problem } from "./problem.js";
import type { StepView, ViewContext } from "./types.js";

/** A {@link StepView} that can also start loading early. */
export interface LazyView extends StepView {
  /** Starts loading the module (once, and not again after a failure); never rejects. */
  preload(): Promise<void>;
}

/** Wraps `render(module, context)` so that `module` comes from `load()` the first time it is needed. */
export function lazyView<T>(load: () => Promise<T>, render: (mod: T, x: ViewContext) => unknown): LazyView {
  let mod: T | undefined;
  let failed = false;
  let failure: unknown;
  let loading: Promise<void> | undefined;
  // After a failure, only the visitor's "Try again" loads again (no retry on every render).
  const preload = (): Promise<void> => {
    if (!loading && !failed) {
      loading = load().then(
        (loaded) => {
          mod = loaded;
        },
        (e: unknown) => {
          failed = true;
          failure = e;
          loading = undefined;
        },
      );
    }
    return loading ?? Promise.resolve();
  };
  const view = (x: ViewContext): unknown => {
    if (mod) return render(mod, x);
    if (failed) {
      const retry = () => {
        failed = false;
        x.rerender();
      };
      return problem(failure, retry, x.m, x.c.contact(x.m));
    }
    void preload().then(x.rerender);
    return choiceSkeleton();
  };
  return Object.assign(view, { preload });
}
