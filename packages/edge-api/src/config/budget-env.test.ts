import { describe, expect, test } from "vitest";
import { budgetFromEnv } from "./budget-env.js";
import { EdgeConfigError } from "./parse-config.js";

describe("budgetFromEnv", () => {
  test("unset: the states' defaults (9 a second, 1 kept for the priority lane)", () => {
    expect(budgetFromEnv({})).toEqual({});
    expect(budgetFromEnv({ COREPLUS_REQUESTS_PER_SECOND: "", COREPLUS_PRIORITY_RESERVE: "" })).toEqual({});
  });

  test("reads both; a reserve of 0 switches it off", () => {
    expect(budgetFromEnv({ COREPLUS_REQUESTS_PER_SECOND: "6", COREPLUS_PRIORITY_RESERVE: "2" })).toEqual({
      requestsPerSecond: 6,
      reservedForPriority: 2,
    });
    expect(budgetFromEnv({ COREPLUS_PRIORITY_RESERVE: "0" })).toEqual({ reservedForPriority: 0 });
  });

  test("names the variable when a value is out of range or not a whole number", () => {
    for (const [env, path, message] of [
      [
        { COREPLUS_REQUESTS_PER_SECOND: "50" },
        "COREPLUS_REQUESTS_PER_SECOND",
        "must be a whole number from 1 to 10",
      ],
      [
        { COREPLUS_PRIORITY_RESERVE: "1.5" },
        "COREPLUS_PRIORITY_RESERVE",
        "must be a whole number from 0 to 8",
      ],
      // The reserve must leave reads at least one slot of the rate.
      [
        { COREPLUS_REQUESTS_PER_SECOND: "4", COREPLUS_PRIORITY_RESERVE: "4" },
        "COREPLUS_PRIORITY_RESERVE",
        "must be a whole number from 0 to 3",
      ],
    ] as const) {
      let caught: unknown;
      try {
        budgetFromEnv(env);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(EdgeConfigError);
      expect((caught as EdgeConfigError).issues).toEqual([{ path, message }]);
    }
  });
});
