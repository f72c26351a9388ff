/**
 * Managing a booking over HTTP, as the widget does it, for the manage suites: every POST plays a new
 * visitor (lookups are limited per visitor) and carries a freshly solved proof unless its body says
 * `proof: undefined` (none) or brings its own.
 */
import { expect } from "vitest";
import { bookingBody, jsonAnswer, patient, postBooking, proved, type Stack, type seedIds } from "./stack.ts";

export type Slot = { start: string; practitionerId: string; locationId: string };
export type Managed = {
  reference: string;
  start: string;
  status: "booked" | "cancelled";
  practitioner: { id: string };
  changeable: { cancel: boolean; reschedule: boolean; until: string };
};
export type Link = { token: string; expiresAt: string };

let visitorCounter = 0;
let keyCounter = 0;

/** The manage helpers for one stack (read when called: suites start theirs in beforeAll). */
export function manageClient(stack: () => Stack, ids: () => ReturnType<typeof seedIds>) {
  const newVisitor = () => `198.51.100.${++visitorCounter}`;

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const s = stack();
    const res = await fetch(`${s.api}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": newVisitor(), ...headers },
      body: JSON.stringify(await proved(s.api, body)),
    });
    return jsonAnswer(res);
  }

  async function get(path: string) {
    const res = await fetch(`${stack().api}${path}`, { headers: { "x-forwarded-for": newVisitor() } });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as Record<string, unknown> };
  }

  async function slots(date: string, practitionerId?: string): Promise<Slot[]> {
    const q: Record<string, string> = {
      locationId: ids().docklands,
      appointmentTypeId: ids().standard,
      from: date,
      to: date,
    };
    if (practitionerId) q.practitionerId = practitionerId;
    const res = await fetch(`${stack().api}/availability?${new URLSearchParams(q)}`);
    return ((await res.json()) as { days: { slots: Slot[] }[] }).days[0]!.slots;
  }

  const key = (tag: string) => `manage-${tag}-${++keyCounter}-key`;

  /** Books a slot; returns the patient, the booking and its manage link. */
  async function bookSlot(slot: Slot) {
    const p = patient();
    const res = await postBooking(stack().api, bookingBody(slot, ids().standard, p), key("book"));
    expect(res.status, res.text).toBe(201);
    const body = res.body as { booking: Managed; manage: Link };
    return { p, booking: body.booking, manage: body.manage, text: res.text };
  }

  const appointmentByReference = (reference: string) =>
    [...stack().sandbox.store.appointments.values()].find((a) => a.appointmentReferenceNumber === reference)!;

  const reschedule = (token: string, body: unknown, k: string) =>
    post(`/bookings/${encodeURIComponent(token)}/reschedule`, body, { "idempotency-key": k });
  const cancel = (token: string, body: unknown, k: string) =>
    post(`/bookings/${encodeURIComponent(token)}/cancel`, body, { "idempotency-key": k });

  return { post, get, slots, key, bookSlot, appointmentByReference, reschedule, cancel };
}
