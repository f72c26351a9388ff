/**
 * What the start-up log must warn about in a configuration: the development deployment secret, and
 * each clinic that takes bookings with no challenge at all. Shared by the Node and Workers entries.
 */
import type { EdgeConfig } from "./schema.js";

/** Warning log entries for `config` (none for a production-ready one). */
export function startupWarnings(config: EdgeConfig): Record<string, unknown>[] {
  const warnings: Record<string, unknown>[] = [];
  if (config.secret === undefined)
    warnings.push({
      level: "warn",
      msg: "EDGE_SECRET is not set: challenges and idempotency hashes use the development secret (development only; set a random secret of at least 32 characters)",
      secret: "development",
    });
  for (const clinic of config.clinics)
    if (clinic.challenge.kind === "none")
      warnings.push({
        level: "warn",
        msg: `clinic '${clinic.slug}' takes bookings with no challenge ("challenge": {"kind": "none"}): nothing slows a bot down`,
        clinic: clinic.slug,
      });
  return warnings;
}
