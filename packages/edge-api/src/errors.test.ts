import { describe, expect, test } from "vitest";
import { EdgeConfigError } from "./config/index.js";
import { EdgeError, type EdgeErrorCode } from "./errors.js";
import { ProblemError } from "./http/index.js";
import { LockTimeoutError } from "./state/index.js";
import { LockLostError, RedisUnavailableError } from "./state/redis/index.node.js";
import { BudgetWaitAbortedError } from "./upstream/index.js";

describe("EdgeError", () => {
  const cause = new Error("underlying");
  const cases: [EdgeError, EdgeErrorCode, string][] = [
    [new ProblemError("spam", "refused", { cause }), "ERR_EDGE_PROBLEM", "ProblemError"],
    [
      new EdgeConfigError([{ path: "clinics[0].slug", message: "is required" }], { cause }),
      "ERR_EDGE_CONFIG",
      "EdgeConfigError",
    ],
    [new LockTimeoutError("slot:x", 10), "ERR_EDGE_LOCK_TIMEOUT", "LockTimeoutError"],
    [new BudgetWaitAbortedError(cause), "ERR_EDGE_BUDGET_WAIT", "BudgetWaitAbortedError"],
    [
      new RedisUnavailableError("cannot reach Redis", { cause }),
      "ERR_EDGE_REDIS_UNAVAILABLE",
      "RedisUnavailableError",
    ],
    [new LockLostError("slot:x"), "ERR_EDGE_LOCK_LOST", "LockLostError"],
  ];

  test.each(cases)("%s has its code and name and is an EdgeError", (err, code, name) => {
    expect(err).toBeInstanceOf(EdgeError);
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe(code);
    expect(err.name).toBe(name);
  });

  test("narrowing on code gives the class's fields; causes are kept", () => {
    const err: EdgeError = cases[1]![0];
    if (!(err instanceof EdgeConfigError)) throw new Error("expected an EdgeConfigError");
    expect(err.issues[0]?.path).toBe("clinics[0].slug");
    expect(err.cause).toBe(cause);
    const problem = cases[0]![0] as ProblemError;
    expect(problem.status).toBe(422);
    expect(problem.cause).toBe(cause);
  });
});
