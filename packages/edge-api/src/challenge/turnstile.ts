/**
 * Cloudflare Turnstile, verified server-side: the token is posted to the configured siteverify URL
 * (Cloudflare's by default; a local stand-in in tests), and accepted only when it answers
 * `success: true` for one of the clinic's hostnames.
 */
import type { ChallengeConfig } from "../config/index.js";

type TurnstileConfig = Extract<ChallengeConfig, { kind: "turnstile" }>;

/** What siteverify answers (the fields used here). */
interface SiteverifyAnswer {
  success?: unknown;
  hostname?: unknown;
  "error-codes"?: unknown;
}

/** The outcome of one verification. */
export type TurnstileOutcome =
  | { ok: true }
  /** Refused by Cloudflare, or issued for another site: `challenge-failed`. */
  | { ok: false; reason: string }
  /** siteverify could not be asked or answered nonsense: try again later. */
  | { ok: false; unavailable: true; reason: string };

/** Options for {@link verifyTurnstile}. */
export interface VerifyTurnstileOptions {
  token: string;
  /** The visitor's address, passed on as `remoteip`. */
  remoteIp?: string;
  /** Hostnames the token may be for; empty: any (development clinics on loopback). */
  hostnames: readonly string[];
  fetch?: typeof fetch;
}

/** Asks siteverify about one token (5 s at most). */
export async function verifyTurnstile(
  cfg: TurnstileConfig,
  opts: VerifyTurnstileOptions,
): Promise<TurnstileOutcome> {
  const form = new URLSearchParams({ secret: cfg.secretKey, response: opts.token });
  if (opts.remoteIp) form.set("remoteip", opts.remoteIp);
  let answer: SiteverifyAnswer;
  try {
    const res = await (opts.fetch ?? fetch)(cfg.siteverifyUrl, {
      method: "POST",
      body: form,
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) return { ok: false, unavailable: true, reason: `siteverify answered ${res.status}` };
    answer = (await res.json()) as SiteverifyAnswer;
  } catch (err) {
    return { ok: false, unavailable: true, reason: `siteverify failed: ${(err as Error).name}` };
  }
  if (answer.success !== true) {
    const codes = Array.isArray(answer["error-codes"]) ? answer["error-codes"].map(String).join(",") : "";
    return { ok: false, reason: `refused${codes ? `: ${codes.slice(0, 200)}` : ""}` };
  }
  if (opts.hostnames.length > 0 && !opts.hostnames.includes(String(answer.hostname)))
    return { ok: false, reason: "issued for another hostname" };
  return { ok: true };
}
