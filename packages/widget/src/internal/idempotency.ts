/**
 * Idempotency keys as architecture.md prescribes (modelled on Stripe): one key per booking attempt,
 * that is per (slot + patient details), reused by every retry of that attempt, and a new one only
 * when the body changes. A double click, a retry or a lost response therefore never books twice,
 * and the edge API never sees one key with two bodies (`idempotency-key-reused`).
 */

/**
 * Fills a byte array with random values and returns it, as crypto.getRandomValues does (which works
 * outside secure contexts too).
 */
export type RandomFill = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;

/**
 * Canonical JSON: object keys sorted, so equal bodies give equal strings whatever their key order.
 * JSON.stringify writes each object's keys in the order of a key list it is given: the list is every
 * key of `value`, at any depth (collected by a first pass), sorted.
 */
export function canonicalJson(value: unknown): string {
  const keys = new Set<string>();
  JSON.stringify(value, (key, v: unknown) => {
    keys.add(key);
    return v;
  });
  return JSON.stringify(value, [...keys].sort());
}

/** Bytes as lowercase hex, two digits each. */
export const toHex = (b: Uint8Array): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

/** A fresh key: "cpk_" and 32 hex digits (well inside the edge API's 8 to 128 characters). */
export function newIdempotencyKey(fill: RandomFill = (b) => crypto.getRandomValues(b)): string {
  return `cpk_${toHex(fill(new Uint8Array(16)))}`;
}

/** Remembers the key of the current attempt; see {@link IdempotencyKeys.keyFor}. */
export interface IdempotencyKeys {
  /** The key for this body: the previous one when the body is unchanged, else a new one. */
  keyFor(body: unknown): string;
  /** Forgets the attempt (after a booking succeeded, so "book another" starts afresh). */
  reset(): void;
}

/** Creates the per-element key memory. The body's canonical form stays in memory only. */
export function createIdempotencyKeys(): IdempotencyKeys {
  let body: string | undefined;
  let key = "";
  return {
    keyFor(next) {
      const canonical = canonicalJson(next);
      if (canonical !== body) {
        body = canonical;
        key = newIdempotencyKey();
      }
      return key;
    },
    reset() {
      body = undefined;
    },
  };
}
