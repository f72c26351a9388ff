/**
 * The edge API calls the widget makes: plain fetch, abortable, with a timeout, and every failure
 * turned into one typed error with a stable code. Errors carry no patient details.
 */

import { codeFor, EdgeRequestError } from "./edge-error.js";
import type {
  AppointmentTypesResponse,
  AvailabilityResponse,
  BootstrapResponse,
  ClinicProfileResponse,
  PractitionersResponse,
  ProblemDetails,
} from "./types.js";

export { type EdgeErrorCode, EdgeRequestError } from "./edge-error.js";

/** How long a read may take. */
export const GET_TIMEOUT_MS = 15_000;
/** How long a write may take. */
// The edge API waits at most 15 s for a slot lock before answering 503; leave room for the rest.
export const POST_TIMEOUT_MS = 30_000;

/** The reads, bound to one API origin and clinic slug (the writes, in the later chunk: post.ts). */
export interface EdgeClient {
  profile(signal: AbortSignal): Promise<ClinicProfileResponse>;
  /**
   * The first screen in one request: the profile, and the lists and week of times for the
   * preselections, each remembered (in `primed`) as the answer of the call that would fetch it.
   */
  bootstrap(q: BootstrapQuery, signal: AbortSignal): Promise<BootstrapResponse>;
  /** Without `locationId`: every bookable practitioner, with all their locations; `disciplineId` narrows. */
  practitioners(
    q: { locationId?: string | undefined; disciplineId?: string | undefined },
    signal: AbortSignal,
  ): Promise<PractitionersResponse>;
  appointmentTypes(
    q: { locationId: string; practitionerId?: string | undefined; disciplineId?: string | undefined },
    signal: AbortSignal,
  ): Promise<AppointmentTypesResponse>;
  availability(
    q: {
      locationId: string;
      appointmentTypeId: string;
      from: string;
      to: string;
      practitionerId?: string | undefined;
      disciplineId?: string | undefined;
    },
    signal: AbortSignal,
  ): Promise<AvailabilityResponse>;
}

/** The preselections the bootstrap is asked for. */
export type BootstrapQuery = Record<
  "locationId" | "appointmentTypeId" | "practitionerId" | "disciplineId",
  string | undefined
>;

/**
 * Creates the client. `api` is the edge API origin (a trailing slash is fine). Answers in `primed`
 * (by URL) are used once instead of fetching: the bootstrap fills it.
 */
export function createEdgeClient(
  api: string,
  clinic: string,
  fetchImpl?: typeof fetch,
  primed = new Map<string, unknown>(),
): EdgeClient {
  const base = clinicBase(api, clinic);
  const urlOf = (path: string, query: Record<string, string | undefined>) => {
    const qs = `${new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]))}`;
    return `${base}${path}${qs ? `?${qs}` : ""}`;
  };
  const get = async <T>(
    path: string,
    query: Record<string, string | undefined>,
    signal: AbortSignal,
    has: string,
  ) => {
    const url = urlOf(path, query);
    const known = primed.get(url) as T | undefined;
    primed.delete(url);
    return known ?? call<T>(fetchImpl, url, signal, has);
  };
  return {
    profile: (signal) => get("", {}, signal, "clinic"),
    bootstrap: async (q, signal) => {
      const b = await get<BootstrapResponse>("/bootstrap", q, signal, "clinic");
      // Each part under the URL of the call the widget makes for it next (same parameters, same order).
      const { locationId, practitioners, appointmentTypes, availability: week } = b;
      const { disciplineId } = q;
      primed.set(urlOf("/practitioners", { locationId }), { practitioners });
      if (appointmentTypes)
        primed.set(urlOf("/appointment-types", { locationId, disciplineId }), { appointmentTypes });
      if (week)
        primed.set(
          urlOf("/availability", {
            locationId,
            appointmentTypeId: q.appointmentTypeId,
            from: week.days[0]?.date,
            to: week.days.at(-1)?.date,
            practitionerId: q.practitionerId,
            disciplineId,
          }),
          week,
        );
      return b;
    },
    practitioners: (q, signal) => get("/practitioners", q, signal, "practitioners"),
    appointmentTypes: (q, signal) => get("/appointment-types", q, signal, "appointmentTypes"),
    availability: (q, signal) => get("/availability", q, signal, "days"),
  };
}

/** `{api}/v1/clinics/{clinic}`: the base of every call for one clinic. */
export function clinicBase(api: string, clinic: string): string {
  return `${api.replace(/\/+$/, "")}/v1/clinics/${encodeURIComponent(clinic)}`;
}

/**
 * One call: a GET, or with `init` (post.ts's JSON POST) what it says; abortable, timed out
 * ({@link GET_TIMEOUT_MS}, with a body {@link POST_TIMEOUT_MS}), every failure an {@link EdgeRequestError};
 * `expectedKey` must be in the JSON.
 */
export async function call<T>(
  // Without one, the page's fetch (read at each call, as a stubbed one is).
  fetchImpl: typeof fetch | undefined,
  url: string,
  signal: AbortSignal,
  expectedKey: string,
  // Without one, fetch's default: GET.
  init: RequestInit = {},
): Promise<T> {
  // Aborted by the caller (their signal says so) or else by the timer.
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  const timer = setTimeout(() => controller.abort(), init.body ? POST_TIMEOUT_MS : GET_TIMEOUT_MS);
  // A signal aborts (and fires "abort") at most once; the listener is removed when the call settles.
  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort);
  try {
    let res: Response;
    let json: unknown;
    try {
      // Fetch's defaults, mode "cors" and credentials "same-origin" (no cookies to another origin), are what
      // the page's `<link rel="preload" as="fetch" crossorigin>` of the bootstrap asks for, so the browser hands
      // this request the preloaded answer (with "omit" it would fetch again); writes say "omit" themselves.
      res = await (fetchImpl ?? fetch)(url, { ...init, signal: controller.signal });
      json = await res.json().catch(() => undefined);
    } catch (cause) {
      const code = signal.aborted ? "ERR_ABORTED" : controller.signal.aborted ? "ERR_TIMEOUT" : "ERR_NETWORK";
      throw new EdgeRequestError(code, undefined, undefined, [], { cause });
    }
    if (!res.ok) {
      // A body that is no object has no `type` or `errors` (`null` has no properties at all).
      const problem = (json ?? {}) as Partial<ProblemDetails>;
      const type = typeof problem.type === "string" ? problem.type.split("/").pop() : undefined;
      throw new EdgeRequestError(
        codeFor(res.status, type),
        res.status,
        type,
        Array.isArray(problem.errors) ? problem.errors : [],
      );
    }
    // Object(): `in` on a primitive would throw; on its wrapper it finds none of the expected keys.
    if (!(expectedKey in Object(json))) {
      throw new EdgeRequestError("ERR_BAD_RESPONSE", res.status);
    }
    return json as T;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", onAbort);
  }
}
