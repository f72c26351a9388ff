/**
 * What the edge API benches start from: a sandbox on a pinned business time and the development
 * sandbox clinic's configuration with visitor limits off (the load comes from one address).
 */
import { defaultSandboxConfig } from "@coreplus-kit/edge-api";
import { serveSandbox } from "@coreplus-kit/sandbox/node";

/** A sandbox whose business time is `at` (default BENCH_NOW, else 2026-11-30 08:00 Melbourne). */
export async function benchSandbox(at = process.env.BENCH_NOW ?? "2026-11-30T08:00:00+11:00") {
  const pinned = new Date(at);
  const now = () => new Date(pinned);
  const sandbox = await serveSandbox({ port: 0, now, log: () => {} });
  const base = defaultSandboxConfig({ baseUrl: sandbox.url });
  const config = {
    ...base,
    clinics: base.clinics.map((c) => ({ ...c, limits: { reads: null, bookings: null } })),
  };
  return { sandbox, config, now };
}
