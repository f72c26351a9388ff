/**
 * Reads the public edge API from the browser, as any page of a clinic's site could (no token).
 * The API origin comes from the page's `<meta name="coreplus-api">`, which the demo server points at
 * the edge API it runs.
 */
import type {
  AppointmentTypesResponse,
  ClinicProfileResponse,
  PractitionersResponse,
} from "@coreplus-kit/edge-api";

/** The clinic slug every demo page uses. */
export const CLINIC = "harbourside";

/** The edge API origin this page talks to. */
export function edgeApiUrl(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="coreplus-api"]');
  return meta?.content || "http://127.0.0.1:8787";
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`${edgeApiUrl()}/v1/clinics/${CLINIC}${path}`, {
    headers: { accept: "application/json" },
    ...(signal ? { signal } : {}),
  });
  if (!res.ok) throw new Error(`The booking service answered ${res.status}`);
  return (await res.json()) as T;
}

/** The clinic's public profile (locations, rules). */
export function getClinic(signal?: AbortSignal): Promise<ClinicProfileResponse> {
  return getJson("", signal);
}

/** Bookable practitioners. */
export function getPractitioners(signal?: AbortSignal): Promise<PractitionersResponse> {
  return getJson("/practitioners", signal);
}

/** Bookable appointment types, optionally for one practitioner. */
export function getAppointmentTypes(
  query: { practitionerId?: string; locationId?: string } = {},
  signal?: AbortSignal,
): Promise<AppointmentTypesResponse> {
  const params = new URLSearchParams();
  if (query.locationId) params.set("locationId", query.locationId);
  if (query.practitionerId) params.set("practitionerId", query.practitionerId);
  const qs = params.toString();
  return getJson(`/appointment-types${qs ? `?${qs}` : ""}`, signal);
}
