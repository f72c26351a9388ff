/**
 * Facts shared by vitest.workers.config.ts (Node) and the tests (workerd): the pinned business
 * time, the clinics configured through CLINICS_JSON, and the name the pool gives the test Worker.
 */
import type { EdgeConfigFile } from "../../src/config/schema.ts";

const PROJECT = "edge-api-workers";

const coreplus = {
  baseUrl: "http://127.0.0.1:4010",
  consumerId: { env: "COREPLUS_CONSUMER_ID" },
  consumerSecret: { env: "COREPLUS_CONSUMER_SECRET" },
  accessToken: { env: "COREPLUS_ACCESS_TOKEN" },
};
/** The development challenge setting (the sandbox clinic's): cheap to solve in the tests. */
const challenge = { kind: "altcha", algorithm: "PBKDF2/SHA-256", cost: 1, maxCounter: 200 } as const;
const generous = {
  reads: { limit: 100_000, windowSeconds: 60 },
  bookings: { limit: 5_000, windowSeconds: 60 },
  misses: { limit: 100_000, windowSeconds: 60 },
  perPatient: { limit: 1_000, windowSeconds: 86_400 },
  clinicBookings: { limit: 5_000, windowSeconds: 3_600 },
};

/** One post the loopback alert receiver took (test/alert-receiver.ts; `GET /received` lists them). */
export interface ReceivedAlert {
  path: string;
  auth: string | undefined;
  body: unknown;
}

export const WORKERS_TEST = {
  project: PROJECT,
  /** vitest-pool-workers names the Worker that runs the tests "vitest-pool-workers-runner-<project>". */
  runnerName: `vitest-pool-workers-runner-${PROJECT}`,
  /** Monday 30 November 2026, 08:00 in Melbourne: the edge-api suite's pinned business time. */
  businessTime: "2026-11-30T08:00:00+11:00",
  /** The first Monday after it, when Docklands is fully rostered. */
  nextMonday: "2026-12-07",
  /**
   * Secrets the clinics below reference by name (the development credentials), and the deployment's
   * own, which a CLINICS_JSON configuration requires (every Worker script shares them).
   */
  credentials: {
    COREPLUS_CONSUMER_ID: "coreplus-kit-dev",
    COREPLUS_CONSUMER_SECRET: "coreplus-kit-dev-secret",
    COREPLUS_ACCESS_TOKEN: "00000000-0000-4000-8000-00000000c0de",
    EDGE_SECRET: "workers-test-edge-secret-0123456789abcdef",
    MANAGE_SECRET: "workers-test-manage-secret-0123",
  },
  /** Three clinics on one coreplus consumer; "tight" has small visitor limits. */
  clinics: {
    clinics: [
      {
        slug: "harbourside",
        name: "Harbourside Health",
        coreplus,
        allowedOrigins: ["loopback"],
        limits: generous,
        challenge,
      },
      {
        slug: "harbourside-north",
        name: "Harbourside North",
        coreplus,
        allowedOrigins: ["loopback"],
        limits: generous,
        challenge,
      },
      {
        slug: "tight",
        name: "Harbourside (tight limits)",
        coreplus,
        limits: { reads: { limit: 3, windowSeconds: 60 }, bookings: { limit: 1, windowSeconds: 60 } },
        challenge,
      },
    ],
  } satisfies EdgeConfigFile,
};
