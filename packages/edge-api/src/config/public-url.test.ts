import { describe, expect, test } from "vitest";
import { deploymentSecrets, EdgeConfigError, parseEdgeConfig } from "./parse-config.js";

const clinic = {
  slug: "harbourside",
  name: "Harbourside Health",
  coreplus: {
    baseUrl: "https://sandbox.coreplus.com.au",
    consumerId: "c",
    consumerSecret: "s",
    accessToken: "t",
  },
};

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(EdgeConfigError);
    return (err as EdgeConfigError).issues;
  }
  throw new Error("expected an EdgeConfigError");
}

const MESSAGE =
  'must be an http(s) URL with no trailing slash, query or fragment, such as "https://book.example.com"';

describe("publicUrl (the OpenAPI document's servers)", () => {
  test("unset by default; taken from the file, and EDGE_API_PUBLIC_URL wins over it", () => {
    expect(parseEdgeConfig({ clinics: [clinic] }).publicUrl).toBeUndefined();
    const file = { clinics: [clinic], publicUrl: "https://book.harbourside.example" };
    expect(parseEdgeConfig(file).publicUrl).toBe("https://book.harbourside.example");
    const env = { EDGE_API_PUBLIC_URL: "https://api.harbourside.example/booking" };
    expect(parseEdgeConfig(file, env).publicUrl).toBe("https://api.harbourside.example/booking");
    // The default sandbox configuration reads it through deploymentSecrets.
    expect(deploymentSecrets(env)).toEqual({ publicUrl: "https://api.harbourside.example/booking" });
  });

  test.each([
    "https://book.example.com/",
    "https://book.example.com?x=1",
    "https://book.example.com#docs",
    "ftp://book.example.com",
    "https://user:pw@book.example.com",
    "book.example.com",
  ])("%s is refused, naming the field", (url) => {
    expect(issuesOf(() => parseEdgeConfig({ clinics: [clinic], publicUrl: url }))).toEqual([
      { path: "publicUrl", message: MESSAGE },
    ]);
    expect(issuesOf(() => deploymentSecrets({ EDGE_API_PUBLIC_URL: url }))).toEqual([
      { path: "EDGE_API_PUBLIC_URL", message: MESSAGE },
    ]);
  });
});
