/**
 * A small HTTP server answering with edge-API-shaped JSON (architecture.md "Edge API contract") for
 * the component tests. The clinic slug picks a scenario ("conflict.t7" → "conflict"), so tests running
 * side by side never share state: "multi" has two locations, "three" three, every other one. Bookings,
 * lookups and changes need a solved proof of GET …/challenge (a cheap altcha one) except for "open" clinics, which chose
 * none; "refuse-proof" refuses the first proof as the edge API refuses a wrong one. GET
 * /_log?clinic= returns what that clinic's requests looked like. Bookings answer a manage token
 * ("tok-<reference>"), and the manage endpoints (lookup, get, cancel, reschedule) follow the contract:
 * "late" bookings are inside the notice period, "conflict" loses every 09:00 start, "moveflaky"
 * fails each first reschedule or cancel of a key with a 503.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { listen } from "@coreplus-kit/core/node";
import type {
  AvailabilityResponse,
  BookingRequest,
  BookingResponse,
  BootstrapResponse,
  ClinicProfileResponse,
  PublicSlot,
} from "@coreplus-kit/edge-api";
import { type Challenge, createChallenge, randomInt, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import type { ManagedBooking, ManagedResponse } from "../src/api/manage-types.ts";
import { FAKE_NOW, FAKE_POLICY } from "./fake-data.ts";

/** One request as the fake saw it (no bodies kept beyond the booking's slot start). */
export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  idempotencyKey?: string;
  slotStart?: string;
  /** For bookings, lookups and changes: what the fake made of the proof. */
  proof?: "ok" | "missing" | "failed" | "replayed";
  /** The whole booking body, for the "seen" and "carer" scenarios only (their tests check what is sent). */
  body?: BookingRequest;
  status?: number;
  aborted: boolean;
}

const LOCATIONS = [
  {
    id: "loc-southbank",
    name: "Harbourside Southbank",
    timezone: "Australia/Melbourne",
    address: "12 River Lane, Southbank VIC 3006",
    phone: "03 9000 0000",
  },
  {
    id: "loc-perth",
    name: "Harbourside Perth",
    timezone: "Australia/Perth",
    address: "4 Bay Road, Perth WA 6000",
    phone: "08 6000 0000",
  },
  {
    id: "loc-docklands",
    name: "Harbourside Docklands",
    timezone: "Australia/Melbourne",
    address: "8 Wharf Street, Docklands VIC 3008",
    phone: "03 9000 0001",
  },
];
const TYPES = [
  { id: "type-initial", name: "Initial consultation", durationMinutes: 45 },
  { id: "type-follow", name: "Follow-up", durationMinutes: 30 },
];
const PRACTITIONERS = [
  {
    id: "prac-anna",
    displayName: "Anna Lee",
    title: "Physiotherapist",
    locationIds: ["loc-southbank", "loc-perth"],
    appointmentTypeIds: ["type-initial", "type-follow"],
  },
  {
    id: "prac-ben",
    displayName: "Ben Ng",
    title: "Osteopath",
    locationIds: ["loc-southbank"],
    appointmentTypeIds: ["type-follow"],
  },
  {
    id: "prac-liam",
    displayName: "Liam O'Connor",
    title: "Physiotherapist",
    locationIds: ["loc-perth", "loc-docklands"],
    appointmentTypeIds: ["type-initial"],
  },
];
// Local wall-clock times offered on every day but Sunday.
const TIMES = ["09:00", "09:30", "13:00", "18:00"];

interface ClinicState {
  log: LoggedRequest[];
  taken: Set<string>;
  bookings: Map<string, BookingResponse>;
  failures: Map<string, number>;
  /** Managed bookings by token, with what a lookup checks (never logged). */
  managed: Map<string, { booking: ManagedBooking; lastName: string; dateOfBirth: string }>;
  /** Final answers of cancel and reschedule by Idempotency-Key. */
  changes: Map<string, { status: number; body: unknown }>;
  /** Signatures of spent proofs. */
  spent: Set<string>;
}

const FAKE_SECRET = "fake-edge-challenge-secret";

/** Verifies a booking's proof as the edge API does (signature, solution, single use). */
async function checkProof(proof: unknown, spent: Set<string>): Promise<NonNullable<LoggedRequest["proof"]>> {
  if (proof === undefined || proof === null) return "missing";
  const p = proof as { challenge?: Challenge; solution?: { counter: number; derivedKey: string } };
  if (!p.challenge?.signature || !p.solution) return "failed";
  const result = await verifySolution({
    challenge: p.challenge,
    solution: p.solution,
    deriveKey,
    hmacSignatureSecret: FAKE_SECRET,
    hmacKeySignatureSecret: FAKE_SECRET,
  }).catch(() => undefined);
  if (!result?.verified) return "failed";
  if (spent.has(p.challenge.signature)) return "replayed";
  spent.add(p.challenge.signature);
  return "ok";
}

/** Starts the fake on 127.0.0.1, port 0. */
export async function startFakeEdge(): Promise<{ url: string; close(): Promise<void> }> {
  const clinics = new Map<string, ClinicState>();
  const stateOf = (slug: string): ClinicState => {
    let s = clinics.get(slug);
    if (!s) {
      s = {
        log: [],
        taken: new Set(),
        bookings: new Map(),
        failures: new Map(),
        managed: new Map(),
        changes: new Map(),
        spent: new Set(),
      };
      clinics.set(slug, s);
    }
    return s;
  };
  const server = await listen((req, res) => {
    void handle(req, res, stateOf).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  return { url: server.url, close: () => server.close() };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  stateOf: (slug: string) => ClinicState,
): Promise<void> {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Expose-Headers", "Retry-After");
  if (req.method === "OPTIONS") {
    res.writeHead(204, {
      "Access-Control-Allow-Methods": "GET, POST",
      "Access-Control-Allow-Headers": "Content-Type, Idempotency-Key",
      "Access-Control-Max-Age": "600",
    });
    return void res.end();
  }
  const url = new URL(req.url ?? "/", "http://fake");
  const query = Object.fromEntries(url.searchParams);
  if (url.pathname === "/_log") return json(res, 200, stateOf(query.clinic ?? "").log);

  const match = /^\/v1\/clinics\/([^/]+)(\/[a-z-]+(?:\/[^/]+(?:\/[a-z]+)?)?)?$/.exec(url.pathname);
  if (!match) return problem(res, 404, "not-found");
  const slug = decodeURIComponent(match[1]!);
  const scenario = slug.split(".")[0]!;
  const state = stateOf(slug);
  const entry: LoggedRequest = { method: req.method ?? "GET", path: match[2] ?? "", query, aborted: false };
  state.log.push(entry);
  req.on("close", () => {
    if (!res.writableFinished) entry.aborted = true;
  });
  const once = (key: string) => {
    const n = state.failures.get(key) ?? 0;
    state.failures.set(key, n + 1);
    return n === 0;
  };
  const send = (status: number, body: unknown) => {
    entry.status = status;
    return json(res, status, body);
  };
  /**
   * Like the edge API: a new booking, lookup or change must carry a solved, unspent proof. Answers the
   * refusal (and says true) when it does not; "open" clinics need none.
   */
  const proofRefused = async (proof: unknown): Promise<boolean> => {
    if (scenario === "open") return false;
    const verdict = await checkProof(proof, state.spent);
    entry.proof = verdict;
    if (verdict === "missing") sendProblem(res, entry, 422, "challenge-required");
    else if (verdict !== "ok" || (scenario === "refuse-proof" && once("proof")))
      sendProblem(res, entry, 422, "challenge-failed");
    else return false;
    return true;
  };
  const locations = LOCATIONS.slice(0, scenario === "three" ? 3 : scenario === "multi" ? 2 : 1);

  switch (entry.path) {
    case "": {
      if (scenario === "down" && once("profile")) return sendProblem(res, entry, 503, "upstream-unavailable");
      return send(200, profileOf(slug, locations));
    }
    case "/bootstrap": {
      // Only "boot" clinics have it: every other one is an edge API from before it (the widget falls back).
      if (scenario !== "boot") return sendProblem(res, entry, 404, "not-found");
      // Like the edge API: the lists for the preselected (or only) location, and its first week of times.
      const location =
        locations.find((l) => l.id === query.locationId) ??
        (locations.length === 1 ? locations[0] : undefined);
      // The fake's lists predate the fields added since the first release (as its other answers do).
      const body: BootstrapResponse = {
        ...profileOf(slug, locations),
        practitioners: practitionersAt(locations, location?.id) as BootstrapResponse["practitioners"],
      };
      if (!location) return send(200, body);
      body.locationId = location.id;
      body.appointmentTypes = typesFor(scenario) as BootstrapResponse["appointmentTypes"];
      if (query.appointmentTypeId && query.practitionerId) {
        // Today in the location's zone at the tests' pinned time, and the six days after it.
        const from = new Intl.DateTimeFormat("en-CA", { timeZone: location.timezone }).format(
          new Date(FAKE_NOW),
        );
        let to = from;
        for (let i = 0; i < 6; i++) to = nextDate(to);
        body.availability = availability(scenario, location, { ...query, from, to }, state.taken);
      }
      return send(200, body);
    }
    case "/appointment-types":
      return send(200, { appointmentTypes: typesFor(scenario) });
    case "/practitioners":
      return send(200, { practitioners: practitionersAt(locations, query.locationId) });
    case "/availability": {
      if (scenario === "slow" && query.from === "2026-12-01") await delay(600);
      if (res.destroyed) return;
      const location = LOCATIONS.find((l) => l.id === query.locationId)!;
      return send(200, availability(scenario, location, query, state.taken));
    }
    case "/challenge":
      // "open" clinics chose no challenge; every other one a cheap altcha challenge, as the sandbox clinic.
      if (scenario === "open") return send(200, { kind: "none" });
      return send(200, {
        kind: "altcha",
        challenge: await createChallenge({
          algorithm: "PBKDF2/SHA-256",
          cost: 1,
          counter: randomInt(200, 40),
          deriveKey,
          expiresAt: new Date(Date.now() + 600_000),
          hmacSignatureSecret: FAKE_SECRET,
          hmacKeySignatureSecret: FAKE_SECRET,
        }),
      });
    case "/bookings": {
      const key = String(req.headers["idempotency-key"] ?? "");
      entry.idempotencyKey = key;
      const body = JSON.parse(await readBody(req)) as BookingRequest;
      entry.slotStart = body.slot.start;
      if (scenario === "seen" || scenario === "carer") entry.body = body;
      const replay = state.bookings.get(key);
      if (replay) return send(201, replay);
      if (await proofRefused(body.proof)) return;
      if (scenario === "conflict" && body.slot.start.includes("T09:00")) {
        state.taken.add(body.slot.start);
        return sendProblem(res, entry, 409, "slot-unavailable");
      }
      if (scenario === "refused") return sendProblem(res, entry, 422, "spam");
      if (scenario === "flaky" && once(`book:${key}`))
        return sendProblem(res, entry, 503, "upstream-unavailable");
      if (scenario === "invalid" && once("book")) {
        return sendProblem(res, entry, 422, "validation", [
          { pointer: "/patient/email", code: "invalid_email", detail: "must be an email address" },
        ]);
      }
      const location = LOCATIONS.find((l) => l.id === body.slot.locationId)!;
      const practitioner = PRACTITIONERS.find((p) => p.id === body.slot.practitionerId)!;
      const type = TYPES.find((t) => t.id === body.slot.appointmentTypeId)!;
      const end = new Date(Date.parse(body.slot.start) + type.durationMinutes * 60_000);
      const reference = `HB-${String(state.bookings.size + 1).padStart(4, "0")}`;
      const booking: BookingResponse = {
        manage: { token: `tok-${reference}`, expiresAt: body.slot.start },
        booking: {
          reference,
          status: "booked",
          start: body.slot.start,
          end: withOffset(end, body.slot.start.slice(-6)),
          timezone: location.timezone,
          location: {
            id: location.id,
            name: location.name,
            address: location.address,
            phone: location.phone,
          },
          practitioner: { id: practitioner.id, displayName: practitioner.displayName },
          appointmentType: type,
          reminders: { email: true, sms: scenario !== "emailonly" },
        },
      };
      state.bookings.set(key, booking);
      const token = `tok-${booking.booking.reference}`;
      state.managed.set(token, {
        booking: managed(booking.booking, scenario),
        lastName: body.patient.lastName,
        dateOfBirth: body.patient.dateOfBirth,
      });
      return send(201, { ...booking, manage: { token, expiresAt: body.slot.start } });
    }
    case "/bookings/lookup": {
      const body = JSON.parse(await readBody(req)) as Record<string, string>;
      if (await proofRefused(body.proof)) return;
      const hit = [...state.managed].find(
        ([, b]) =>
          b.booking.reference === body.reference &&
          b.lastName.toLowerCase() === String(body.lastName).toLowerCase() &&
          b.dateOfBirth === body.dateOfBirth,
      );
      if (!hit) return sendProblem(res, entry, 404, "booking-not-found");
      return send(200, {
        booking: hit[1].booking,
        manage: { token: hit[0], expiresAt: hit[1].booking.start },
      });
    }
    default:
      if (entry.path.startsWith("/bookings/"))
        return manage(req, res, entry, state, scenario, send, proofRefused);
      return problem(res, 404, "not-found");
  }
}

/** The profile of a clinic with these locations. */
function profileOf(slug: string, locations: typeof LOCATIONS): ClinicProfileResponse {
  return {
    clinic: {
      slug,
      name: "Harbourside Physio",
      locations,
      rules: { minNoticeMinutes: 120, maxDaysAhead: 60 },
      disciplines: [],
      // An addition since the first release (ClinicProfileResponse predates it).
      ...{ changes: { cancel: true, reschedule: true, noticeHours: 24, policy: FAKE_POLICY } },
      // "carer": a question for every service, one for the follow-up only, and a privacy policy.
      questions: slug.startsWith("carer.") ? CARER_QUESTIONS : [],
      privacyUrl: slug.startsWith("carer.") ? "https://harbourside.example/privacy" : null,
    },
  };
}

/** The "carer" scenario's questions. */
const CARER_QUESTIONS: ClinicProfileResponse["clinic"]["questions"] = [
  { id: "referral", label: "Do you have a GP referral?", kind: "yes-no", required: true },
  {
    id: "school",
    label: "School or kinder",
    kind: "text",
    required: false,
    maxLength: 60,
    appointmentTypeIds: ["type-follow"],
  },
];

/** The clinic's services; "seen": the initial consultation is for new patients, the follow-up for returning ones. */
function typesFor(scenario: string) {
  return scenario === "seen"
    ? TYPES.map((t) => ({ ...t, audience: t.id === "type-initial" ? "new" : "existing" }))
    : TYPES;
}

/** Like the edge API: each practitioner's locations, narrowed to the clinic's and to `locationId`. */
function practitionersAt(locations: typeof LOCATIONS, locationId: string | undefined) {
  const at = (id: string) => locations.some((l) => l.id === id) && (!locationId || id === locationId);
  const practitioners = PRACTITIONERS.map((p) => ({ ...p, locationIds: p.locationIds.filter(at) }));
  return practitioners.filter((p) => p.locationIds.length > 0);
}

/** The booking as the manage endpoints answer it; "late" bookings are inside the notice period. */
function managed(b: BookingResponse["booking"], scenario: string): ManagedBooking {
  const open = scenario !== "late";
  return { ...b, status: "booked", changeable: { cancel: open, reschedule: open, until: b.start } };
}

async function manage(
  req: IncomingMessage,
  res: ServerResponse,
  entry: LoggedRequest,
  state: ClinicState,
  scenario: string,
  send: (status: number, body: unknown) => void,
  proofRefused: (proof: unknown) => Promise<boolean>,
): Promise<void> {
  const [, , rawToken, action] = entry.path.split("/");
  const token = decodeURIComponent(rawToken ?? "");
  const found = state.managed.get(token);
  if (req.method === "GET" && !action) {
    if (!found) return sendProblem(res, entry, 404, "booking-not-found");
    return send(200, { booking: found.booking });
  }
  const key = String(req.headers["idempotency-key"] ?? "");
  entry.idempotencyKey = key;
  const body = JSON.parse(await readBody(req)) as {
    start?: string;
    practitionerId?: string;
    proof?: unknown;
  };
  if (body.start) entry.slotStart = body.start;
  const replay = state.changes.get(key);
  if (replay) return send(replay.status, replay.body);
  if (await proofRefused(body.proof)) return;
  if (!found) return sendProblem(res, entry, 404, "booking-not-found");
  if (scenario === "moveflaky" && state.failures.get(`change:${key}`) === undefined) {
    state.failures.set(`change:${key}`, 1);
    return sendProblem(res, entry, 503, "upstream-unavailable");
  }
  const b = found.booking;
  if (b.status === "cancelled") return sendProblem(res, entry, 409, "booking-cancelled");
  if (!b.changeable.cancel) return sendProblem(res, entry, 409, "too-late-to-change");
  let answer: ManagedResponse;
  if (action === "cancel") {
    found.booking = {
      ...b,
      status: "cancelled",
      changeable: { ...b.changeable, cancel: false, reschedule: false },
    };
    state.taken.delete(b.start);
    answer = { booking: found.booking };
  } else if (action === "reschedule" && body.start) {
    if (scenario === "conflict" && body.start.includes("T09:00")) {
      state.taken.add(body.start);
      return sendProblem(res, entry, 409, "slot-unavailable");
    }
    const end = withOffset(
      new Date(Date.parse(body.start) + b.appointmentType.durationMinutes * 60_000),
      body.start.slice(-6),
    );
    const practitioner = PRACTITIONERS.find((p) => p.id === body.practitionerId) ?? b.practitioner;
    const moved: ManagedBooking = {
      ...b,
      start: body.start,
      end,
      practitioner: { id: practitioner.id, displayName: practitioner.displayName },
      changeable: { ...b.changeable, until: body.start },
    };
    state.taken.add(body.start);
    state.taken.delete(b.start);
    const next = `${token}.m`;
    state.managed.delete(token);
    state.managed.set(next, { ...found, booking: moved });
    answer = { booking: moved, manage: { token: next, expiresAt: body.start } };
  } else return problem(res, 404, "not-found");
  state.changes.set(key, { status: 200, body: answer });
  return send(200, answer);
}

function availability(
  scenario: string,
  location: (typeof LOCATIONS)[number],
  q: Record<string, string>,
  taken: Set<string>,
): AvailabilityResponse {
  const days: AvailabilityResponse["days"] = [];
  const practitioners = PRACTITIONERS.filter(
    (p) =>
      p.locationIds.includes(location.id) &&
      p.appointmentTypeIds.includes(q.appointmentTypeId ?? "") &&
      (!q.practitionerId || p.id === q.practitionerId),
  );
  const offset = location.timezone === "Australia/Perth" ? "+08:00" : "+11:00";
  const open = (date: string) =>
    new Date(`${date}T12:00:00Z`).getUTCDay() !== 0 && !(scenario === "empty" && date < "2026-12-15");
  for (let date = q.from!; date <= q.to!; date = nextDate(date)) {
    const slots: PublicSlot[] = [];
    if (open(date) && date > "2026-12-01") {
      for (const time of TIMES) {
        const start = `${date}T${time}:00${offset}`;
        if (taken.has(start)) continue;
        for (const p of practitioners) {
          const end = withOffset(new Date(Date.parse(start) + 30 * 60_000), offset);
          slots.push({ start, end, practitionerId: p.id, locationId: location.id });
        }
      }
    }
    days.push({ date, slots });
  }
  let next: string | null = null;
  for (let date = q.from!; date <= "2027-01-30"; date = nextDate(date)) {
    if (open(date) && date > "2026-12-01" && practitioners.length > 0) {
      next = date;
      break;
    }
  }
  return { timezone: location.timezone, nextAvailable: next, days };
}

function nextDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function withOffset(instant: Date, offset: string): string {
  const sign = offset.startsWith("-") ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return `${new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, 19)}${offset}`;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

function sendProblem(
  res: ServerResponse,
  entry: LoggedRequest,
  status: number,
  type: string,
  errors?: unknown[],
): void {
  entry.status = status;
  problem(res, status, type, errors);
}

function problem(res: ServerResponse, status: number, type: string, errors?: unknown[]): void {
  res
    .writeHead(status, {
      "Content-Type": "application/problem+json",
      ...(status === 503 ? { "Retry-After": "1" } : {}),
    })
    .end(
      JSON.stringify({
        type: `https://coreplus-kit.dev/problems/${type}`,
        title: type,
        status,
        detail: type,
        ...(errors ? { errors } : {}),
      }),
    );
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
