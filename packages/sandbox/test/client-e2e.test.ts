/**
 * core's typed client drives the whole API end to end against a served sandbox, with the sandbox's
 * rate limit on: the client must stay under it (no 429 reaches the stats).
 */
import {
  CoreplusAuthError,
  CoreplusNotFoundError,
  CoreplusSlotUnavailableError,
  CoreplusValidationError,
  createCoreplusClient,
} from "@coreplus-kit/core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createSandboxControls } from "../src/index.js";
import { type RunningSandbox, serveSandbox } from "../src/node.js";
import { FIXED_NOW } from "./helpers.js";

let server: RunningSandbox;
beforeAll(async () => {
  server = await serveSandbox({ port: 0, now: () => FIXED_NOW, log: () => {} });
});
afterAll(() => server.close());

test("the client lists, creates, books, reschedules and cancels through every resource", async () => {
  const { sandbox } = server;
  const client = createCoreplusClient({ baseUrl: server.url, ...sandbox.credentials });
  const controls = createSandboxControls({ baseUrl: server.url });

  // Reference data.
  const locations = await client.locations.list();
  expect(locations.items.map((l) => l.name)).toEqual(sandbox.seed.locations.map((l) => l.name));
  expect(locations.paging).toEqual({ pageNumber: 1, pageSize: 50, totalRows: locations.items.length });
  const docklands = locations.items[0];
  if (!docklands) throw new Error("no location");
  expect(await client.locations.get(docklands.locationId)).toEqual(docklands);
  expect(docklands.timeZone.tzName).toBe("Australia/Melbourne");
  const practitioners = await client.practitioners.list({ locationId: docklands.locationId });
  expect(practitioners.items.length).toBeGreaterThan(2);
  const practitioner = practitioners.items[0];
  if (!practitioner) throw new Error("no practitioner");
  expect((await client.practitioners.get(practitioner.practitionerId)).email).toBe(practitioner.email);
  const types = await client.appointmentTypes.iterate().toArray();
  const standard = types.find((t) => t.durationMinutes === 30);
  if (!standard) throw new Error("no 30-minute type");
  const created = await client.appointmentTypes.create({ description: "Group Class", durationMinutes: 60 });
  expect(created.description).toBe("Group Class");

  // Clients: every seeded one over the pages, search, create, read, update.
  const all = await client.clients.iterate().toArray();
  expect(all).toHaveLength(sandbox.seed.clientCount);
  expect(new Set(all.map((c) => c.clientId)).size).toBe(all.length);
  const { clientId } = await client.clients.create({
    firstName: "Ruby",
    lastName: "Fairweather",
    dateOfBirth: "1992-07-14",
    phoneNumberMobile: "0491 570 156",
    email: "ruby.fairweather@example.com",
  });
  const found = await client.clients.list({ name: "fairweather" });
  expect(found.items.map((c) => c.clientId)).toEqual([clientId]);
  const detail = await client.clients.get(clientId);
  expect(detail).toMatchObject({
    firstName: "Ruby",
    dateOfBirth: "1992-07-14",
    phoneNumberMobile: "0491 570 156",
  });
  const updated = await client.clients.update(clientId, { preferredName: "Rubes" });
  expect(updated.preferredName).toBe("Rubes");

  // Availability, booking, conflict, reschedule, cancel.
  const query = {
    startDate: "2026-06-01",
    endDate: "2026-06-03",
    timezoneId: docklands.timeZone.timezoneId,
    locationId: docklands.locationId,
    appointmentTypeId: standard.appointmentTypeId,
  };
  const slots = await client.availability.iterate(query).toArray();
  const [slot, other] = slots;
  if (!slot || !other) throw new Error("no free slots");
  const booking = {
    startDateTime: slot.startDateTime,
    endDateTime: slot.endDateTime,
    practitioner: { practitionerId: slot.practitionerId ?? "" },
    locationId: slot.locationId,
    clients: [{ clientId }],
    appointmentTypeId: standard.appointmentTypeId,
    isSmsReminderRequired: true,
  };
  const appointment = await client.appointments.book(booking);
  expect(appointment).toMatchObject({
    status: "Booked",
    startDateTime: slot.startDateTime,
    isSmsReminderRequired: true,
  });
  await expect(client.appointments.book(booking)).rejects.toBeInstanceOf(CoreplusSlotUnavailableError);
  const fetched = await client.appointments.get(appointment.appointmentId, { getPractitionerProfiles: true });
  expect(fetched.practitioner.lastName).toBeTruthy();
  const moved = await client.appointments.update(appointment.appointmentId, {
    startDateTime: other.startDateTime,
    endDateTime: other.endDateTime,
    practitioner: { practitionerId: other.practitionerId ?? "" },
    notes: "Moved by phone",
  });
  expect(moved).toMatchObject({ startDateTime: other.startDateTime, notes: "Moved by phone" });
  const mine = await client.appointments.list({ ...query, clientId });
  expect(mine.items.map((a) => a.appointmentId)).toEqual([appointment.appointmentId]);
  const cancelled = await client.appointments.cancel(appointment.appointmentId, { notes: "Unwell" });
  expect(cancelled.status).toBe("Cancelled");
  expect((await client.appointments.cancel(appointment.appointmentId)).status).toBe("Cancelled");
  const again = await client.availability.iterate(query).toArray();
  expect(
    again.some((s) => s.startDateTime === other.startDateTime && s.practitionerId === other.practitionerId),
  ).toBe(true);
  const withCancelled = await client.appointments.list({ ...query, clientId, includeCancelled: true });
  expect(withCancelled.items[0]?.status).toBe("Cancelled");

  // Typed errors.
  await expect(client.clients.get("00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(
    CoreplusNotFoundError,
  );
  await expect(
    client.clients.create({ firstName: "", lastName: "X", dateOfBirth: "2000-01-01" }),
  ).rejects.toBeInstanceOf(CoreplusValidationError);
  const stranger = createCoreplusClient({
    baseUrl: server.url,
    ...sandbox.credentials,
    consumerSecret: "wrong",
  });
  await expect(stranger.locations.list()).rejects.toBeInstanceOf(CoreplusAuthError);

  // v2 serves the same data.
  const v2 = createCoreplusClient({
    baseUrl: `${server.url}/API/Core/v2`,
    version: "v2",
    ...sandbox.credentials,
  });
  expect((await v2.locations.list()).items).toEqual(locations.items);

  // The client kept under the 10 requests/second limit the sandbox enforced throughout.
  const stats = await controls.stats();
  expect(stats.requests).toBeGreaterThan(20);
  expect(stats.rateLimited).toBe(0);
}, 60_000);

test("the client manages a booking in place and records a carer: get, update, cancel, clientFamily.create", async () => {
  const { sandbox } = server;
  const client = createCoreplusClient({ baseUrl: server.url, ...sandbox.credentials });
  const controls = createSandboxControls({ baseUrl: server.url });
  const docklands = sandbox.seed.locations.find((l) => l.name.endsWith("Docklands"));
  const standard = sandbox.seed.appointmentTypes.find((t) => t.durationMinutes === 30);
  if (!docklands || !standard) throw new Error("seed changed");
  const { clientId } = await client.clients.create({
    firstName: "Theo",
    lastName: "Marsh",
    dateOfBirth: "2018-04-02",
  });
  const query = {
    startDate: "2026-06-08",
    endDate: "2026-06-10",
    timezoneId: docklands.timezoneId,
    locationId: docklands.locationId,
    appointmentTypeId: standard.appointmentTypeId,
  };
  const slots = await client.availability.iterate(query).toArray();
  const [first] = slots;
  const later = slots.find(
    (s) => s.practitionerId === first?.practitionerId && s.startDateTime > (first?.endDateTime ?? ""),
  );
  if (!first || !later) throw new Error("no free slots");
  const book = (slot: typeof first, who = clientId) =>
    client.appointments.book({
      startDateTime: slot.startDateTime,
      endDateTime: slot.endDateTime,
      practitioner: { practitionerId: slot.practitionerId ?? "" },
      locationId: slot.locationId,
      clients: [{ clientId: who }],
      appointmentTypeId: standard.appointmentTypeId,
    });
  const free = async (slot: typeof first) =>
    (await client.availability.iterate(query).toArray()).some(
      (s) => s.startDateTime === slot.startDateTime && s.practitionerId === slot.practitionerId,
    );

  const booked = await book(first);
  const moved = await client.appointments.update(booked.appointmentId, {
    startDateTime: later.startDateTime,
    endDateTime: later.endDateTime,
  });
  expect(moved).toMatchObject({ appointmentId: booked.appointmentId, startDateTime: later.startDateTime });
  expect(await free(first)).toBe(true);
  expect(await free(later)).toBe(false);

  // Someone else takes the old time; moving back onto it is refused and changes nothing.
  const other = [...sandbox.store.clients.values()].find(
    (c) => c.clientId !== clientId && c.status === "Current",
  );
  await book(first, other?.clientId);
  await expect(
    client.appointments.update(booked.appointmentId, {
      startDateTime: first.startDateTime,
      endDateTime: first.endDateTime,
    }),
  ).rejects.toBeInstanceOf(CoreplusSlotUnavailableError);
  const fetched = await client.appointments.get(booked.appointmentId, { getPractitionerProfiles: true });
  expect(fetched.startDateTime).toBe(later.startDateTime);
  expect(fetched.practitioner.firstName).toBeTruthy();

  const cancelled = await client.appointments.cancel(booked.appointmentId, { notes: "Family holiday" });
  expect(cancelled.status).toBe("Cancelled");
  expect(await free(later)).toBe(true);
  expect((await client.appointments.cancel(booked.appointmentId)).status).toBe("Cancelled");
  const withReason = await client.appointments.get(booked.appointmentId, { cancellationId: true });
  expect(withReason.cancellationNotes).toBe("Family holiday");
  expect((await controls.appointmentHistory(booked.appointmentId)).map((h) => h.action)).toEqual([
    "created",
    "updated",
    "cancelled",
  ]);

  const carer = await client.clientFamily.create({
    clientId: { clientId },
    firstName: "Hannah",
    surname: "Marsh",
    relationship: "Mother",
    mobile: "0491 570 313",
    mainContact: true,
  });
  expect(carer).toMatchObject({ firstName: "Hannah", relationship: "Mother", mainContact: true });
  expect(carer.dateOfBirth).toBeUndefined();
  expect((await controls.clientFamily(clientId)).map((f) => f.familyId)).toEqual([carer.familyId]);
  await expect(
    client.clientFamily.create({
      clientId: "00000000-0000-4000-8000-000000000000",
      firstName: "A",
      surname: "B",
    }),
  ).rejects.toBeInstanceOf(CoreplusValidationError);
}, 60_000);
