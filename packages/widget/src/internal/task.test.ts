import * as lit from "@lit/task";
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { describe, expect, it } from "vitest";
import * as own from "./task.ts";

/** A host that counts update requests and lets the test drive host updates. */
function fakeHost() {
  const controllers: ReactiveController[] = [];
  const host = {
    updates: 0,
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => void host.updates++,
    updateComplete: Promise.resolve(true),
    /** One host update: every controller's hostUpdate. */
    update: () => {
      for (const c of controllers) c.hostUpdate?.();
    },
  };
  return host satisfies ReactiveControllerHost;
}

/** A promise the test settles. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

// The same assertions against @lit/task 1.0 itself: the widget's Task behaves as the one it replaced.
describe.each([
  ["internal/task.ts", own as unknown as typeof lit],
  ["@lit/task", lit],
])("Task (%s)", (_, { initialState, Task, TaskStatus }) => {
  it("runs on a host update, is pending then complete, calls onComplete and asks for updates", async () => {
    const host = fakeHost();
    const done: number[] = [];
    let id = 1;
    const task = new Task(host, {
      task: async ([n]) => n * 10,
      args: () => [id] as const,
      onComplete: (v) => done.push(v),
    });
    expect(task.status).toBe(TaskStatus.INITIAL);
    host.update();
    expect(task.status).toBe(TaskStatus.PENDING);
    expect(host.updates).toBe(1);
    await settle();
    expect(task.status).toBe(TaskStatus.COMPLETE);
    expect(task.value).toBe(10);
    expect(done).toEqual([10]);
    expect(host.updates).toBe(2);
    // The same arguments: no run; one changed: a run.
    host.update();
    await settle();
    expect(done).toEqual([10]);
    id = 2;
    host.update();
    await settle();
    expect(done).toEqual([10, 20]);
    expect(task.value).toBe(20);
  });

  it("compares arguments one by one (Object.is), not the array", async () => {
    const host = fakeHost();
    let runs = 0;
    const same = { a: 1 };
    let arg: object = same;
    new Task(host, {
      task: async () => ++runs,
      args: () => [arg, "x", Number.NaN] as const,
    });
    host.update();
    host.update();
    await settle();
    expect(runs).toBe(1);
    arg = { a: 1 }; // equal content, another object
    host.update();
    await settle();
    expect(runs).toBe(2);
  });

  it("aborts a superseded run's signal and ignores its outcome", async () => {
    const host = fakeHost();
    const first = deferred<string>();
    const signals: AbortSignal[] = [];
    const done: string[] = [];
    let q = "a";
    const task = new Task(host, {
      task: ([s], { signal }) => {
        signals.push(signal);
        return s === "a" ? first.promise : Promise.resolve(s);
      },
      args: () => [q] as const,
      onComplete: (v) => done.push(v),
    });
    host.update();
    q = "b";
    host.update();
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
    await settle();
    first.resolve("late a");
    await settle();
    expect(done).toEqual(["b"]);
    expect(task.value).toBe("b");
    expect(task.status).toBe(TaskStatus.COMPLETE);
  });

  it("goes back to INITIAL on initialState, keeping the last value", async () => {
    const host = fakeHost();
    let on = true;
    const done: string[] = [];
    const task = new Task(host, {
      task: async ([want]) => (want ? "v" : initialState),
      args: () => [on] as const,
      onComplete: (v) => done.push(v),
    });
    host.update();
    await settle();
    expect(task.value).toBe("v");
    on = false;
    host.update();
    await settle();
    expect(task.status).toBe(TaskStatus.INITIAL);
    expect(task.value).toBe("v");
    expect(done).toEqual(["v"]);
  });

  it("fails to ERROR with the error (the value cleared), calls onError; a throwing callback changes nothing", async () => {
    const host = fakeHost();
    const seen: unknown[] = [];
    let fail = false;
    const task = new Task(host, {
      task: async ([f]) => {
        if (f) throw new Error("boom");
        return "ok";
      },
      args: () => [fail] as const,
      onComplete: () => {
        throw new Error("callback");
      },
      onError: (e) => seen.push(e),
    });
    host.update();
    await settle();
    expect(task.status).toBe(TaskStatus.COMPLETE);
    expect(task.value).toBe("ok");
    fail = true;
    host.update();
    await settle();
    expect(task.status).toBe(TaskStatus.ERROR);
    expect((task.error as Error).message).toBe("boom");
    expect(task.value).toBeUndefined();
    expect(seen).toHaveLength(1);
    // "Try again": run() with the current arguments.
    fail = false;
    await task.run();
    expect(task.status).toBe(TaskStatus.COMPLETE);
    expect(task.error).toBeUndefined();
  });

  it("with autoRun false runs only on run(args)", async () => {
    const host = fakeHost();
    const calls: (readonly [string, number])[] = [];
    const task = new Task<[string, number], string>(host, {
      autoRun: false,
      task: async (args) => {
        calls.push(args);
        return args.join(":");
      },
    });
    host.update();
    await settle();
    expect(calls).toEqual([]);
    await task.run(["k", 1]);
    expect(calls).toEqual([["k", 1]]);
    expect(task.value).toBe("k:1");
  });
});

// Where the widget's Task differs from @lit/task on purpose: one render less on the way to the first screen.
describe("Task (internal/task.ts) with nothing to do", () => {
  it("returning initialState at once (not in a promise): never pending, no update of its own", async () => {
    const host = fakeHost();
    let want = false;
    const task = new own.Task(host, {
      task: ([w]) => (w ? Promise.resolve("v") : own.initialState),
      args: () => [want] as const,
    });
    host.update();
    expect(task.status).toBe(own.TaskStatus.INITIAL);
    await settle();
    // Asked only from within the host's update (which renders anyway), never afterwards.
    expect(host.updates).toBe(1);
    want = true;
    host.update();
    expect(task.status).toBe(own.TaskStatus.PENDING);
    await settle();
    expect(task.status).toBe(own.TaskStatus.COMPLETE);
    expect(host.updates).toBe(3);
    // Back to nothing to do: INITIAL at once, the last value kept, one update (for the status change).
    want = false;
    host.update();
    expect(task.status).toBe(own.TaskStatus.INITIAL);
    expect(task.value).toBe("v");
    await settle();
    expect(host.updates).toBe(4);
  });
});
