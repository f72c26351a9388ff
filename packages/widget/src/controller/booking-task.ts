/**
 * The booking's data (the later chunk's part of booking-data.ts): the Task that books, each attempt with a
 * fresh proof of the clinic's challenge, and those proofs, solved in the background (proofs.ts). The
 * booking controller makes them with its later half, once the later chunk is in.
 */
import type { BookedResponse } from "../api/manage-types.js";
import { book } from "../api/post.js";
import type { BookingRequest } from "../api/types.js";
import { Task } from "../internal/task.js";
import type { BookingLater } from "./booking-later.js";
import type { BookingHost } from "./flow-state.js";
import { createProofs, type Proofs } from "./proofs.js";

/** The booking (run only on `run([body, idempotencyKey])`) and its proofs. */
export interface BookingTasks {
  booking: Task<[BookingRequest, string], BookedResponse>;
  proofs: Proofs;
}

/**
 * Makes them for `host`: the booking's outcome goes to the later half (`half`), a failure to `failed`
 * first (the `coreplus-error` event).
 */
export function bookingTasks(
  host: BookingHost,
  half: Pick<BookingLater, "booked" | "bookingFailed">,
  failed: (error: unknown) => void,
): BookingTasks {
  // The host is the element (booking.component.ts makes its controller with itself).
  const proofs = createProofs(host as BookingHost & HTMLElement);
  const booking = new Task<[BookingRequest, string], BookedResponse>(host, {
    task: async ([body, key], { signal }) =>
      book(host.api, host.clinic, { ...body, proof: await proofs.take() } as BookingRequest, key, signal),
    onComplete: (response) => half.booked(response),
    onError: (e) => {
      failed(e);
      half.bookingFailed(e);
    },
  });
  return { booking, proofs };
}
