/**
 * POST …/bookings/lookup: find a booking by reference, last name and date of birth, in two coreplus
 * round trips whatever the input, answering every kind of miss alike.
 *
 * coreplus cannot search appointments by reference, so the lookup goes through the patient:
 *  1. `GET /Client/?name=<last name>&dateOfBirth=…` (one page): the clients with exactly that last name
 *     and date of birth are the candidates.
 *  2. If this edge booked the reference (it remembers reference → appointment id until the start),
 *     `GET /Appointment/{id}/`; otherwise `GET /Appointment/?clientId=…` over the coming year for the
 *     first two candidates, in parallel. With no candidate, the lookup waits as long as step 1 took
 *     instead, so that a miss costs the same time as a hit without spending coreplus's budget.
 * So a lookup costs at most 3 coreplus calls (2 unless twins share the last name and birthday), and
 * a hit, a wrong date of birth, a wrong last name and an unknown reference all take two round trips
 * and end in the same 404 body. Trade-off: a front-desk booking more than a year ahead, or a third
 * same-name-and-birthday client's, is not found online (the patient calls, as they would anyway).
 *
 * Every lookup spends a solved challenge's proof (422 without one, before anything is counted or read).
 * Guessing is bounded: every lookup counts against `limits.lookups` (5 an hour by default) per
 * reference and per visitor (IPv6 per `limits.ipv6Prefix`; counted when it starts, so that parallel
 * guesses cannot overshoot), then 429.
 */
import { type Appointment, addDays, CoreplusNotFoundError, dateInZone } from "@coreplus-kit/core";
import { getCatalogue } from "../catalogue/index.js";
import { requireProof } from "../challenge/index.js";
import { DEFAULT_LOOKUPS } from "../config/index.js";
import { ProblemError } from "../http/index.js";
import { visitorKey } from "../internal/visitor-key.js";
import type { LookupRequest, ManagedBookingWithLink } from "../schemas/manage.js";
import type { RequestScope } from "../types.js";
import { bookingNotFound, managedBooking, resolveAppointment } from "./managed-booking.js";
import { recallReference, rememberReference } from "./references.js";

/** Candidates whose appointments are listed (each one coreplus call). */
const MAX_CANDIDATES = 2;
/** How far ahead the client's appointments are listed. */
const LIST_DAYS_AHEAD = 366;

const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

/** Counts the lookup against the visitor's and the reference's allowance; 429 beyond either. */
async function countLookup(scope: RequestScope, visitor: string, reference: string): Promise<void> {
  const { ipv6Prefix } = scope.rt.config.limits;
  const lookups =
    scope.rt.config.limits.lookups === undefined ? DEFAULT_LOOKUPS : scope.rt.config.limits.lookups;
  if (!lookups) return;
  for (const key of [`lookup:visitor:${visitorKey(visitor, ipv6Prefix)}`, `lookup:ref:${reference}`]) {
    const result = await scope.rt.state.hit(key, lookups.limit, lookups.windowMs);
    if (!result.allowed)
      throw new ProblemError(
        "rate-limited",
        "Too many attempts to find a booking. Please wait a while, or call the clinic.",
        { retryAfter: Math.ceil(result.retryAfterMs / 1000) },
      );
  }
}

/** Looks a booking up; throws booking-not-found (404) for every kind of miss. */
export async function lookupBooking(
  scope: RequestScope,
  visitor: string,
  req: Omit<LookupRequest, "proof"> & { proof?: unknown },
): Promise<ManagedBookingWithLink> {
  // A solved challenge first: a request without one is neither counted nor read (so it cannot spend a
  // patient's lookup allowance either).
  await requireProof(scope, req);
  await countLookup(scope, visitor, req.reference);
  const cat = await getCatalogue(scope);
  const first = cat.locations[0];
  if (!first) throw bookingNotFound();
  const { coreplus } = scope.rt;
  const signal = AbortSignal.timeout(10_000);
  const nowMs = scope.now.getTime();

  // Round trip 1: the candidates (and, from our own state, the remembered appointment id).
  const started = performance.now();
  const [clients, rememberedId] = await Promise.all([
    coreplus.clients.list({ name: req.lastName, dateOfBirth: req.dateOfBirth, pageSize: 100 }, { signal }),
    recallReference(scope, req.reference),
  ]);
  const candidates = new Set(
    clients.items
      .filter((c) => norm(c.lastName) === norm(req.lastName) && c.dateOfBirth === req.dateOfBirth)
      .map((c) => c.clientId.toLowerCase()),
  );
  const isTheirs = (a: Appointment) =>
    String(a.appointmentReferenceNumber) === req.reference &&
    a.clients.some((c) => candidates.has(c.clientId.toLowerCase())) &&
    Date.parse(a.startDateTime) > nowMs;

  // Round trip 2.
  let found: Appointment | undefined;
  if (candidates.size === 0) {
    await new Promise((resolve) => setTimeout(resolve, performance.now() - started));
  } else if (rememberedId) {
    const a = await coreplus.appointments
      .get(rememberedId, { getPractitionerProfiles: true, signal })
      .catch((err: unknown) => {
        if (err instanceof CoreplusNotFoundError) return undefined;
        throw err;
      });
    if (a && isTheirs(a)) found = a;
  } else {
    const today = dateInZone(nowMs, first.timezone);
    const lists = await Promise.all(
      [...candidates].slice(0, MAX_CANDIDATES).map((clientId) =>
        coreplus.appointments.list(
          {
            startDate: addDays(today, -1),
            endDate: addDays(today, LIST_DAYS_AHEAD),
            timezoneId: first.timezoneId,
            clientId,
            includeCancelled: true,
            getPractitionerProfiles: true,
            pageSize: 100,
          },
          { signal },
        ),
      ),
    );
    found = lists.flatMap((l) => l.items).find(isTheirs);
  }
  if (!found) throw bookingNotFound();
  const resolved = resolveAppointment(scope, cat, found);
  await rememberReference(scope, req.reference, found.appointmentId, resolved.startMs);
  return {
    booking: managedBooking(scope, cat, resolved),
    manage: await scope.rt.manage.sign(
      scope.rt.config.slug,
      found.appointmentId,
      resolved.startMs,
      resolved.location.timezone,
    ),
  };
}
