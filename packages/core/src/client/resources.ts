/** The resource methods: thin wrappers that give request() a path, a query and a schema. */
import type { z } from "zod";
import { CoreplusValidationError } from "../errors.js";
import {
  Appointment,
  AppointmentBook,
  AppointmentCancel,
  AppointmentType,
  AppointmentTypeCreate,
  AppointmentTypeCreated,
  AppointmentUpdate,
  AvailabilitySlot,
  ClientCreate,
  ClientCreated,
  ClientDetail,
  ClientFamily,
  ClientFamilyCreate,
  ClientSummary,
  ClientUpdate,
  Location,
  listEnvelope,
  Practitioner,
  wrappedOrBare,
} from "../models/index.js";
import { pagedIterable } from "./paging.js";
import { describeIssues, issuesOf, type Requester } from "./request.js";
import type { CallOptions, CoreplusClient, CoreplusRequest, Page, PageQuery, QueryValue } from "./types.js";
import { segment } from "./url.js";

type Query = Record<string, QueryValue>;

/** Validates (and normalises) a request body locally, so a bad body never reaches coreplus. */
function checkBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error);
  throw new CoreplusValidationError(`Invalid ${what}: ${describeIssues(issues)}`, {
    issues,
    reasons: issues.map((i) => `${i.path}: ${i.message}`),
  });
}

function withSignal(req: CoreplusRequest, opts: CallOptions | undefined): CoreplusRequest {
  return opts?.signal === undefined ? req : { ...req, signal: opts.signal };
}

/** The resource groups of a client, over one requester. */
export function createResources(http: Requester): Omit<CoreplusClient, "baseUrl" | "request"> {
  function lister<T extends z.ZodType>(path: string, key: string, item: T) {
    const envelope = listEnvelope(key, item);
    const list = async (q: Query & PageQuery = {}, opts?: CallOptions): Promise<Page<z.output<T>>> => {
      const body = (await http.send(withSignal({ method: "GET", path, query: q }, opts), envelope)) as Record<
        string,
        unknown
      >;
      const paging = body.paging as Page<z.output<T>>["paging"];
      return { items: body[key] as z.output<T>[], paging };
    };
    const iterate = (q: Query & PageQuery = {}, opts?: CallOptions) => {
      const { pageNumber, pageSize, ...filters } = q;
      return pagedIterable((paging) => list({ ...filters, ...paging }, opts), {
        ...(pageNumber === undefined ? {} : { pageNumber }),
        ...(pageSize === undefined ? {} : { pageSize }),
      });
    };
    return { list, iterate };
  }

  const locations = lister("/Location/", "locations", Location);
  const practitioners = lister("/Practitioner/", "practitioners", Practitioner);
  const appointmentTypes = lister("/AppointmentType/", "appointmentTypes", AppointmentType);
  const clients = lister("/Client/", "clients", ClientSummary);
  const availability = lister("/AvailabilitySlot/", "timeslots", AvailabilitySlot);
  const appointments = lister("/Appointment/", "appointments", Appointment);

  const OneLocation = wrappedOrBare("location", Location);
  const OnePractitioner = wrappedOrBare("practitioner", Practitioner);
  const OneClient = wrappedOrBare("client", ClientDetail);
  const OneAppointment = wrappedOrBare("appointment", Appointment);
  const CreatedClient = wrappedOrBare("client", ClientCreated);
  const CreatedType = wrappedOrBare("appointmentType", AppointmentTypeCreated);
  // Documented unwrapped (S11); a wrapper under either plausible name is tolerated.
  const OneFamily = wrappedOrBare(["clientFamily", "family"], ClientFamily);

  return {
    locations: {
      list: locations.list,
      iterate: locations.iterate,
      get: (id, opts) =>
        http.send(withSignal({ method: "GET", path: `/Location/${segment(id)}/` }, opts), OneLocation),
    },
    practitioners: {
      list: practitioners.list,
      iterate: practitioners.iterate,
      get: (id, opts) =>
        http.send(
          withSignal({ method: "GET", path: `/Practitioner/${segment(id)}/` }, opts),
          OnePractitioner,
        ),
    },
    appointmentTypes: {
      list: appointmentTypes.list,
      iterate: appointmentTypes.iterate,
      create: async (body, opts) =>
        http.send(
          withSignal(
            {
              method: "POST",
              path: "/AppointmentType/",
              body: checkBody(AppointmentTypeCreate, body, "appointment type"),
            },
            opts,
          ),
          CreatedType,
        ),
    },
    clients: {
      list: clients.list,
      iterate: clients.iterate,
      get: (id, opts) =>
        http.send(withSignal({ method: "GET", path: `/Client/${segment(id)}/` }, opts), OneClient),
      create: async (body, opts) =>
        http.send(
          withSignal(
            { method: "POST", path: "/Client/", body: checkBody(ClientCreate, body, "client") },
            opts,
          ),
          CreatedClient,
        ),
      // Setting fields to given values is safe to repeat.
      update: async (id, body, opts) =>
        http.send(
          withSignal(
            {
              method: "POST",
              path: `/Client/${segment(id)}/`,
              body: checkBody(ClientUpdate, body, "client update"),
              idempotent: true,
            },
            opts,
          ),
          OneClient,
        ),
    },
    availability: { list: availability.list, iterate: availability.iterate },
    appointments: {
      list: appointments.list,
      iterate: appointments.iterate,
      get: (id, opts = {}) => {
        const { signal, getPractitionerProfiles, cancellationId } = opts;
        return http.send(
          withSignal(
            {
              method: "GET",
              path: `/Appointment/${segment(id)}/`,
              query: { getPractitionerProfiles, cancellationId },
            },
            signal === undefined ? undefined : { signal },
          ),
          OneAppointment,
        );
      },
      book: async (body, opts) =>
        http.send(
          withSignal(
            { method: "POST", path: "/Appointment/", body: checkBody(AppointmentBook, body, "booking") },
            opts,
          ),
          OneAppointment,
        ),
      // Not retried after it may have reached coreplus (only 429, which coreplus refused unprocessed):
      // a blind repeat could move an appointment back over a change made in between.
      update: async (id, body, opts) =>
        http.send(
          withSignal(
            {
              method: "POST",
              path: `/Appointment/${segment(id)}/`,
              body: checkBody(AppointmentUpdate, body, "appointment update"),
            },
            opts,
          ),
          OneAppointment,
        ),
      // One of the two documented forms: `{"deleted": true}` on the item (C1), not the collection
      // form with `appointmentId` (C2, C3). Not retried blindly either: the caller decides, after
      // reading the appointment back, whether to repeat.
      cancel: async (id, opts = {}) => {
        const { signal, reasonId, notes } = opts;
        const body = checkBody(
          AppointmentCancel,
          {
            deleted: true,
            ...(reasonId === undefined ? {} : { cancellationReasonId: reasonId }),
            ...(notes === undefined ? {} : { cancellationNotes: notes }),
          },
          "cancellation",
        );
        return http.send(
          withSignal(
            { method: "POST", path: `/Appointment/${segment(id)}/`, body },
            signal === undefined ? undefined : { signal },
          ),
          OneAppointment,
        );
      },
    },
    clientFamily: {
      create: async (body, opts) =>
        http.send(
          withSignal(
            {
              method: "POST",
              path: "/ClientFamily/",
              body: checkBody(ClientFamilyCreate, body, "family record"),
            },
            opts,
          ),
          OneFamily,
        ),
    },
  };
}
