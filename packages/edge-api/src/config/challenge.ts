/**
 * The `challenge` part of a clinic's configuration (architecture.md, "Challenge"): a self-hosted
 * altcha proof of work (the default), Cloudflare Turnstile, or — only when a clinic says so — none.
 */
import { z } from "zod";
import { SecretRef } from "./secret-ref.js";

/** Cloudflare's documented siteverify endpoint. */
export const TURNSTILE_SITEVERIFY_URL = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

/**
 * The production altcha setting: PBKDF2/SHA-256 with 250 rounds and a counter drawn up to 1 500
 * (about 190 000 hash rounds on average). Measured in the README ("Challenge"): well under a second
 * in Chromium at 4× CPU throttling, solved while the patient types.
 */
export const ALTCHA_DEFAULT = { algorithm: "PBKDF2/SHA-256", cost: 250, maxCounter: 1500 } as const;
/** The development sandbox clinic's setting: one PBKDF2 round and a counter up to 200 (a few ms). */
export const ALTCHA_DEVELOPMENT = { algorithm: "PBKDF2/SHA-256", cost: 1, maxCounter: 200 } as const;

const Altcha = z.strictObject({
  kind: z.literal("altcha"),
  // The one key derivation the widget's solver speaks (Web Crypto's PBKDF2: native speed on phones).
  algorithm: z.literal("PBKDF2/SHA-256").default(ALTCHA_DEFAULT.algorithm),
  cost: z.number().int().min(1).max(100_000).default(ALTCHA_DEFAULT.cost),
  maxCounter: z.number().int().min(10).max(1_000_000).default(ALTCHA_DEFAULT.maxCounter),
});

const Turnstile = z.strictObject({
  kind: z.literal("turnstile"),
  siteKey: z.string().min(1).max(200),
  secretKey: SecretRef,
  siteverifyUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .default(TURNSTILE_SITEVERIFY_URL),
  /** Hostnames the token may have been issued on; default: the hosts of the clinic's allowed origins. */
  hostnames: z.array(z.string().min(1)).min(1).optional(),
});

const None = z.strictObject({ kind: z.literal("none") });

/** The `challenge` field of a clinic (default `{ "kind": "altcha" }` with the production setting). */
export const ChallengeConfigFile = z
  .discriminatedUnion("kind", [Altcha, Turnstile, None])
  .default({ kind: "altcha", ...ALTCHA_DEFAULT });

/** A clinic's resolved challenge setting. */
export type ChallengeConfig =
  | { kind: "altcha"; algorithm: "PBKDF2/SHA-256"; cost: number; maxCounter: number }
  | { kind: "turnstile"; siteKey: string; secretKey: string; siteverifyUrl: string; hostnames?: string[] }
  | { kind: "none" };
