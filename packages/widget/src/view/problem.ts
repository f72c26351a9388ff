/** The view's handling of loads: a skeleton while pending, the value when in, a friendly failure. */

import type { TemplateResult } from "lit";
import { EdgeRequestError } from "../api/edge-error.js";
import { TaskStatus } from "../internal/task.js";
import type { FirstMessages } from "../messages/first-screen.js";
import { choiceSkeleton, problemNotice } from "../steps/shared.js";

/** The part of a Task the views read. */
export interface Loadable<R> {
  status: TaskStatus;
  value: R | undefined;
  error: unknown;
  run(): Promise<void>;
}

/**
 * What went wrong and what to do: "Try again" when retrying can help, and the location's phone
 * (`contact`) when one is known. A failed booking is worded by the review (later-views.ts).
 */
export function problem(
  error: unknown,
  retry: () => unknown,
  m: FirstMessages,
  contact: string | undefined,
): TemplateResult {
  if (error instanceof EdgeRequestError && error.code === "ERR_NOT_FOUND") return problemNotice(m.notFound);
  return problemNotice(m.loadError(contact), { label: m.tryAgain, onRetry: retry });
}

/** A task's value through `view`, its failure as a {@link problem}, else the skeleton. */
export function load<R>(
  task: Loadable<R>,
  m: FirstMessages,
  contact: string | undefined,
  view: (value: R) => unknown,
): unknown {
  if (task.status === TaskStatus.ERROR) return problem(task.error, () => task.run(), m, contact);
  return task.status === TaskStatus.COMPLETE && task.value !== undefined
    ? view(task.value)
    : choiceSkeleton();
}
