/**
 * The element's data, all through Task (internal/task.ts, @lit/task's behaviour): each task re-runs
 * when its arguments change and aborts the superseded run's fetch (its AbortSignal reaches fetch), so
 * a quick "Later dates, Later dates" never shows stale times. The booking and the proofs it carries join
 * once the later chunk is in (booking-task.ts): the booking runs only on demand, with the idempotency key it is given.
 */

import type { ReactiveControllerHost } from "lit";
import { type BootstrapQuery, createEdgeClient, type EdgeRequestError } from "../api/edge-client.js";
import type {
  AvailabilityResponse,
  ClinicProfile,
  OfferedAppointmentType,
  PublicPractitioner,
} from "../api/types.js";
import type { CoreplusErrorDetail } from "../events.js";
import { ANY } from "../internal/flow.js";
import { initialState, Task } from "../internal/task.js";
import type { BookingTasks } from "./booking-task.js";

/** The current arguments, read on every host update. */
export interface DataArgs {
  api: string;
  clinic: string;
  locationId: string | undefined;
  /** The discipline chosen: narrows the types and "first available". */
  disciplineId: string | undefined;
  typeId: string | undefined;
  practitionerId: string | undefined;
  from: string | undefined;
  to: string | undefined;
  /** Load the clinic-wide practitioner list (to narrow the location step to preselections). */
  everyone: boolean;
  /** Bumped to reload the same range (after a 409). */
  refresh: number;
  /** The preselections (attributes): the first screen's data comes with the profile, in one request. */
  first: BootstrapQuery;
}

type Maybe = string | undefined;
type AvailabilityArgs = readonly [string, string, Maybe, Maybe, Maybe, Maybe, Maybe, number, Maybe];

/** What the host does with results and failures. */
export interface DataCallbacks {
  profile(clinic: ClinicProfile): void;
  types(list: OfferedAppointmentType[]): void;
  practitioners(list: PublicPractitioner[]): void;
  availability(data: AvailabilityResponse): void;
  failed(error: unknown, operation: CoreplusErrorDetail["operation"]): void;
}

/** The tasks of one element. */
export class BookingData implements BookingTasks {
  readonly profile: Task<readonly [string, string], ClinicProfile>;
  readonly types: Task<readonly [string, string, Maybe, Maybe], OfferedAppointmentType[]>;
  readonly practitioners: Task<readonly [string, string, Maybe, Maybe], PublicPractitioner[]>;
  readonly everyone: Task<readonly [string, string, boolean], PublicPractitioner[]>;
  readonly availability: Task<AvailabilityArgs, AvailabilityResponse>;
  // Assigned by the controller once the later chunk is in; only the later half and views read them, after that.
  declare booking: BookingTasks["booking"];
  declare proofs: BookingTasks["proofs"];

  constructor(host: ReactiveControllerHost, args: () => DataArgs, on: DataCallbacks) {
    // The bootstrap's parts, used once by the tasks below instead of fetching.
    const primed = new Map<string, unknown>();
    const client = () => createEdgeClient(args().api, args().clinic, undefined, primed);
    this.profile = new Task(host, {
      task: async ([api, clinic], { signal }) => {
        if (!api || !clinic) return initialState;
        const c = client();
        // An edge API without the bootstrap (404 not-found) still serves the profile.
        const first = await c.bootstrap(args().first, signal).catch((e: EdgeRequestError) => {
          if (e.problemType !== "not-found") throw e;
          return c.profile(signal);
        });
        return first.clinic;
      },
      args: () => [args().api, args().clinic] as const,
      onComplete: on.profile,
      onError: (e) => on.failed(e, "profile"),
    });
    // The tasks below say "nothing to do" at once (not from an async function), so they are never pending
    // for nothing and the first render is not followed by another before the profile (internal/task.ts).
    this.types = new Task(host, {
      task: ([, , locationId, disciplineId], { signal }) =>
        locationId
          ? client()
              .appointmentTypes({ locationId, disciplineId }, signal)
              .then((r) => r.appointmentTypes)
          : initialState,
      args: () => [args().api, args().clinic, args().locationId, args().disciplineId] as const,
      onComplete: on.types,
      onError: (e) => on.failed(e, "appointment-types"),
    });
    this.practitioners = new Task(host, {
      // The edge API lists only the chosen discipline's practitioners.
      task: ([, , locationId, disciplineId], { signal }) =>
        locationId
          ? client()
              .practitioners({ locationId, disciplineId }, signal)
              .then((r) => r.practitioners)
          : initialState,
      args: () => [args().api, args().clinic, args().locationId, args().disciplineId] as const,
      onComplete: on.practitioners,
      onError: (e) => on.failed(e, "practitioners"),
    });
    // No error callback: without this list the location step lists every location, as before.
    this.everyone = new Task(host, {
      task: ([, , wanted], { signal }) =>
        wanted
          ? client()
              .practitioners({}, signal)
              .then((r) => r.practitioners)
          : initialState,
      args: () => [args().api, args().clinic, args().everyone] as const,
    });
    this.availability = new Task(host, {
      task: ([, , locationId, typeId, who, from, to, , disciplineId], { signal }) => {
        if (!locationId || !typeId || !who || !from || !to) return initialState;
        const q = {
          locationId,
          appointmentTypeId: typeId,
          from,
          to,
          practitionerId: who === ANY ? undefined : who,
          disciplineId,
        };
        // `.then()`: one microtask later, as the lists' `.then`, so a bootstrap's primed week arrives in the same
        // render as them, not one render (a second time step with placeholders) before.
        return client().availability(q, signal).then();
      },
      args: () => {
        const a = args();
        return [
          a.api,
          a.clinic,
          a.locationId,
          a.typeId,
          a.practitionerId,
          a.from,
          a.to,
          a.refresh,
          a.disciplineId,
        ] as const;
      },
      onComplete: on.availability,
      onError: (e) => on.failed(e, "availability"),
    });
  }
}
