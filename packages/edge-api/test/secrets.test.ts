/**
 * The deployment's secrets at start (architecture.md, "Challenge" and "Managing a booking"): with a
 * CLINICS_FILE or CLINICS_JSON configuration, EDGE_SECRET and MANAGE_SECRET are required, and a start
 * without them fails naming the variable; only the built-in sandbox configuration falls back to the
 * development secrets, with a warning.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DEV_EDGE_SECRET } from "../src/app/create-app.ts";
import { EdgeConfigError } from "../src/index.ts";
import { DEV_MANAGE_SECRET } from "../src/manage/token.ts";
import { serveEdgeApi } from "../src/node.ts";

const clinics = JSON.stringify({
  clinics: [
    {
      slug: "harbourside",
      name: "Harbourside Health",
      // Nothing is asked of coreplus at start.
      coreplus: {
        baseUrl: "http://127.0.0.1:9",
        consumerId: "id",
        consumerSecret: { env: "HARBOUR_SECRET" },
        accessToken: "00000000-0000-4000-8000-00000000c0de",
      },
      allowedOrigins: ["https://www.harbourside.example"],
    },
  ],
});
const EDGE_SECRET = "a-test-edge-secret-of-32-characters-or-more";
const MANAGE_SECRET = "a-test-manage-secret";
const HARBOUR_SECRET = "a-coreplus-consumer-secret";

/** Starts the edge API with `env`; answers the start-up log, or the error it refused to start with. */
async function start(env: Record<string, string>) {
  const logs: Record<string, unknown>[] = [];
  try {
    const edge = await serveEdgeApi({ port: 0, env, logger: (e) => logs.push(e) });
    await edge.close();
    return { logs, error: undefined };
  } catch (error) {
    return { logs, error: error as Error };
  }
}

describe("deployment secrets at start", () => {
  test("CLINICS_JSON without EDGE_SECRET and MANAGE_SECRET: refused, naming both, echoing no secret", async () => {
    const { error, logs } = await start({ CLINICS_JSON: clinics, HARBOUR_SECRET });
    expect(error).toBeInstanceOf(EdgeConfigError);
    expect((error as EdgeConfigError).issues.map((i) => i.path)).toEqual(["EDGE_SECRET", "MANAGE_SECRET"]);
    expect(error!.message).toContain("EDGE_SECRET: must be set with a CLINICS_JSON");
    expect(error!.message).toContain("MANAGE_SECRET: must be set with a CLINICS_JSON");
    expect(error!.message).not.toContain(HARBOUR_SECRET);
    expect(logs.some((l) => l.msg === "edge API listening")).toBe(false);
  });

  test("CLINICS_FILE with EDGE_SECRET but no MANAGE_SECRET: refused, naming MANAGE_SECRET only", async () => {
    const dir = await mkdtemp(join(tmpdir(), "edge-secrets-"));
    try {
      const file = join(dir, "clinics.json");
      await writeFile(file, clinics);
      const { error } = await start({ CLINICS_FILE: file, HARBOUR_SECRET, EDGE_SECRET });
      expect((error as EdgeConfigError).issues.map((i) => i.path)).toEqual(["MANAGE_SECRET"]);
      expect(error!.message).toContain("MANAGE_SECRET: must be set with a CLINICS_FILE");
      expect(error!.message).not.toContain(EDGE_SECRET);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("with both set: starts, and says nothing of development secrets", async () => {
    const { error, logs } = await start({
      CLINICS_JSON: clinics,
      HARBOUR_SECRET,
      EDGE_SECRET,
      MANAGE_SECRET,
    });
    expect(error).toBeUndefined();
    expect(logs.some((l) => l.msg === "edge API listening")).toBe(true);
    expect(logs.filter((l) => l.level === "warn")).toEqual([]);
  });

  test("the built-in sandbox configuration keeps the development fallback, with both warnings", async () => {
    const { error, logs } = await start({ COREPLUS_BASE_URL: "http://127.0.0.1:9" });
    expect(error).toBeUndefined();
    const warnings = logs.filter((l) => l.level === "warn").map((l) => String(l.msg));
    expect(warnings.some((m) => m.startsWith("EDGE_SECRET is not set"))).toBe(true);
    expect(warnings.some((m) => m.startsWith("MANAGE_SECRET is not set"))).toBe(true);
    // They name the fallback, never print a secret's value (not even the development default's).
    expect(JSON.stringify(logs)).not.toContain(DEV_MANAGE_SECRET);
    expect(JSON.stringify(logs)).not.toContain(DEV_EDGE_SECRET);
  });
});
