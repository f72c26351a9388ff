/**
 * Managing a booking over real HTTP against the sandbox: manage tokens in the booking answer, lookup
 * (one 404 body for every miss, bounded coreplus calls, limits), the token's booking, reschedule in
 * place, cancel, replays, races onto one slot, the notice period, and bad tokens of every kind.
 */
import { decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEV_MANAGE_SECRET } from "../src/manage/token.ts";
import { type Link, type Managed, manageClient } from "./manage-client.ts";
import { NEXT_MONDAY, PINNED_NOW, type Stack, seedIds, startStack } from "./stack.ts";

let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeAll(async () => {
  s = await startStack({
    // Each test plays its own visitors (lookups are limited per visitor).
    config: (c) => ({
      ...c,
      trustProxy: true,
      clinics: [...c.clinics, { ...c.clinics[0]!, slug: "elsewhere", name: "Elsewhere Health" }],
    }),
  });
  ids = seedIds(s);
});
afterAll(() => s?.close());

const { post, get, slots, key, bookSlot, appointmentByReference, reschedule, cancel } = manageClient(
  () => s,
  () => ids,
);

describe("manage tokens", () => {
  test("the booking answer carries a token naming only the clinic and the appointment, expiring at the start", async () => {
    const [slot] = await slots(NEXT_MONDAY);
    const { p, booking, manage, text } = await bookSlot(slot!);
    expect(booking.status).toBe("booked");
    expect(manage.expiresAt).toBe(booking.start);
    const claims = decodeJwt(manage.token);
    expect(Object.keys(claims).sort()).toEqual(["aud", "exp", "sub"]);
    expect(claims.aud).toBe("harbourside");
    expect(claims.sub).toBe(appointmentByReference(booking.reference).appointmentId);
    expect(claims.exp).toBe(Date.parse(booking.start) / 1000);
    for (const detail of [p.lastName, p.firstName, p.email, p.dateOfBirth])
      expect(`${manage.token}${text}`).not.toContain(detail);

    const got = await get(`/bookings/${manage.token}`);
    expect(got.status, got.text).toBe(200);
    expect(got.body.booking).toMatchObject({
      reference: booking.reference,
      start: booking.start,
      status: "booked",
      changeable: { cancel: true, reschedule: true },
    });
    // The token is a bearer credential: the request log names the route, never the token.
    const logs = JSON.stringify(s.logs);
    expect(logs).not.toContain(manage.token.split(".")[2]);
    expect(logs).toContain("/v1/clinics/harbourside/bookings/{token}");
    // The profile tells the widget the policy.
    const profile = await get("");
    expect((profile.body.clinic as { changes: unknown }).changes).toMatchObject({
      cancel: true,
      reschedule: true,
      noticeHours: 24,
    });
  });

  test("bad, forged, expired and other clinics' tokens are all the same 404", async () => {
    const [, slot] = await slots(NEXT_MONDAY);
    const { manage } = await bookSlot(slot!);
    const appointmentId = decodeJwt(manage.token).sub!;
    const secret = new TextEncoder().encode(DEV_MANAGE_SECRET);
    const sign = (aud: string, exp: number, key = secret) =>
      new SignJWT({})
        .setProtectedHeader({ alg: "HS256", typ: "coreplus-manage+jwt" })
        .setSubject(appointmentId)
        .setAudience(aud)
        .setExpirationTime(exp)
        .sign(key);
    const startS = decodeJwt(manage.token).exp!;
    const [head, payload, sig] = manage.token.split(".");
    const tokens = {
      garbage: "not-a-token",
      forged: `${head}.${payload}.${sig!.slice(0, -3)}${sig!.endsWith("AAA") ? "BBB" : "AAA"}`,
      otherSecret: await sign("harbourside", startS, new TextEncoder().encode("another-deployment-secret")),
      otherClinic: await sign("elsewhere", startS),
      expired: await sign("harbourside", Math.floor(PINNED_NOW.getTime() / 1000) - 60),
    };
    const bodies = new Set<string>();
    for (const [kind, token] of Object.entries(tokens)) {
      const got = await get(`/bookings/${encodeURIComponent(token)}`);
      expect(got.status, kind).toBe(404);
      bodies.add(got.text);
      const changed = await cancel(token, {}, key(`bad-${kind}`));
      expect(changed.status, kind).toBe(404);
      bodies.add(changed.text);
    }
    expect(bodies.size).toBe(1);
    expect(JSON.parse([...bodies][0]!)).toMatchObject({ type: expect.stringMatching(/booking-not-found$/) });
    // The genuine token for the other clinic is refused at this one, and accepted at its own.
    const own = await fetch(`${s.edge.url}/v1/clinics/elsewhere/bookings/${tokens.otherClinic}`);
    expect(own.status).toBe(200);
    expect(decodeJwt(manage.token).sub).toBe(appointmentId);
  });
});

describe("lookup", () => {
  test("right details give a token; wrong birthday, wrong last name and unknown reference give one 404 body", async () => {
    const [, , slot] = await slots(NEXT_MONDAY);
    const { p, booking } = await bookSlot(slot!);
    // Warm the catalogue so that only the lookup's own calls are counted.
    await get("");
    const counted = async (body: unknown) => {
      await s.controls.resetStats();
      const res = await post("/bookings/lookup", body);
      return { ...res, calls: (await s.controls.stats()).requests };
    };
    const hit = await counted({
      reference: booking.reference,
      lastName: p.lastName,
      dateOfBirth: p.dateOfBirth,
    });
    expect(hit.status, hit.text).toBe(200);
    const found = hit.body as { booking: Managed; manage: Link };
    expect(found.booking).toMatchObject({
      reference: booking.reference,
      start: booking.start,
      status: "booked",
    });
    expect(decodeJwt(found.manage.token).sub).toBe(appointmentByReference(booking.reference).appointmentId);
    expect((await get(`/bookings/${found.manage.token}`)).status).toBe(200);
    // Case and spacing of the last name do not matter.
    const loose = await post("/bookings/lookup", {
      reference: booking.reference,
      lastName: ` ${p.lastName.toUpperCase()} `,
      dateOfBirth: p.dateOfBirth,
    });
    expect(loose.status).toBe(200);

    const misses = [
      await counted({ reference: booking.reference, lastName: p.lastName, dateOfBirth: "1985-06-16" }),
      await counted({ reference: booking.reference, lastName: "Someone", dateOfBirth: p.dateOfBirth }),
      await counted({ reference: "999999", lastName: p.lastName, dateOfBirth: p.dateOfBirth }),
    ];
    for (const miss of misses) {
      expect(miss.status).toBe(404);
      expect(miss.text).toBe(misses[0]!.text);
      expect(miss.headers.get("content-type")).toBe(misses[0]!.headers.get("content-type"));
      expect(miss.calls).toBeLessThanOrEqual(3);
    }
    expect(hit.calls).toBeLessThanOrEqual(3);
    // A booking the edge did not make (the seed's, say) is found through the client's appointments.
    const seeded = [...s.sandbox.store.appointments.values()].find(
      (a) => a.start > PINNED_NOW.getTime() + 86_400_000 && a.status === "Booked",
    )!;
    const client = s.sandbox.store.clients.get(seeded.clientId)!;
    const front = await counted({
      reference: seeded.appointmentReferenceNumber,
      lastName: client.lastName,
      dateOfBirth: client.dateOfBirth,
    });
    expect(front.status, front.text).toBe(200);
    expect(front.calls).toBeLessThanOrEqual(3);
    // No patient detail in any log line.
    const logs = JSON.stringify(s.logs);
    for (const detail of [p.lastName, p.dateOfBirth, client.lastName]) expect(logs).not.toContain(detail);
  });

  test("at most 5 lookups an hour per reference and per visitor, then 429", async () => {
    const byRef = [];
    for (let i = 0; i < 6; i++)
      byRef.push(
        await post("/bookings/lookup", {
          reference: "424242",
          lastName: "Nobody",
          dateOfBirth: "1970-01-01",
        }),
      );
    expect(byRef.slice(0, 5).map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    expect(byRef[5]!.status).toBe(429);
    expect(byRef[5]!.headers.get("retry-after")).toMatch(/^\d+$/);

    const visitor = { "x-forwarded-for": "203.0.113.77" };
    const byVisitor = [];
    for (let i = 0; i < 6; i++)
      byVisitor.push(
        await post(
          "/bookings/lookup",
          { reference: String(500000 + i), lastName: "Nobody", dateOfBirth: "1970-01-01" },
          visitor,
        ),
      );
    expect(byVisitor.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 429]);
  });

  test("bad input is a validation problem naming the field", async () => {
    const res = await post("/bookings/lookup", {
      reference: "12ab",
      lastName: "",
      dateOfBirth: "1990-02-30",
    });
    expect(res.status).toBe(422);
    const pointers = (res.body.errors as { pointer: string }[]).map((e) => e.pointer).sort();
    expect(pointers).toEqual(["/dateOfBirth", "/lastName", "/reference"]);
  });
});

describe("reschedule and cancel", () => {
  test("reschedule moves the same coreplus appointment, frees the old time, and replays", async () => {
    const day = await slots(NEXT_MONDAY, ids.oconnor);
    const from = day[3]!;
    const to = day[6]!;
    const { booking, manage } = await bookSlot(from);
    const appointmentId = appointmentByReference(booking.reference).appointmentId;
    const k = key("move");
    const moved = await reschedule(manage.token, { start: to.start }, k);
    expect(moved.status, moved.text).toBe(200);
    const answer = moved.body as { booking: Managed; manage: Link };
    expect(answer.booking).toMatchObject({ reference: booking.reference, start: to.start, status: "booked" });
    expect(answer.manage.expiresAt).toBe(to.start);
    expect(decodeJwt(answer.manage.token).sub).toBe(appointmentId);
    // The same appointment moved: created once, updated once, nothing else.
    const stored = s.sandbox.store.appointment(appointmentId)!;
    expect(stored.start).toBe(Date.parse(to.start));
    const history = await s.controls.appointmentHistory(appointmentId);
    expect(history.map((h) => h.action)).toEqual(["created", "updated"]);
    // The old time is free again, the new one is not.
    const after = (await slots(NEXT_MONDAY, ids.oconnor)).map((x) => x.start);
    expect(after).toContain(from.start);
    expect(after).not.toContain(to.start);

    const replay = await reschedule(manage.token, { start: to.start }, k);
    expect(replay.status).toBe(200);
    expect(replay.text).toBe(moved.text);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await s.controls.appointmentHistory(appointmentId)).length).toBe(2);
    const reused = await reschedule(manage.token, { start: from.start }, k);
    expect(reused.status).toBe(422);
    expect(reused.body.type).toMatch(/idempotency-key-reused$/);
    const missingKey = await post(`/bookings/${manage.token}/reschedule`, { start: from.start });
    expect(missingKey.status).toBe(400);
    // A taken slot: 409, unchanged.
    const other = await bookSlot(day[8]!);
    const taken = await reschedule(answer.manage.token, { start: day[8]!.start }, key("taken"));
    expect(taken.status).toBe(409);
    expect(taken.body.type).toMatch(/slot-unavailable$/);
    expect(s.sandbox.store.appointment(appointmentId)!.start).toBe(Date.parse(to.start));
    expect(other.booking.start).toBe(day[8]!.start);
  });

  test("cancel marks it Cancelled, frees the slot, replays; a cancelled booking cannot be changed", async () => {
    const day = await slots("2026-12-08");
    const slot = day[0]!;
    const { booking, manage } = await bookSlot(slot);
    const appointmentId = appointmentByReference(booking.reference).appointmentId;
    const k = key("cancel");
    const done = await cancel(manage.token, { reason: "Feeling better" }, k);
    expect(done.status, done.text).toBe(200);
    expect(done.body.booking).toMatchObject({
      reference: booking.reference,
      status: "cancelled",
      changeable: { cancel: false, reschedule: false },
    });
    expect(s.sandbox.store.appointment(appointmentId)!.status).toBe("Cancelled");
    expect((await slots("2026-12-08", slot.practitionerId)).map((x) => x.start)).toContain(slot.start);

    const replay = await cancel(manage.token, { reason: "Feeling better" }, k);
    expect(replay.text).toBe(done.text);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const again = await cancel(manage.token, {}, key("cancel-again"));
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/booking-cancelled$/);
    const move = await reschedule(manage.token, { start: day[3]!.start }, key("move-cancelled"));
    expect(move.status).toBe(409);
    expect(move.body.type).toMatch(/booking-cancelled$/);
    expect((await get(`/bookings/${manage.token}`)).body.booking).toMatchObject({ status: "cancelled" });
    expect((await s.controls.appointmentHistory(appointmentId)).map((h) => h.action)).toEqual([
      "created",
      "cancelled",
    ]);
    const tooLong = await cancel(manage.token, { reason: "x".repeat(201) }, key("long"));
    expect(tooLong.status).toBe(422);
  });

  test("20 concurrent reschedules of two bookings onto one slot: exactly one booking moves", async () => {
    const day = await slots(NEXT_MONDAY, ids.nguyen);
    const [a, b, target] = [day[1]!, day[2]!, day[5]!];
    const first = await bookSlot(a);
    const second = await bookSlot(b);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const who = i % 2 === 0 ? first : second;
        return reschedule(who.manage.token, { start: target.start }, key(`race-${i}`)).then((r) => ({
          who: who.booking.reference,
          ...r,
        }));
      }),
    );
    const winners = new Set(results.filter((r) => r.status === 200).map((r) => r.who));
    expect(winners.size).toBe(1);
    for (const r of results) {
      if (winners.has(r.who)) expect(r.status, r.text).toBe(200);
      else {
        expect(r.status, r.text).toBe(409);
        expect(r.body.type).toMatch(/slot-unavailable$/);
      }
    }
    const atTarget = [...s.sandbox.store.appointments.values()].filter(
      (x) =>
        x.start === Date.parse(target.start) &&
        x.practitionerId === target.practitionerId &&
        x.status !== "Cancelled",
    );
    expect(atTarget).toHaveLength(1);
    const loser = [first, second].find((x) => !winners.has(x.booking.reference))!;
    expect(appointmentByReference(loser.booking.reference).start).toBe(Date.parse(loser.booking.start));
    const winner = [first, second].find((x) => winners.has(x.booking.reference))!;
    const history = await s.controls.appointmentHistory(
      appointmentByReference(winner.booking.reference).appointmentId,
    );
    expect(history.map((h) => h.action)).toEqual(["created", "updated"]);
  });

  test("inside the notice period: not changeable, and 409 too-late-to-change with the phone", async () => {
    const soon = (await slots("2026-11-30")).concat(await slots("2026-12-01"));
    const slot = soon.find((x) => Date.parse(x.start) < PINNED_NOW.getTime() + 24 * 3_600_000)!;
    expect(slot).toBeDefined();
    const { booking, manage } = await bookSlot(slot);
    const got = await get(`/bookings/${manage.token}`);
    expect(got.body.booking).toMatchObject({ changeable: { cancel: false, reschedule: false } });
    const refused = await cancel(manage.token, {}, key("late-cancel"));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      type: expect.stringMatching(/too-late-to-change$/),
      phone: "03 5550 1200",
    });
    const later = (await slots(NEXT_MONDAY))[0]!;
    const moved = await reschedule(manage.token, { start: later.start }, key("late-move"));
    expect(moved.status).toBe(409);
    expect(moved.body.type).toMatch(/too-late-to-change$/);
    expect(appointmentByReference(booking.reference).status).toBe("Booked");
  });
});
