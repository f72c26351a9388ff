/**
 * What start-up checks in a configuration, shared by the Node and Workers entries: the deployment's
 * secrets are required unless it is the built-in sandbox development mode (which falls back to the
 * public development secrets, with a warning); each clinic that takes bookings with no challenge at all
 * is warned about.
 */
import { EdgeConfigError, type EdgeConfigIssue } from "./parse-config.js";
import type { EdgeConfig } from "./schema.js";

/**
 * Throws {@link EdgeConfigError} naming EDGE_SECRET and/or MANAGE_SECRET when a configuration other
 * than the built-in sandbox one (a CLINICS_FILE or CLINICS_JSON, or one made in code) has no value
 * for them: such a deployment must never sign challenges, body hashes or manage tokens with the
 * published development secrets.
 */
export function requireDeploymentSecrets(config: EdgeConfig, manageSecret: string | undefined): void {
  if (config.source === "default-sandbox") return;
  const from =
    config.source === "file" ? "CLINICS_FILE" : config.source === "inline" ? "CLINICS_JSON" : "configuration";
  const issues: EdgeConfigIssue[] = [];
  if (config.secret === undefined)
    issues.push({
      path: "EDGE_SECRET",
      message: `must be set with a ${from} (a random secret of at least 32 characters; a Workers secret on Workers): it signs challenges and keys the idempotency hashes`,
    });
  if (!manageSecret)
    issues.push({
      path: "MANAGE_SECRET",
      message: `must be set with a ${from} (a random secret of at least 16 characters; a Workers secret on Workers): it signs patients' manage tokens`,
    });
  if (issues.length > 0) throw new EdgeConfigError(issues);
}

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
