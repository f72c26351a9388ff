/**
 * Proofs of solved challenges for bookings, lookups and changes (architecture.md, "Challenge"): an
 * altcha challenge solved, or a Turnstile token from Cloudflare's widget. A challenge is fetched and
 * solved in the background as soon as the patient reaches the details step, so the proof is ready by
 * the time they confirm. Every request spends a fresh proof, and the next one is prepared at once: a
 * retry of an attempt the edge API has a record for is answered from it whatever proof it carries, and
 * one it has no record for (its proof was refused) needs a new proof anyway.
 */
import { call, clinicBase } from "../api/edge-client.js";
import type { ChallengeResponse } from "../api/types.js";
import { solveAltcha } from "../internal/solve-altcha.js";
import { turnstileProof } from "../internal/turnstile.js";

/** A proof is refreshed when older than this (a Turnstile token lasts 5 minutes, an altcha challenge 10). */
const FRESH_MS = 4 * 60_000;

/** What a booking carries as `proof` (undefined when the clinic asks for none). */
export type ProofValue = unknown;

/** The proof source of one element. */
export interface Proofs {
  /** Starts fetching and solving a challenge, unless one is ready or under way. Never rejects. */
  prepare(): unknown;
  /**
   * A fresh proof (undefined when the clinic asks for none, or it could not be solved in time: the edge
   * API then answers challenge-required, ERR_CHALLENGE). Rejects as the challenge's fetch failed.
   */
  take(): Promise<ProofValue>;
}

/**
 * Creates the proof source of `host`, the element (its api and clinic are read each time: they may
 * change), which Cloudflare's Turnstile widget renders beside (a light-DOM child it slots in).
 */
export function createProofs(host: HTMLElement & { readonly api: string; readonly clinic: string }): Proofs {
  /** The proof under way or ready, and when it was started. */
  let pending: Promise<ProofValue> | undefined;
  let at = 0;
  const start = (): Promise<ProofValue> => {
    at = Date.now();
    // A fresh challenge (never cached), by the reads' call: a GET whose answer says its `kind`.
    pending = call<ChallengeResponse>(
      undefined,
      `${clinicBase(host.api, host.clinic)}/challenge`,
      new AbortController().signal,
      "kind",
    ).then<ProofValue>((a) =>
      a.kind === "none"
        ? undefined
        : a.kind === "altcha"
          ? solveAltcha(a.challenge)
          : turnstileProof(a.siteKey, host),
    );
    // A failed preparation is reported when the proof is needed, not as an unhandled rejection.
    pending.catch(() => undefined);
    return pending;
  };
  const fresh = () => (!pending || Date.now() - at > FRESH_MS ? start() : pending);
  return {
    prepare: fresh,
    take() {
      const taken = fresh();
      // The next request's proof starts now, in the background.
      start();
      return taken;
    },
  };
}
