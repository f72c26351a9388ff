/**
 * Idempotency keys (modelled on Stripe's): the key's format, the canonical body hash that pins a key
 * to one request, and the record's lifetime.
 */
import { ProblemError } from "../http/index.js";
import { hmacHex } from "../internal/crypto.js";

/** Records live this long (architecture.md: 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

const KEY = /^[\x21-\x7e]{8,128}$/;

/** The Idempotency-Key header, or the `idempotency-key-missing` problem. */
export function requireIdempotencyKey(header: string | undefined | null): string {
  if (header === undefined || header === null || header.trim() === "")
    throw new ProblemError(
      "idempotency-key-missing",
      "Send an Idempotency-Key header (8 to 128 characters) and reuse it for every retry of this booking.",
    );
  const key = header.trim();
  if (!KEY.test(key))
    throw new ProblemError(
      "idempotency-key-missing",
      "The Idempotency-Key header must be 8 to 128 printable ASCII characters without spaces.",
    );
  return key;
}

/** JSON with object keys sorted at every level, so that equal bodies hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

/**
 * HMAC-SHA-256 (hex) of the canonical JSON of a parsed body, keyed by a key derived from the
 * deployment secret: a stored hash of a body full of patient details cannot be tested against guesses
 * without the secret. The caller has already bounded the body's depth (http/json-depth.ts).
 */
export async function bodyHash(key: CryptoKey, body: unknown): Promise<string> {
  return hmacHex(key, canonicalJson(body));
}
