/**
 * Validates a clinic configuration and resolves its secret references. Every error names the field,
 * e.g. `clinics[1].coreplus.consumerSecret: environment variable HARBOUR_SECRET is not set`.
 */
import type { z } from "zod";
import { EdgeError } from "../errors.js";
import { defaultPolicyText } from "./changes.js";
import { resolveDisciplines } from "./disciplines-schema.js";
import { resolveLimits } from "./limits.js";
import { publicUrlFromEnv } from "./public-url.js";
import { questionIssues } from "./questions.js";
import { type ClinicConfig, type EdgeConfig, EdgeConfigFile, type SecretRef } from "./schema.js";

/** One problem in a configuration, with the field it concerns. */
export interface EdgeConfigIssue {
  path: string;
  message: string;
}

/** Thrown when a configuration is invalid; `issues` names each bad field. Never carries a secret. */
export class EdgeConfigError extends EdgeError {
  readonly code = "ERR_EDGE_CONFIG";
  readonly issues: EdgeConfigIssue[];
  constructor(issues: EdgeConfigIssue[], options?: { cause?: unknown }) {
    super(
      `invalid edge API configuration:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`,
      options,
    );
    this.issues = issues;
  }
}

/**
 * Parses a configuration object (the content of CLINICS_FILE or CLINICS_JSON) and resolves secret
 * references against `env`. Throws {@link EdgeConfigError} naming every bad field.
 * @example parseEdgeConfig(JSON.parse(text), process.env)
 */
export function parseEdgeConfig(
  input: unknown,
  env: Record<string, string | undefined> = {},
  source: EdgeConfig["source"] = "code",
): EdgeConfig {
  const parsed = EdgeConfigFile.safeParse(input);
  if (!parsed.success) throw new EdgeConfigError(parsed.error.issues.map(toIssue));
  const file = parsed.data;
  const issues: EdgeConfigIssue[] = [];
  const slugs = new Set<string>();
  const clinics: ClinicConfig[] = [];
  file.clinics.forEach((c, i) => {
    const at = `clinics[${i}]`;
    if (slugs.has(c.slug)) issues.push({ path: `${at}.slug`, message: `duplicate slug "${c.slug}"` });
    slugs.add(c.slug);
    const resolve = (ref: z.infer<typeof SecretRef>, path: string): string => {
      if (typeof ref === "string") return ref;
      const value = env[ref.env];
      if (value === undefined || value === "") {
        issues.push({ path, message: `environment variable ${ref.env} is not set` });
        return "";
      }
      return value;
    };
    const secret = (field: "consumerId" | "consumerSecret" | "accessToken"): string =>
      resolve(c.coreplus[field], `${at}.coreplus.${field}`);
    const challenge: ClinicConfig["challenge"] =
      c.challenge.kind === "turnstile"
        ? {
            kind: "turnstile",
            siteKey: c.challenge.siteKey,
            secretKey: resolve(c.challenge.secretKey, `${at}.challenge.secretKey`),
            siteverifyUrl: c.challenge.siteverifyUrl,
            ...(c.challenge.hostnames ? { hostnames: c.challenge.hostnames } : {}),
          }
        : c.challenge;
    const bookable: ClinicConfig["bookable"] = {};
    if (c.bookable.locationIds) bookable.locationIds = c.bookable.locationIds;
    if (c.bookable.practitionerIds) bookable.practitionerIds = c.bookable.practitionerIds;
    if (c.bookable.appointmentTypeIds) bookable.appointmentTypeIds = c.bookable.appointmentTypeIds;
    issues.push(...questionIssues(c.questions, at));
    clinics.push({
      slug: c.slug,
      name: c.name,
      coreplus: {
        baseUrl: c.coreplus.baseUrl,
        version: c.coreplus.version,
        consumerId: secret("consumerId"),
        consumerSecret: secret("consumerSecret"),
        accessToken: secret("accessToken"),
        timeoutMs: c.coreplus.timeoutMs,
      },
      allowedOrigins: c.allowedOrigins.filter((o) => o !== "loopback" && o !== "*"),
      allowLoopbackOrigins: c.allowedOrigins.includes("loopback"),
      allowAnyOrigin: c.allowedOrigins.includes("*"),
      bookable,
      rules: c.rules,
      reminders: c.reminders,
      notifyPractitioner: c.notifyPractitioner,
      limits: resolveLimits(c.limits),
      cache: {
        catalogueTtlMs: c.cache.catalogueSeconds * 1000,
        availabilityTtlMs: c.cache.availabilitySeconds * 1000,
      },
      challenge,
      ...resolveDisciplines(c, at, issues),
      changes: {
        cancel: c.changes.cancel,
        reschedule: c.changes.reschedule,
        noticeHours: c.changes.noticeHours,
        policy: c.changes.policy ?? defaultPolicyText(c.changes.noticeHours),
      },
      questions: c.questions,
      privacyUrl: c.privacyUrl,
    });
  });
  const secrets = deploymentSecrets(env, issues);
  if (issues.length > 0) throw new EdgeConfigError(issues);
  return {
    clinics,
    trustProxy: file.trustProxy,
    bodyLimitBytes: file.bodyLimitBytes,
    source,
    ...(file.publicUrl === undefined ? {} : { publicUrl: file.publicUrl }),
    // EDGE_API_PUBLIC_URL wins over the file's publicUrl.
    ...secrets,
  };
}

/** The shortest deployment secret or health token accepted (256 bits as hex, or more as text). */
const MIN_SECRET_LENGTH = 32;

/**
 * EDGE_SECRET and HEALTH_TOKEN from the environment (Workers: secrets), for every configuration
 * source, and the one plain deployment setting beside them, EDGE_API_PUBLIC_URL. Too short a secret
 * is an issue naming the variable, never echoing the value.
 */
export function deploymentSecrets(
  env: Record<string, string | undefined>,
  collect?: EdgeConfigIssue[],
): Pick<EdgeConfig, "secret" | "healthToken" | "publicUrl"> {
  const issues = collect ?? [];
  const out: Pick<EdgeConfig, "secret" | "healthToken" | "publicUrl"> = {};
  const publicUrl = publicUrlFromEnv(env);
  if ("issue" in publicUrl) issues.push({ path: "EDGE_API_PUBLIC_URL", message: publicUrl.issue });
  else if (publicUrl.publicUrl !== undefined) out.publicUrl = publicUrl.publicUrl;
  for (const [name, field] of [
    ["EDGE_SECRET", "secret"],
    ["HEALTH_TOKEN", "healthToken"],
  ] as const) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    if (value.length < MIN_SECRET_LENGTH)
      issues.push({ path: name, message: `must be at least ${MIN_SECRET_LENGTH} characters` });
    else out[field] = value;
  }
  // Called on its own (the default sandbox configuration): throw here.
  if (!collect && issues.length > 0) throw new EdgeConfigError(issues);
  return out;
}

/** Parses configuration text (JSON), naming the source in the error when it is not JSON. */
export function parseEdgeConfigText(
  text: string,
  env: Record<string, string | undefined>,
  source: EdgeConfig["source"],
): EdgeConfig {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (cause) {
    const what = source === "file" ? "CLINICS_FILE" : "CLINICS_JSON";
    throw new EdgeConfigError([{ path: "(root)", message: `${what} is not valid JSON` }], { cause });
  }
  return parseEdgeConfig(input, env, source);
}

function toIssue(issue: z.core.$ZodIssue): EdgeConfigIssue {
  let path = "";
  for (const key of issue.path) {
    if (typeof key === "number") path += `[${key}]`;
    else path += path === "" ? String(key) : `.${String(key)}`;
  }
  let message = issue.message;
  if (issue.code === "unrecognized_keys") message = `unknown field(s): ${issue.keys.join(", ")}`;
  // zod describes a missing field as an invalid type; say it plainly.
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) message = "is required";
  return { path: path === "" ? "(root)" : path, message };
}
