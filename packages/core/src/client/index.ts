/** The typed coreplus client: one request pipeline, thin resources, paging as AsyncIterables. */
import { createRequester } from "./request.js";
import { createResources } from "./resources.js";
import type { CoreplusClient, CoreplusClientOptions, CoreplusRequest } from "./types.js";

export type {
  AppointmentQuery,
  AppointmentTypeQuery,
  AvailabilityQuery,
  CallOptions,
  ClientQuery,
  CoreplusClient,
  CoreplusClientOptions,
  CoreplusRequest,
  Page,
  PagedIterable,
  PageQuery,
  PractitionerQuery,
  QueryValue,
} from "./types.js";

/**
 * Creates a coreplus client. Every call is signed afresh, throttled to 9 starts a second, timed out
 * per attempt, retried when that is safe, validated, and mapped to a typed CoreplusError.
 *
 * @example
 * const coreplus = createCoreplusClient({ baseUrl, consumerId, consumerSecret, accessToken });
 * for await (const client of coreplus.clients.iterate({ name: "smith" })) console.log(client.clientId);
 */
export function createCoreplusClient(opts: CoreplusClientOptions): CoreplusClient {
  const http = createRequester(opts);
  return {
    baseUrl: http.baseUrl,
    request: <T = unknown>(req: CoreplusRequest) => http.send(req) as Promise<T>,
    ...createResources(http),
  };
}
