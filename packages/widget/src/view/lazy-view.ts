/**
 * A step view whose template module is loaded with `import()` on first use, so a build that splits
 * code can ship it as its own chunk. Until it is in, the step shows a skeleton; a module that fails
 * to load shows the usual failure with "Try again".
 */
import { choiceSkeleton } from "../steps/shared.js";
import { problem } from "./problem.js";
import type { ViewContext } from "./types.js";

/** What a lazy view reads of its context: the strings, how to render again, the flow's phone line (if any). */
export type LazyContext = Pick<ViewContext, "m" | "rerender"> & { c?: Pick<ViewContext["c"], "contact"> };

/** A view (a {@link StepView} by default) whose module loads when it first renders. */
export type LazyView<X extends LazyContext = ViewContext> = (x: X) => unknown;

/** Wraps `render(module, context)` so that `module` comes from `load()` the first time it is needed. */
export function lazyView<T, X extends LazyContext = ViewContext>(
  load: () => Promise<T>,
  render: (mod: T, x: X) => unknown,
): LazyView<X> {
  let mod: T | undefined;
  let failed = false;
  let loading: Promise<void> | undefined;
  return (x) => {
    if (mod) return render(mod, x);
    // After a failure, only the visitor's "Try again" loads again (no retry on every render).
    if (failed) {
      const retry = () => {
        failed = false;
        x.rerender();
      };
      // A module that did not load is no edge API answer: the load error, never "not found".
      return problem(undefined, retry, x.m, x.c?.contact(x.m));
    }
    loading ??= load().then(
      (loaded) => {
        mod = loaded;
      },
      () => {
        failed = true;
        loading = undefined;
      },
    );
    void loading.then(x.rerender);
    return choiceSkeleton();
  };
}
