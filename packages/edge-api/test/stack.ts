/**
 * Test harness: the real sandbox over HTTP on port 0 and the edge API served on port 0 in front of
 * it, both on a business clock pinned to a fixed date, so that tests are deterministic in any TZ.
 */
import { createSandboxControls, type SandboxControls } from "@coreplus-kit/sandbox";
import { serveSandbox } from "@coreplus-kit/sandbox/node";
import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey as pbkdf2 } from "altcha-lib/algorithms/web/pbkdf2";
import { deriveKey as sha } from "altcha-lib/algorithms/web/sha";
import { type ClinicConfig, createMemoryState, defaultSandboxConfig, type EdgeConfig } from "../src/index.ts";
import { type EdgeApiServer, serveEdgeApi } from "../src/node.ts";

/** Monday 30 November 2026, 08:00 in Melbourne (AEDT, +11:00). */
export const PINNED_NOW = new Date("2026-11-30T08:00:00+11:00");
/** The first Monday after the pinned date, when Docklands is fully rostered. */
export const NEXT_MONDAY = "2026-12-07";

export interface Stack {
  sandboxUrl: string;
  controls: SandboxControls;
  sandbox: Awaited<ReturnType<typeof serveSandbox>>["sandbox"];
  edge: EdgeApiServer;
  /** Edge API origin + "/v1/clinics/harbourside". */
  api: string;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface StackOptions {
  rateLimit?: boolean;
  /** The edge's request budget per consumer (default 9 a second, as in production). */
  requestsPerSecond?: number;
  clinic?: (c: ClinicConfig) => ClinicConfig;
  config?: (c: EdgeConfig) => EdgeConfig;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const now = () => new Date(PINNED_NOW);
  const sb = await serveSandbox({ port: 0, now, rateLimit: opts.rateLimit ?? true, log: () => {} });
  const base = defaultSandboxConfig({ baseUrl: sb.url });
  let config: EdgeConfig = { ...base, clinics: base.clinics.map((c) => (opts.clinic ? opts.clinic(c) : c)) };
  if (opts.config) config = opts.config(config);
  const logs: Record<string, unknown>[] = [];
  const edge = await serveEdgeApi({
    port: 0,
    config,
    now,
    logger: (e) => logs.push(e),
    ...(opts.requestsPerSecond
      ? { state: createMemoryState({ requestsPerSecond: opts.requestsPerSecond }) }
      : {}),
  });
  return {
    sandboxUrl: sb.url,
    controls: createSandboxControls({ baseUrl: sb.url, adminToken: sb.sandbox.adminToken }),
    sandbox: sb.sandbox,
    edge,
    api: `${edge.url}/v1/clinics/harbourside`,
    logs,
    async close() {
      await edge.close();
      await sb.close();
    },
  };
}

/** A JSON GET; returns status, headers and body. */
export async function getJson<T = unknown>(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

let patientCounter = 0;

/** A distinct, valid patient. */
export function patient(i = patientCounter++) {
  return {
    firstName: `Test${i}`,
    lastName: `Patient${String.fromCharCode(65 + (i % 26))}`,
    dateOfBirth: "1985-06-15",
    email: `patient${i}@example.com`,
    mobile: `0400 ${String(100000 + i).slice(-6, -3)} ${String(i).padStart(3, "0").slice(-3)}`,
  };
}

/** A parent booking for their child (`bookedBy`): booking for someone else. */
export const PARENT = {
  firstName: "Priya",
  lastName: "Raman",
  relationship: "Mother",
  email: "priya.raman@example.com",
  mobile: "0412 345 678",
};

/** A valid booking body for a slot of the availability answer. */
export function bookingBody(
  slot: { locationId: string; practitionerId: string; start: string },
  appointmentTypeId: string,
  p = patient(),
) {
  return {
    slot: {
      locationId: slot.locationId,
      practitionerId: slot.practitionerId,
      appointmentTypeId,
      start: slot.start,
    },
    patient: p,
    consent: true as const,
  };
}

/** A fresh challenge from `api` (a clinic's base URL), solved: the `proof` a request carries. */
export async function solvedProof(api: string): Promise<unknown> {
  const res = await fetch(`${api}/challenge`);
  const answer = (await res.json()) as { kind: string; challenge?: Challenge };
  if (answer.kind !== "altcha" || !answer.challenge) return undefined;
  const solution = await solveChallenge({
    challenge: answer.challenge,
    deriveKey: deriveKeyFor(answer.challenge),
  });
  if (!solution) throw new Error("the test could not solve the challenge");
  return { challenge: answer.challenge, solution };
}

const deriveKeyFor = (c: Challenge) => (c.parameters.algorithm.startsWith("PBKDF2/") ? pbkdf2 : sha);

/**
 * `body` as a request of the widget sends it: an object without a `proof` field gets a freshly solved
 * one from `api`; one with `proof: undefined` is left without (JSON drops it); anything else as is.
 */
export async function proved(api: string, body: unknown): Promise<unknown> {
  return typeof body === "object" && body !== null && !("proof" in body)
    ? { ...body, proof: await solvedProof(api) }
    : body;
}

/**
 * POST a booking. An object body without a `proof` field gets a freshly solved one (as the widget
 * sends); to send none, give the body `proof: undefined` (then it is left out of the JSON).
 */
export async function postBooking(
  api: string,
  body: unknown,
  key: string | undefined,
  headers: Record<string, string> = {},
) {
  const withProof = await proved(api, body);
  const res = await fetch(`${api}/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}), ...headers },
    body: typeof withProof === "string" ? withProof : JSON.stringify(withProof),
  });
  return jsonAnswer(res);
}

/** A JSON answer's status, headers, raw text and parsed body. */
export async function jsonAnswer(res: Response) {
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

/** Ids of the seeded clinic by name. */
export function seedIds(s: Stack) {
  const seed = s.sandbox.seed;
  const loc = (name: string) => seed.locations.find((l) => l.name.includes(name))!.locationId;
  const prac = (last: string) => seed.practitioners.find((p) => p.lastName === last)!.practitionerId;
  const type = (name: string) => seed.appointmentTypes.find((t) => t.description === name)!.appointmentTypeId;
  return {
    docklands: loc("Docklands"),
    williamstown: loc("Williamstown"),
    hamilton: loc("Hamilton"),
    nguyen: prac("Nguyen"),
    oconnor: prac("O'Connor"),
    standard: type("Standard Consultation"),
    initial: type("Initial Consultation"),
    hydro: seed.appointmentTypes.find((t) => t.description.startsWith("Hydrotherapy"))!.appointmentTypeId,
    psych: seed.appointmentTypes.find((t) => t.description.startsWith("Psychology Session"))!
      .appointmentTypeId,
  };
}

export interface AvailabilityBody {
  timezone: string;
  nextAvailable: string | null;
  days: {
    date: string;
    slots: { start: string; end: string; practitionerId: string; locationId: string }[];
  }[];
}

/** Availability for a query. */
export function availability(s: Stack, q: Record<string, string>) {
  return getJson<AvailabilityBody>(`${s.api}/availability?${new URLSearchParams(q)}`);
}
