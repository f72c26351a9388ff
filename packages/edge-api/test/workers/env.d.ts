/** The test Worker's bindings: wrangler.toml's plus those vitest.workers.config.ts adds. */
import type { WorkerEnv } from "../../src/workers/env.ts";

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      SANDBOX: Fetcher;
      REPLICA_1: Fetcher;
      REPLICA_2: Fetcher;
      REPLICA_3: Fetcher;
      /** The loopback stand-in for the Slack bot's alert hook (test/alert-receiver.ts). */
      ALERT_RECEIVER_URL: string;
    }
    interface GlobalProps {
      mainModule: typeof import("../../src/workers/index.ts");
    }
  }
}
