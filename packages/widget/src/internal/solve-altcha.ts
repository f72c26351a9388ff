/**
 * The altcha (v2) solver, in the later chunk with the proofs (proofs.ts) that use it. It follows
 * altcha-lib's solveChallenge with its PBKDF2 key derivation step for step (the counter as a big-endian
 * uint32 after the nonce is the password; the derived key must start with `keyPrefix`), and
 * the tests check its proofs with altcha-lib's own verifySolution (the fake edge) and the real edge API.
 * It is written out here, not imported, because altcha-lib's solver with its helpers is 1.6 KB gzip,
 * more than the build's size budgets leave.
 * Web Crypto does the hashing off the page's JavaScript, and the loop yields often, so typing never stutters.
 */
import { toHex } from "./idempotency.js";

/** An altcha challenge as GET …/challenge answers it (the fields the solver reads). */
export interface AltchaChallenge {
  parameters: {
    algorithm: string;
    nonce: string;
    salt: string;
    cost: number;
    keyLength: number;
    keyPrefix: string;
  };
  signature: string;
}

// The edge API's nonce and salt are never empty.
const bytes = (hex: string) => Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));

/**
 * The proof for `challenge`, or undefined when no counter up to the edge API's largest (1,000,000)
 * solves it (not a challenge it made: the booking then says the check failed).
 */
export async function solveAltcha(
  challenge: AltchaChallenge,
): Promise<{ challenge: AltchaChallenge; solution: { counter: number; derivedKey: string } } | undefined> {
  const { algorithm, nonce, salt, cost, keyLength, keyPrefix } = challenge.parameters;
  // The edge API issues PBKDF2 challenges only ("PBKDF2/SHA-256").
  const derivation = { name: "PBKDF2", salt: bytes(salt), iterations: cost, hash: algorithm.slice(7) };
  // The password: the nonce, then the counter as a big-endian uint32.
  const password = new Uint8Array([...bytes(nonce), 0, 0, 0, 0]);
  const view = new DataView(password.buffer);
  const prefix = keyPrefix.toLowerCase();
  for (let counter = 0; counter <= 1e6; counter++) {
    view.setUint32(password.length - 4, counter);
    const base = await crypto.subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
    const derivedKey = toHex(new Uint8Array(await crypto.subtle.deriveBits(derivation, base, keyLength * 8)));
    if (derivedKey.startsWith(prefix)) return { challenge, solution: { counter, derivedKey } };
    // Let the page breathe between batches (Web Crypto's promises resolve as microtasks).
    if (counter % 64 === 63) await new Promise((r) => setTimeout(r, 0));
  }
  return undefined;
}
