/** Shared test helpers: a sandbox on a fixed business clock and a signed-request caller. */
import { createHmac } from "node:crypto";
import { createRequestSigner } from "@coreplus-kit/core";
import { createSandbox, type Sandbox, type SandboxOptions } from "../src/index.js";

/** Tuesday 19 May 2026, 09:00 in Melbourne (+10:00): a weekday morning with Melbourne on standard time. */
export const FIXED_NOW = new Date("2026-05-18T23:00:00Z");

/** A sandbox frozen at {@link FIXED_NOW}, rate limit off unless asked. */
export function testSandbox(opts: SandboxOptions = {}): Sandbox {
  return createSandbox({ now: () => FIXED_NOW, rateLimit: false, ...opts });
}

/** The documented 409 body of a booking or reschedule onto a time that is not free (spelled out, not imported). */
export const NOT_AVAILABLE = {
  result: [{ severity: 2, reason: "The selected time is not available for booking an appointment" }],
};

/** An appointment as the API answers it. */
export type AppointmentJson = {
  appointmentId: string;
  appointmentReferenceNumber: string;
  status: string;
  practitioner: { practitionerId: string; firstName?: string; lastName?: string };
  subject: string;
  notes: string;
  locationId: string;
  appointmentTypeId: string | null;
  startDateTime: string;
  endDateTime: string;
  clients: { clientId: string }[];
  notifyPractitioner: boolean;
  isSmsReminderRequired: boolean;
  isEmailReminderRequired: boolean;
  cancellationReasonId?: string | null;
  cancellationNotes?: string | null;
};

/** A free slot as the availability list answers it. */
export type SlotJson = {
  startDateTime: string;
  endDateTime: string;
  practitionerId: string;
  locationId: string;
};

/** The body of a booking of `slot` for one client. */
export function slotBooking(
  slot: SlotJson,
  clientId: string,
  appointmentTypeId?: string,
): Record<string, unknown> {
  return {
    startDateTime: slot.startDateTime,
    endDateTime: slot.endDateTime,
    practitioner: { practitionerId: slot.practitionerId },
    locationId: slot.locationId,
    clients: [{ clientId }],
    appointmentTypeId,
  };
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | string[]>;
  version?: "v2" | "v2.1";
  headers?: Record<string, string>;
}

/** Builds the absolute URL of an API path with its query (the exact string that gets signed). */
export function apiUrl(path: string, opts: CallOptions = {}, origin = "http://sandbox.test"): string {
  const url = new URL(`${origin}/API/Core/${opts.version ?? "v2.1"}${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
  }
  return url.toString();
}

/** Calls the sandbox app in-process with a correctly signed request. */
export async function call<T = Record<string, unknown>>(
  sandbox: Sandbox,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<ApiResponse<T>> {
  const signer = createRequestSigner(sandbox.credentials);
  const url = apiUrl(path, opts);
  const headers: Record<string, string> = {
    authorization: await signer.authorization(method, url),
    "content-type": "application/json",
    ...opts.headers,
  };
  const init: RequestInit = { method, headers };
  if (opts.body !== undefined)
    init.body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  const res = await sandbox.app.fetch(new Request(url, init));
  const text = await res.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body: body as T, headers: res.headers, text };
}

/** Calls a served sandbox over real HTTP with a correctly signed request. */
export async function callHttp<T = Record<string, unknown>>(
  origin: string,
  sandbox: Sandbox,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<ApiResponse<T>> {
  const signer = createRequestSigner(sandbox.credentials);
  const url = apiUrl(path, opts, origin);
  const init: RequestInit = {
    method,
    headers: {
      authorization: await signer.authorization(method, url),
      "content-type": "application/json",
      ...opts.headers,
    },
  };
  if (opts.body !== undefined)
    init.body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body: body as T, headers: res.headers, text };
}

/** An HS256 JwToken built by hand (node:crypto), signing `url` exactly as given, unlike core's signer. */
export function handSignedAuthorization(
  credentials: { consumerId: string; consumerSecret: string; accessToken: string },
  method: string,
  url: string,
): string {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (s: string) => Buffer.from(s).toString("base64url");
  const input = `${b64(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64(
    JSON.stringify({
      iss: "https://clinic.example",
      aud: "https://sandbox.coreplus.com.au",
      nbf: now,
      exp: now + 60,
      consumerId: credentials.consumerId,
      accessToken: credentials.accessToken,
      url,
      httpMethod: method,
    }),
  )}`;
  return `JwToken ${input}.${createHmac("sha256", credentials.consumerSecret).update(input).digest("base64url")}`;
}
