/**
 * The configuration tests' fixture (src/config/*.test.ts): one clinic entry of a configuration file,
 * and the issues of the EdgeConfigError a parse throws.
 */
import { expect } from "vitest";
import { EdgeConfigError } from "../src/config/parse-config.ts";

/** A valid clinic entry with literal coreplus credentials; `over` replaces top-level fields. */
export const clinicEntry = (over: Record<string, unknown> = {}) => ({
  slug: "harbourside",
  name: "Harbourside Health",
  coreplus: {
    baseUrl: "https://sandbox.coreplus.com.au",
    consumerId: "c",
    consumerSecret: "s",
    accessToken: "t",
  },
  ...over,
});

/** The issues of the EdgeConfigError that `parse` throws; fails the test when it throws nothing else. */
export function configIssues(parse: () => unknown) {
  try {
    parse();
  } catch (err) {
    expect(err).toBeInstanceOf(EdgeConfigError);
    return (err as EdgeConfigError).issues;
  }
  throw new Error("expected an EdgeConfigError");
}
