/**
 * The document a running edge API serves at /openapi.json passes `redocly lint` (recommended) and
 * `spectral lint` (`spectral:oas`) with no error and no warning (one Redocly finding accepted in
 * .redocly.lint-ignore.yaml, counted here so that nothing else hides behind it); a broken copy of it
 * fails both, so the check can fail.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { defaultSandboxConfig } from "../src/index.ts";
import { type EdgeApiServer, serveEdgeApi } from "../src/node.ts";
import { lintOpenApi } from "./openapi-linters.ts";

type Doc = Record<string, unknown> & {
  servers?: { url: string }[];
  paths: Record<string, Record<string, { responses: Record<string, { headers?: unknown }> }>>;
};

let server: EdgeApiServer;
let doc: Doc;

beforeAll(async () => {
  // No upstream is needed for the document.
  server = await serveEdgeApi({
    port: 0,
    config: defaultSandboxConfig({ baseUrl: "http://127.0.0.1:9" }),
    logger: () => {},
  });
  doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as Doc;
});
afterAll(() => server?.close());

describe("/openapi.json under Redocly and Spectral", () => {
  test("zero errors and zero warnings from both linters", { timeout: 120_000 }, async () => {
    // The default servers entry: the origin the document was fetched from.
    expect(doc.servers).toEqual([{ url: server.url, description: "This deployment" }]);
    const report = await lintOpenApi(doc);
    expect(report.findings).toEqual([]);
    expect(report.ignored).toBe(1);
  });

  test("a document without servers, security or tags fails both", { timeout: 120_000 }, async () => {
    const { servers: _s, security: _sec, tags: _t, ...broken } = doc;
    const report = await lintOpenApi(broken);
    const rules = (tool: string) =>
      new Set(report.findings.filter((f) => f.tool === tool).map((f) => `${f.severity} ${f.rule}`));
    expect(rules("redocly")).toEqual(new Set(["error no-empty-servers", "error security-defined"]));
    expect(rules("spectral")).toEqual(new Set(["warning oas3-api-servers", "warning operation-tag-defined"]));
  });
});
