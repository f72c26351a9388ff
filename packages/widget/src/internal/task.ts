/**
 * A data task as a Lit ReactiveController: the part of @lit/task 1.0's `Task` the widget uses, with its
 * behaviour (which the tests in task.test.ts pin), in a third of its size on the first screen. Given
 * `args`, it runs on a host update whose arguments differ (one by one, `Object.is`) from the last run's;
 * `run()` runs it on demand. A new run aborts the superseded one's signal, and only the latest run's
 * outcome counts. Not here: `taskComplete`, `render()`, `argsEqual`, `initialValue`, `autoRun` (a task without
 * `args` is the one that runs only on `run()`).
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

import * as Status from "./task-status.js";

/** A task's status (the same numbers as @lit/task's): `TaskStatus.PENDING` and so on. */
export * as TaskStatus from "./task-status.js";
export type TaskStatus = (typeof Status)[keyof typeof Status];

/** Returned by a task function: "nothing to do", the status goes back to INITIAL. */
export const initialState: unique symbol = Symbol();

/** How a task is made. */
export interface TaskConfig<T extends readonly unknown[], R> {
  task(args: T, options: { signal: AbortSignal }): R | typeof initialState | Promise<R | typeof initialState>;
  /** The arguments, read on every host update (without them the task runs only through `run`). */
  args?: () => T;
  onComplete?(value: R): unknown;
  onError?(error: unknown): unknown;
}

/** One task of a host. */
export class Task<T extends readonly unknown[], R> implements ReactiveController {
  status: (typeof Status)[keyof typeof Status] = Status.INITIAL;
  value: R | undefined;
  error: unknown;
  readonly #host: ReactiveControllerHost;
  readonly #config: TaskConfig<T, R>;
  #last: T | undefined;
  /** The latest run's: a new run aborts it, and only its run's outcome counts. */
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, config: TaskConfig<T, R>) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.#config.args?.();
    const last = this.#last;
    // Same-length tuples (the type says so): only the values are compared.
    if (!args || last?.every((a, i) => Object.is(a, args[i]))) return;
    void this.run(args);
  }

  /** Runs the task with `args` (by default the current ones). */
  async run(args: T | undefined = this.#config.args?.()): Promise<void> {
    this.#last = args;
    // A finished run's fetch is over: aborting its signal then changes nothing.
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    let result: R | typeof initialState | undefined;
    let error: unknown;
    let failed = false;
    try {
      const pending = this.#config.task(args as T, { signal: abort.signal });
      // A task with nothing to do that says so at once (not in a promise) is never pending: INITIAL in this
      // update, with no update of its own afterwards (@lit/task awaits it: one more render before the profile).
      if (pending === initialState) result = pending;
      else {
        this.status = Status.PENDING;
        this.#host.requestUpdate();
        result = await pending;
      }
    } catch (e) {
      failed = true;
      error = e;
    }
    if (abort !== this.#abort) return;
    if (result === initialState) this.status = Status.INITIAL;
    else {
      try {
        if (failed) this.#config.onError?.(error);
        else this.#config.onComplete?.(result as R);
      } catch {
        // A callback's failure is not the task's (as in @lit/task).
      }
      this.status = failed ? Status.ERROR : Status.COMPLETE;
      this.value = result as R | undefined;
      this.error = error;
    }
    this.#host.requestUpdate();
  }
}
