/**
 * The edge API inside workerd (@cloudflare/vitest-pool-workers): the tests run in the Worker of
 * wrangler.toml (its Durable Objects included), next to auxiliary Workers bundled here with esbuild:
 * the sandbox (the SANDBOX service binding) and three more copies of the edge API Worker whose
 * Durable Object bindings point at the test Worker's namespaces (script_name), as a second
 * deployment sharing the objects would. A stand-in for the Slack bot's alert hook listens on loopback
 * in this (Node) process; the tests reach it at ALERT_RECEIVER_URL (workerd fetches loopback).
 */
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { build } from "esbuild";
import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig, sourceCondition } from "../../vitest.shared.ts";
import { writeDocsAssets } from "./scripts/docs-assets.mjs";
import { DOCS_ASSET_NAMES } from "./src/app/docs.ts";
import { startAlertReceiver } from "./test/alert-receiver.ts";
import { WORKERS_TEST } from "./test/workers/constants.ts";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, ".wrangler", "vitest-bundles");
const compatibilityDate = "2026-04-20";

/** Bundles a Worker entry the way wrangler does, resolving workspace packages to their source. */
async function bundle(entry: string, name: string): Promise<string> {
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [join(here, entry)],
    outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: [sourceCondition, "workerd", "worker", "browser"],
    external: ["cloudflare:*"],
    logLevel: "warning",
  });
  return outfile;
}

export default mergeConfig(
  sharedConfig,
  defineConfig({
    plugins: [
      cloudflareTest(async () => {
        await mkdir(outDir, { recursive: true });
        // wrangler.toml's [assets] directory, as `build` writes it.
        await writeDocsAssets(DOCS_ASSET_NAMES);
        const [sandboxScript, edgeScript, alertReceiver] = await Promise.all([
          bundle("src/workers/sandbox-worker.ts", "sandbox"),
          bundle("src/workers/index.ts", "edge-api"),
          startAlertReceiver({ unref: true }),
        ]);
        const shared = { BUSINESS_TIME: WORKERS_TEST.businessTime, ...WORKERS_TEST.credentials };
        const replica = (name: string, bindings: Record<string, string>) => ({
          name,
          modules: true,
          scriptPath: edgeScript,
          compatibilityDate,
          bindings: { ...shared, ...bindings },
          serviceBindings: { SANDBOX: "coreplus-sandbox" },
          durableObjects: {
            CLINIC_STATE: { className: "ClinicDurableObject", scriptName: WORKERS_TEST.runnerName },
            CONSUMER_BUDGET: { className: "ConsumerDurableObject", scriptName: WORKERS_TEST.runnerName },
          },
        });
        return {
          wrangler: { configPath: "./wrangler.toml" },
          miniflare: {
            cf: false,
            bindings: {
              ...shared,
              CLINICS_JSON: JSON.stringify(WORKERS_TEST.clinics),
              ALERT_RECEIVER_URL: alertReceiver.url,
            },
            serviceBindings: {
              SANDBOX: "coreplus-sandbox",
              REPLICA_1: "edge-api-replica-1",
              REPLICA_2: "edge-api-replica-2",
              REPLICA_3: "edge-api-replica-3",
            },
            workers: [
              {
                name: "coreplus-sandbox",
                modules: true,
                scriptPath: sandboxScript,
                compatibilityDate,
                bindings: { BUSINESS_TIME: WORKERS_TEST.businessTime },
              },
              // Without CLINICS_JSON: the default sandbox clinic, on the same objects.
              replica("edge-api-replica-1", {}),
              replica("edge-api-replica-2", { CLINICS_JSON: JSON.stringify(WORKERS_TEST.clinics) }),
              replica("edge-api-replica-3", { CLINICS_JSON: JSON.stringify(WORKERS_TEST.clinics) }),
            ],
          },
        };
      }),
    ],
    test: {
      name: WORKERS_TEST.project,
      include: ["test/workers/**/*.test.ts"],
      // One sandbox and one coreplus budget are shared by every file: run the files one at a time.
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // The Workers' one-line JSON request logs; failures show the answers themselves.
      onConsoleLog: (log) => !log.startsWith('{"level"'),
    },
  }),
);
