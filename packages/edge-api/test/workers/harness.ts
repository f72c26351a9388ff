/**
 * Helpers for the tests inside workerd: the edge API Workers (this test Worker's own entry, the
 * replicas sharing its Durable Objects, and the entry on changed bindings), the sandbox's controls
 * through the SANDBOX binding, its seed's ids for a test file, and the sandbox's record of when
 * coreplus requests arrived.
 */

import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { createSandboxControls, type SeedSummary } from "@coreplus-kit/sandbox";
import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey as pbkdf2 } from "altcha-lib/algorithms/web/pbkdf2";
import { beforeAll, expect, vi } from "vitest";
import worker from "../../src/workers/index.ts";
import { WORKERS_TEST } from "./constants.ts";

/** Something that serves HTTP: the test Worker's entry or a service binding. */
export interface Edge {
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

/** This Worker's own entry (wrangler.toml's `main`), as SELF would call it. */
export const self: Edge = { fetch: (input, init) => exports.default.fetch(new Request(input, init)) };
/** Other Worker scripts running the same entry, with their Durable Object bindings on this script's classes. */
export const replicas: Edge[] = [env.REPLICA_1, env.REPLICA_2, env.REPLICA_3].map((b) => ({
  fetch: (input, init) => b.fetch(new Request(input, init)),
}));

/** This Worker's entry on the test Worker's bindings with `changes`; `settled()` awaits its requests' waitUntil work. */
export interface ChangedEdge extends Edge {
  settled(): Promise<void>;
}

/**
 * This Worker's entry on the test Worker's bindings with `changes` (undefined removes one): one app
 * for every request it serves, as one isolate on those bindings would, each request with its own
 * execution context.
 */
export function workerWith(changes: Record<string, string | undefined>): ChangedEdge {
  const bindings = { ...env, ...changes };
  const contexts: ExecutionContext[] = [];
  return {
    fetch: async (input, init) => {
      const ctx = createExecutionContext();
      contexts.push(ctx);
      return worker.fetch(new Request(input, init) as Parameters<typeof worker.fetch>[0], bindings, ctx);
    },
    settled: async () => {
      await Promise.all(contexts.splice(0).map((ctx) => waitOnExecutionContext(ctx)));
    },
  };
}

/** Collects the console lines (the Workers' JSON logs) until `vi.restoreAllMocks()`. */
export function captureLogs(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  return lines;
}

export const ORIGIN = "https://edge.test";
export const { businessTime, nextMonday } = WORKERS_TEST;

/** The sandbox's test controls, over the SANDBOX service binding. */
export const controls = createSandboxControls({
  baseUrl: "http://sandbox.test",
  fetch: (input, init) => env.SANDBOX.fetch(new Request(input as string, init)),
});

/** Arrival times (epoch ms) of coreplus requests at the sandbox since the last {@link clearArrivals}. */
export async function arrivals(): Promise<number[]> {
  const res = await env.SANDBOX.fetch("http://sandbox.test/_workers/arrivals", {
    headers: { authorization: "Bearer sandbox-admin-dev" },
  });
  return ((await res.json()) as { arrivals: number[] }).arrivals;
}

export async function clearArrivals(): Promise<void> {
  await env.SANDBOX.fetch("http://sandbox.test/_workers/arrivals", {
    method: "DELETE",
    headers: { authorization: "Bearer sandbox-admin-dev" },
  });
}

export { maxInWindow } from "../max-in-window.ts";

/** What {@link seedIds} answers. */
export type SeedIds = Awaited<ReturnType<typeof seedIds>>;

/**
 * A test file's fresh sandbox: reset before the file's tests, and the ids of its seed (filled in then:
 * read them inside tests and hooks).
 */
export function freshSandbox(): SeedIds {
  const ids = {} as SeedIds;
  beforeAll(async () => {
    await controls.reset();
    Object.assign(ids, await seedIds());
  });
  return ids;
}

/** Ids from the sandbox's seed. */
export async function seedIds() {
  const seed: SeedSummary = await controls.seed();
  const loc = (name: string) => seed.locations.find((l) => l.name.includes(name))!.locationId;
  const prac = (last: string) => seed.practitioners.find((p) => p.lastName === last)!.practitionerId;
  const type = (name: string) => seed.appointmentTypes.find((t) => t.description === name)!.appointmentTypeId;
  return {
    seed,
    docklands: loc("Docklands"),
    williamstown: loc("Williamstown"),
    nguyen: prac("Nguyen"),
    oconnor: prac("O'Connor"),
    standard: type("Standard Consultation"),
  };
}

/** A JSON request to a clinic of an edge Worker; returns status, headers, raw text and parsed body. */
export async function call(
  edge: Edge,
  path: string,
  init: RequestInit & { ip?: string } = {},
): Promise<{ status: number; headers: Headers; text: string; body: Record<string, unknown> }> {
  const headers = new Headers(init.headers);
  headers.set("cf-connecting-ip", init.ip ?? "203.0.113.10");
  const res = await edge.fetch(`${ORIGIN}${path}`, { ...init, headers });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Left empty: the caller asserts on status and text.
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** A fresh challenge from a clinic of an edge Worker, solved inside workerd: a request's `proof`. */
export async function solvedProof(edge: Edge, clinic = "harbourside", ip?: string): Promise<unknown> {
  const answer = (await call(edge, `/v1/clinics/${clinic}/challenge`, ip ? { ip } : {})).body as {
    kind: string;
    challenge?: Challenge;
  };
  if (answer.kind !== "altcha" || !answer.challenge) return undefined;
  const solution = await solveChallenge({ challenge: answer.challenge, deriveKey: pbkdf2 });
  expect(solution, "the challenge was not solved").not.toBeNull();
  return { challenge: answer.challenge, solution };
}

/**
 * POSTs JSON to `path` under a clinic (bookings, lookup, cancel, reschedule). An object body without a
 * `proof` field gets a freshly solved one (as the widget sends); give it `proof: undefined` to send none.
 */
export async function postProved(
  edge: Edge,
  path: string,
  body: unknown,
  opts: { clinic?: string; ip?: string; headers?: Record<string, string> } = {},
) {
  const clinic = opts.clinic ?? "harbourside";
  const withProof =
    typeof body === "object" && body !== null && !("proof" in body)
      ? { ...body, proof: await solvedProof(edge, clinic, opts.ip) }
      : body;
  return call(edge, `/v1/clinics/${clinic}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...opts.headers },
    body: typeof withProof === "string" ? withProof : JSON.stringify(withProof),
    ...(opts.ip ? { ip: opts.ip } : {}),
  });
}

/** POSTs a booking to a clinic, with a proof as {@link postProved} adds one. */
export async function book(
  edge: Edge,
  body: unknown,
  key: string | undefined,
  clinic = "harbourside",
  ip?: string,
) {
  return postProved(edge, "/bookings", body, {
    clinic,
    ...(ip ? { ip } : {}),
    headers: key ? { "idempotency-key": key } : {},
  });
}

let patientCounter = 0;
/** A distinct, valid patient. */
export function patient(tag: string, i = patientCounter++) {
  return {
    firstName: `Worker${tag}${i}`,
    lastName: `Patient${String.fromCharCode(65 + (i % 26))}`,
    dateOfBirth: "1985-06-15",
    email: `worker-${tag}-${i}@example.com`,
    mobile: `0400 ${String(100 + (i % 900)).padStart(3, "0")} ${String(i % 1000).padStart(3, "0")}`,
  };
}

export interface Slot {
  start: string;
  end: string;
  practitionerId: string;
  locationId: string;
}

/** Free slots on one day at Docklands for the standard consultation (every practitioner, or one). */
export async function freeSlots(
  edge: Edge,
  ids: SeedIds,
  date: string,
  practitionerId?: string,
): Promise<Slot[]> {
  const q = new URLSearchParams({
    locationId: ids.docklands,
    appointmentTypeId: ids.standard,
    from: date,
    to: date,
    ...(practitionerId ? { practitionerId } : {}),
  });
  const res = await call(edge, `/v1/clinics/harbourside/availability?${q}`);
  expect(res.status, res.text).toBe(200);
  const days = res.body.days as { date: string; slots: Slot[] }[];
  return days.flatMap((d) => d.slots);
}

/** Clients and appointments the sandbox holds. */
export async function counts(): Promise<{ clients: number; appointments: number }> {
  const seed = await controls.seed();
  return { clients: seed.clientCount, appointments: seed.appointmentCount };
}

/** Asserts a problem+json answer of a type, without internals, and returns its body. */
export function expectProblem(res: Awaited<ReturnType<typeof call>>, status: number, type: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.body.type).toBe(`https://coreplus-kit.dev/problems/${type}`);
  expect(res.body.status).toBe(status);
  expect(res.text).not.toMatch(/stack|at \w+ \(|JwToken|secret/i);
  return res.body;
}

/** A booking body for a slot. */
export function bookingFor(ids: { standard: string }, slot: Slot, who: ReturnType<typeof patient>) {
  return {
    slot: {
      locationId: slot.locationId,
      practitionerId: slot.practitionerId,
      appointmentTypeId: ids.standard,
      start: slot.start,
    },
    patient: who,
    consent: true,
  };
}
