/**
 * Proofs of solved challenges for bookings (architecture.md, "Challenge"). A challenge is fetched and
 * solved in the background as soon as the patient reaches the details step, so the proof is ready by
 * the time they confirm. Every request spends a fresh proof, and the next one is prepared at once: a
 * retry of an attempt the edge API has a record for is answered from it whatever proof it carries, and
 * one it has no record for (its proof was refused) needs a new proof anyway.
 */
import type { EdgeClient } from "../api/edge-client.js";
import { solveAltcha } from "../internal/solve-altcha.js";

/** A challenge is refreshed when older than this (it expires after 10 minutes). */
const FRESH_MS = 8 * 60_000;

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

interface Pending {
  at: number;
  proof: Promise<ProofValue>;
}

/** Creates the proof source; `client()` is read each time (the element's api or clinic may change). */
export function createProofs(client: () => EdgeClient, now: () => number = Date.now): Proofs {
  let pending: Pending | undefined;
  const start = (): Pending => {
    // Turnstile needs Cloudflare's widget on the page, which this build does not render yet: no proof
    // then, and the edge API's challenge-required reaches the patient as ERR_CHALLENGE.
    const proof = client()
      .challenge(new AbortController().signal)
      .then(async (a) => (a.kind === "altcha" ? solveAltcha(a.challenge) : undefined));
    // A failed preparation is reported when the proof is needed, not as an unhandled rejection.
    proof.catch(() => undefined);
    return { at: now(), proof };
  };
  const fresh = () => {
    if (!pending || now() - pending.at > FRESH_MS) pending = start();
    return pending;
  };
  return {
    prepare: fresh,
    take() {
      const taken = fresh();
      // The next request's proof starts now, in the background.
      pending = start();
      return taken.proof;
    },
  };
}
