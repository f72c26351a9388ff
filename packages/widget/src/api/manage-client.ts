/**
 * The manage calls (architecture.md "Managing a booking"): look a booking up, read it by token,
 * cancel it, move it. Cancel and reschedule carry an Idempotency-Key, like bookings, and every POST a
 * fresh proof of the clinic's challenge from `proofs` (solved in the background, controller/proofs.ts).
 * Loaded only with the manage and find views.
 */
import type { Proofs } from "../controller/proofs.js";
import { call, clinicBase } from "./edge-client.js";
import type { CancelRequest, LookupRequest, ManagedResponse, RescheduleRequest } from "./manage-types.js";
import { postJson } from "./post.js";

/** The manage calls, bound to one API origin and clinic slug. */
export interface ManageClient {
  lookup(body: LookupRequest, signal: AbortSignal): Promise<ManagedResponse>;
  get(token: string, signal: AbortSignal): Promise<ManagedResponse>;
  cancel(token: string, body: CancelRequest, key: string, signal: AbortSignal): Promise<ManagedResponse>;
  reschedule(
    token: string,
    body: RescheduleRequest,
    key: string,
    signal: AbortSignal,
  ): Promise<ManagedResponse>;
}

/**
 * Creates the client. `api` is the edge API origin; `proofs` gives each lookup, cancel and reschedule
 * its `proof` (none without it, or when the clinic asks for none).
 */
export function createManageClient(
  api: string,
  clinic: string,
  proofs?: Pick<Proofs, "take">,
  fetchImpl?: typeof fetch,
): ManageClient {
  const base = `${clinicBase(api, clinic)}/bookings`;
  // An undefined proof is left out of the JSON.
  const post = async (path: string, body: object, signal: AbortSignal, key?: string) =>
    postJson<ManagedResponse>(
      fetchImpl,
      `${base}${path}`,
      signal,
      { ...body, proof: await proofs?.take() },
      key,
    );
  const at = (token: string) => `/${encodeURIComponent(token)}`;
  return {
    lookup: (body, signal) => post("/lookup", body, signal),
    get: (token, signal) => call(fetchImpl, `${base}${at(token)}`, signal, "booking"),
    cancel: (token, body, key, signal) => post(`${at(token)}/cancel`, body, signal, key),
    reschedule: (token, body, key, signal) => post(`${at(token)}/reschedule`, body, signal, key),
  };
}
