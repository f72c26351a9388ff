/**
 * The calendar file of a manage token over real HTTP against the sandbox: the three headers, an RFC 5545
 * body (CRLF, folded at 75 octets) with the booking as coreplus has it now (after a reschedule and a
 * cancel too) and no patient detail, the same 404 as the token's booking for bad tokens, and 422 on a
 * `manage` link that is not a page of a website the clinic allows.
 */
import { decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ANSWER_MEMO_MAX_AGE_MS } from "../src/app/answer-memo.ts";
import { DEV_MANAGE_SECRET } from "../src/manage/token.ts";
import { manageClient } from "./manage-client.ts";
import { NEXT_MONDAY, type Stack, seedIds, startStack } from "./stack.ts";

const SITE = "https://harbourside.example";

let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeAll(async () => {
  s = await startStack({
    config: (c) => ({
      ...c,
      trustProxy: true,
      clinics: [
        { ...c.clinics[0]!, allowedOrigins: [SITE] },
        {
          ...c.clinics[0]!,
          slug: "elsewhere",
          name: "Elsewhere Health",
          allowedOrigins: ["https://elsewhere.example"],
        },
      ],
    }),
  });
  ids = seedIds(s);
});
afterAll(() => s?.close());

const { slots, key, bookSlot, appointmentByReference, reschedule, cancel } = manageClient(
  () => s,
  () => ids,
);

let visitor = 0;
/** GET the token's calendar.ics (`query` as given) as a new visitor. */
async function calendar(token: string, query = "", clinic = "harbourside") {
  const res = await fetch(
    `${s.edge.url}/v1/clinics/${clinic}/bookings/${encodeURIComponent(token)}/calendar.ics${query}`,
    { headers: { "x-forwarded-for": `198.51.100.${200 + (++visitor % 50)}` } },
  );
  return { status: res.status, headers: res.headers, text: await res.text() };
}
const withManage = (link: string) => `?${new URLSearchParams({ manage: link })}`;
const manageLink = (token: string) => `${SITE}/manage?coreplus_booking=${token}`;

/** The file's content lines, unfolded (RFC 5545 §3.1), after checking CRLF and the 75-octet fold. */
function contentLines(text: string): string[] {
  expect(text.endsWith("\r\n")).toBe(true);
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  }
  const lines: string[] = [];
  for (const line of physical)
    if (line.startsWith(" ")) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  return lines;
}
const propertyOf = (lines: string[], name: string) =>
  lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
const utc = (iso: string) => new Date(iso).toISOString().replace(/[-:]|\.\d{3}/g, "");

describe("GET …/bookings/{token}/calendar.ics", () => {
  test("200: the headers, one event of the booking, the manage link, and no patient detail", async () => {
    const [slot] = await slots(NEXT_MONDAY);
    const { p, booking, manage } = await bookSlot(slot!);
    const link = manageLink(manage.token);
    const got = await calendar(manage.token, withManage(link));
    expect(got.status, got.text).toBe(200);
    expect(got.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(got.headers.get("content-disposition")).toBe(
      `attachment; filename="appointment-${booking.reference}.ics"`,
    );
    expect(got.headers.get("cache-control")).toBe("no-store");

    const lines = contentLines(got.text);
    expect(lines.slice(0, 6)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//coreplus-kit//edge-api//EN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      `UID:${booking.reference}@coreplus-kit`,
    ]);
    expect(lines.slice(-2)).toEqual(["END:VEVENT", "END:VCALENDAR"]);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    const b = booking as typeof booking & {
      end: string;
      appointmentType: { name: string };
      location: { name: string; address: string; phone: string };
      practitioner: { displayName: string };
    };
    expect(propertyOf(lines, "DTSTART")).toBe(utc(b.start));
    expect(propertyOf(lines, "DTEND")).toBe(utc(b.end));
    expect(propertyOf(lines, "DTSTAMP")).toBe("20261129T210000Z"); // the pinned business time
    expect(propertyOf(lines, "SUMMARY")).toBe(`${b.appointmentType.name} · Harbourside Health`);
    const esc = (t: string) => t.replace(/[\\;,]/g, (c) => `\\${c}`);
    expect(propertyOf(lines, "LOCATION")).toBe(esc(`${b.location.name}, ${b.location.address}`));
    expect(propertyOf(lines, "URL")).toBe(link);
    expect(propertyOf(lines, "DESCRIPTION")?.split("\\n")).toEqual([
      `Reference: ${b.reference}`,
      `With: ${esc(b.practitioner.displayName)}`,
      esc(b.location.phone),
      `Change or cancel: ${esc(link)}`,
    ]);
    expect(propertyOf(lines, "STATUS")).toBe("CONFIRMED");
    for (const detail of [
      p.firstName,
      p.lastName,
      p.email,
      p.mobile,
      p.dateOfBirth,
      p.dateOfBirth.replaceAll("-", ""),
    ])
      expect(got.text).not.toContain(detail);

    // Without `manage`: no URL and no change line. The token never reaches a log line.
    const plain = contentLines((await calendar(manage.token)).text);
    expect(propertyOf(plain, "URL")).toBeUndefined();
    expect(plain.join("\n")).not.toContain("Change or cancel");
    const logs = JSON.stringify(s.logs);
    expect(logs).not.toContain(manage.token.split(".")[2]);
    expect(logs).toContain("/v1/clinics/harbourside/bookings/{token}/calendar.ics");
  });

  test("after a reschedule the new token's file has the new times; after a cancel, STATUS:CANCELLED", async () => {
    const day = await slots(NEXT_MONDAY, ids.oconnor);
    const [from, to] = [day[4]!, day[7]!];
    const { manage } = await bookSlot(from);
    const moved = await reschedule(manage.token, { start: to.start }, key("ics-move"));
    expect(moved.status, moved.text).toBe(200);
    const { booking, manage: link } = moved.body as {
      booking: { reference: string; start: string; end: string };
      manage: { token: string };
    };
    const after = contentLines((await calendar(link.token, withManage(manageLink(link.token)))).text);
    expect(propertyOf(after, "DTSTART")).toBe(utc(to.start));
    expect(propertyOf(after, "DTEND")).toBe(utc(booking.end));
    expect(propertyOf(after, "DTSTART")).not.toBe(utc(from.start));
    expect(propertyOf(after, "STATUS")).toBe("CONFIRMED");

    const done = await cancel(link.token, {}, key("ics-cancel"));
    expect(done.status, done.text).toBe(200);
    const cancelled = await calendar(link.token);
    expect(cancelled.status).toBe(200);
    const lines = contentLines(cancelled.text);
    expect(propertyOf(lines, "STATUS")).toBe("CANCELLED");
    expect(propertyOf(lines, "UID")).toBe(`${booking.reference}@coreplus-kit`);
    expect(appointmentByReference(booking.reference).status).toBe("Cancelled");
  });

  test("never remembered by the answer memo: asked again at once, the file is read fresh from coreplus", async () => {
    const [, , , , , slot] = await slots(NEXT_MONDAY);
    const { booking, manage } = await bookSlot(slot!);
    await calendar(manage.token); // the catalogue is a cache hit from here on, as a remembered read's must be
    const started = performance.now();
    const first = await calendar(manage.token);
    // Cancelled at the front desk, straight in coreplus: no write of this process tells the memo.
    appointmentByReference(booking.reference).status = "Cancelled";
    const second = await calendar(manage.token);
    // Well inside the memo's bound, so a remembered answer would have been served.
    expect(performance.now() - started).toBeLessThan(ANSWER_MEMO_MAX_AGE_MS);
    expect(propertyOf(contentLines(first.text), "STATUS")).toBe("CONFIRMED");
    expect(propertyOf(contentLines(second.text), "STATUS")).toBe("CANCELLED");
  });

  test("a bad, forged or other clinic's token: the same 404 as GET …/bookings/{token}", async () => {
    const [, slot] = await slots(NEXT_MONDAY);
    const { manage } = await bookSlot(slot!);
    const [head, payload, sig] = manage.token.split(".");
    const forged = `${head}.${payload}.${sig!.slice(0, -3)}${sig!.endsWith("AAA") ? "BBB" : "AAA"}`;
    const claims = decodeJwt(manage.token);
    const otherClinic = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256", typ: "coreplus-manage+jwt" })
      .setSubject(claims.sub!)
      .setAudience("elsewhere")
      .setExpirationTime(claims.exp!)
      .sign(new TextEncoder().encode(DEV_MANAGE_SECRET));
    const reference = await fetch(`${s.api}/bookings/not-a-token`);
    const expected = await reference.text();
    expect(reference.status).toBe(404);
    for (const token of ["not-a-token", forged, otherClinic]) {
      const got = await calendar(token, withManage(manageLink(token)));
      expect(got.status).toBe(404);
      expect(got.headers.get("content-type")).toBe("application/problem+json");
      expect(got.text).toBe(expected);
    }
    expect(JSON.parse(expected)).toMatchObject({ type: expect.stringMatching(/booking-not-found$/) });
    // The other clinic's genuine token is that clinic's file.
    expect((await calendar(otherClinic, "", "elsewhere")).status).toBe(200);
  });

  test("422 on `manage` unless it is an http(s) page of a website the clinic allows", async () => {
    const [, , , slot] = await slots(NEXT_MONDAY);
    const { manage } = await bookSlot(slot!);
    const ok = [
      manageLink(manage.token),
      `http://localhost:5173/book?coreplus_booking=${manage.token}`, // loopback: the sandbox clinic allows it
      `${SITE}/${"m".repeat(2000 - SITE.length - 1)}`, // exactly 2,000 characters
    ];
    for (const link of ok) expect((await calendar(manage.token, withManage(link))).status, link).toBe(200);
    const bad = {
      foreign: "https://elsewhere.example/manage",
      lookalike: "https://harbourside.example.evil.test/manage",
      javascript: "javascript:alert(document.cookie)",
      relative: "/manage?coreplus_booking=x",
      tooLong: `${SITE}/${"m".repeat(2000 - SITE.length)}`, // 2,001 characters
      ftp: "ftp://harbourside.example/manage",
    };
    expect(bad.tooLong).toHaveLength(2001);
    for (const [kind, link] of Object.entries(bad)) {
      const got = await calendar(manage.token, withManage(link));
      expect(got.status, kind).toBe(422);
      expect(got.headers.get("content-type")).toBe("application/problem+json");
      const body = JSON.parse(got.text) as { type: string; errors: { pointer: string; code: string }[] };
      expect(body.type, kind).toMatch(/\/validation$/);
      expect(
        body.errors.map((e) => e.pointer),
        kind,
      ).toEqual(["/query/manage"]);
      expect(got.text).not.toContain(link);
    }
    // Only `manage` is read: anything else in the query is ignored.
    expect((await calendar(manage.token, "?utm_source=email&x=1")).status).toBe(200);
  });
});
