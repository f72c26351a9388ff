/**
 * The edge API's writes: a JSON POST through edge-client.ts's `call`, and the booking. In the later chunk
 * (only the review books, and the manage views change bookings), so the first screen carries only reads.
 */
import { call, clinicBase } from "./edge-client.js";
import type { BookingRequest, BookingResponse } from "./types.js";

/**
 * A JSON POST of `body` to `url` (with `idempotencyKey` when given), without cookies, whose answer
 * carries a `booking` (every write's does); see `call`.
 */
export function postJson<T>(
  fetchImpl: typeof fetch | undefined,
  url: string,
  signal: AbortSignal,
  body: object,
  idempotencyKey?: string,
): Promise<T> {
  return call<T>(fetchImpl, url, signal, "booking", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(idempotencyKey && { "Idempotency-Key": idempotencyKey }),
    },
    body: JSON.stringify(body),
    credentials: "omit",
  });
}

/** Books `body` at the clinic, with the attempt's idempotency key. */
export function book(
  api: string,
  clinic: string,
  body: BookingRequest,
  idempotencyKey: string,
  signal: AbortSignal,
  fetchImpl?: typeof fetch,
): Promise<BookingResponse> {
  return postJson(fetchImpl, `${clinicBase(api, clinic)}/bookings`, signal, body, idempotencyKey);
}
