/**
 * /appointments end to end: signed HTTP requests to the running receiver, the real sandbox behind the
 * coreplus client (business clock pinned), a fake Slack recording what the bot sends.
 */
import { request as httpRequest } from "node:http";
import { dateInZone, formatInZone } from "@coreplus-kit/core";
import { createSandboxControls, type SandboxControls } from "@coreplus-kit/sandbox";
import { slashCommandBody } from "@coreplus-kit/slackbot/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initials } from "../src/day/patient-label.js";
import { command, PINNED_NOW, postSigned, type Rig, responses, startRig } from "./harness.js";
import { blockKitViolations, visibleText } from "./limits.js";

const EMAILS = {
  U0MEI: "Mei.Chen@harbourside.example",
  U0DESK: "reception@harbourside.example",
  U0NEW: "new.starter@harbourside.example",
  U0BOSS: "owner@harbourside.example",
};

let rig: Rig;
let controls: SandboxControls;

beforeAll(async () => {
  rig = await startRig(
    {
      viewers: ["U0DESK"],
      admins: ["U0BOSS"],
      // Marco has no Slack email match; he is linked explicitly.
      practitionerMap: {},
    },
    EMAILS,
  );
  controls = createSandboxControls({ baseUrl: rig.sandbox.url, adminToken: rig.sandbox.sandbox.adminToken });
});

afterAll(async () => {
  // Patient data never reaches a channel: nothing in this suite may have posted a channel message.
  expect(rig.slack.calls.filter((c) => c.method === "chat.postMessage")).toEqual([]);
  await rig.close();
});

/** The sandbox's own view of a practitioner's appointments on their locations' local "today". */
function sandboxDay(practitionerEmail: string, locationId?: string) {
  const { store, seed } = rig.sandbox.sandbox;
  const practitioner = seed.practitioners.find((p) => p.email === practitionerEmail);
  if (!practitioner) throw new Error(`no practitioner ${practitionerEmail}`);
  return [...store.appointments.values()]
    .filter(
      (a) => a.practitionerId === practitioner.practitionerId && (!locationId || a.locationId === locationId),
    )
    .filter((a) => {
      const zone = store.locations.get(a.locationId)!.zone;
      return dateInZone(a.start, zone) === dateInZone(PINNED_NOW, zone);
    })
    .map((a) => {
      const zone = store.locations.get(a.locationId)!.zone;
      const client = store.clients.get(a.clientId)!;
      return {
        range: `${formatInZone(a.start, zone).slice(11, 16)}–${formatInZone(a.end, zone).slice(11, 16)}`,
        status: a.status,
        initials: initials(client),
        fullName: `${client.firstName} ${client.lastName}`,
        dateOfBirth: client.dateOfBirth,
        subject: a.subject,
        notes: a.notes,
        practitioner,
      };
    });
}

describe("a valid signed /appointments", () => {
  it("is acknowledged at once and answered privately with the sandbox's real appointments for today", async () => {
    const expected = sandboxDay("mei.chen@harbourside.example");
    expect(expected.length).toBeGreaterThan(0);
    const { status, ms, responseId } = await command(rig, "U0MEI", "");
    expect(status).toBe(200);
    expect(ms).toBeLessThan(2500);
    const messages = await responses(rig, responseId);
    expect(messages[0]?.response_type).toBe("ephemeral");
    expect(blockKitViolations(messages)).toEqual([]);
    const text = visibleText(messages);
    const cancelled = expected.filter((a) => a.status === "Cancelled").length;
    const active = expected.length - cancelled;
    expect(text).toContain("Thursday 3 December 2026");
    expect(text).toContain(
      `*Dr Mei Chen* · ${active} appointment${active === 1 ? "" : "s"}${cancelled ? ` (${cancelled} cancelled)` : ""}`,
    );
    const sections = messages
      .flatMap((m) => m.blocks)
      .flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));
    for (const a of expected) {
      const line = sections.find((t) => t.includes(a.range) && t.includes(a.initials));
      expect(line, `${a.range} ${a.initials}`).toBeDefined();
      expect(line).toContain(a.status === "Cancelled" ? "*Cancelled*" : a.status);
      // Privacy: no subject (which holds name and date of birth), no notes, no full name.
      expect(text).not.toContain(a.subject);
      if (a.notes) expect(text).not.toContain(a.notes);
      expect(text).not.toContain(a.fullName);
    }
    const audit = rig.audit.find((e) => e.user === "U0MEI" && e.surface === "command");
    expect(audit).toMatchObject({
      outcome: "answered",
      scope: "self",
      date: "2026-12-03",
      appointments: expected.length,
    });
  });

  it("answers help, and a near-miss name with a suggestion", async () => {
    const help = await command(rig, "U0MEI", "help");
    expect(visibleText(await responses(rig, help.responseId))).toContain("`/appointments tomorrow`");
    const miss = await command(rig, "U0DESK", "tomorrow mie chen");
    const text = visibleText(await responses(rig, miss.responseId));
    expect(text).toContain("Did you mean *Dr Mei Chen*?");
    expect(text).toContain("`/appointments tomorrow`");
  });

  it("tells an unlinked user how to get linked, after asking Slack for their email", async () => {
    const { responseId } = await command(rig, "U0NEW", "tomorrow");
    const text = visibleText(await responses(rig, responseId));
    expect(text).toContain("isn't linked to a coreplus practitioner");
    expect(text).toContain("new.starter@harbourside.example");
    expect(text).toContain("`U0NEW`");
    expect(rig.slack.calls.some((c) => c.method === "users.info" && c.body.user === "U0NEW")).toBe(true);
    expect(rig.audit.find((e) => e.user === "U0NEW")).toMatchObject({ outcome: "unlinked" });
  });

  it("lets a practitioner see only their own day", async () => {
    const other = await command(rig, "U0MEI", "marco russo");
    expect(visibleText(await responses(rig, other.responseId))).toContain(
      "You can see your own appointments",
    );
    const all = await command(rig, "U0MEI", "all");
    // Refused in human terms, naming reception (SLACK_VIEWERS) as who can help.
    expect(visibleText(await responses(rig, all.responseId))).toContain(
      "Only reception and practice managers can see other diaries. Ask <@U0DESK>.",
    );
    expect(rig.audit.filter((e) => e.user === "U0MEI" && e.outcome === "forbidden")).toHaveLength(2);
  });

  it("lets reception see everyone's day at one location", async () => {
    const { store, seed } = rig.sandbox.sandbox;
    const williamstown = seed.locations.find((l) => l.name.endsWith("Williamstown"))!;
    const expected = [...store.appointments.values()].filter(
      (a) =>
        a.locationId === williamstown.locationId && dateInZone(a.start, williamstown.zone) === "2026-12-03",
    );
    const { responseId } = await command(rig, "U0DESK", "all at williamstown");
    const messages = await responses(rig, responseId);
    expect(blockKitViolations(messages)).toEqual([]);
    const text = visibleText(messages);
    expect(text).toContain(
      `*All practitioners* · at Harbourside Health Williamstown · ${expected.filter((a) => a.status !== "Cancelled").length} appointments`,
    );
    for (const a of expected) expect(text).not.toContain(a.subject);
  });

  it("shares one coreplus fetch between identical requests in flight", async () => {
    await controls.setLatency(400, { path: "/appointment" });
    try {
      const before = rig.coreplusRequests.filter((u) => /\/appointment\//i.test(new URL(u).pathname)).length;
      const sent = await Promise.all([1, 2, 3].map(() => command(rig, "U0DESK", "monday at docklands")));
      const answers = await Promise.all(sent.map((s) => responses(rig, s.responseId)));
      const texts = answers.map((m) => visibleText(m));
      expect(texts[0]).toContain("Monday 7 December 2026");
      expect(new Set(texts).size).toBe(1);
      const after = rig.coreplusRequests.filter((u) => /\/appointment\//i.test(new URL(u).pathname)).length;
      // One location (one coreplus timezone): one appointments request for all three commands.
      expect(after - before).toBe(1);
    } finally {
      await controls.setLatency(0, { path: "/appointment" });
    }
  });

  it("lets an admin ask for a practitioner by surname and a weekday", async () => {
    const { responseId } = await command(rig, "U0BOSS", "russo friday");
    const text = visibleText(await responses(rig, responseId));
    expect(text).toContain("Friday 4 December 2026");
    expect(text).toContain("*Marco Russo*");
  });

  it("falls back to an ephemeral message when the response URL is refused", async () => {
    rig.slack.responseStatus = 404;
    try {
      const before = rig.slack.calls.filter((c) => c.method === "chat.postEphemeral").length;
      await command(rig, "U0MEI", "help", { channelId: "C0WARD" });
      const [call] = await rig.slack.waitFor((c) => c.method === "chat.postEphemeral", { count: before + 1 });
      expect(call?.body).toMatchObject({ channel: "C0WARD", user: "U0MEI" });
    } finally {
      rig.slack.responseStatus = 200;
    }
  });

  it("writes one audit line per request, without patient data", async () => {
    const all = JSON.stringify(rig.audit);
    for (const a of sandboxDay("mei.chen@harbourside.example")) {
      expect(all).not.toContain(a.fullName);
      expect(all).not.toContain(a.subject);
    }
    for (const e of rig.audit) {
      expect(e.user).toMatch(/^U0/);
      expect(typeof e.ms).toBe("number");
      expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    }
  });
});

/**
 * Sends `bytes` of body with node:http and resolves with the status as soon as the server answers,
 * even if the body is not all sent (fetch reports an early answer plus a closed socket as a failure).
 */
function postLarge(url: string, bytes: number, opts: { chunked: boolean }): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { "content-type": "application/x-www-form-urlencoded" };
    if (!opts.chunked) headers["content-length"] = bytes;
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      req.destroy();
    });
    // Once the server has answered and closed, writes fail; that is the point.
    req.on("error", (error) => (req.destroyed ? undefined : reject(error)));
    const chunk = "a".repeat(16 * 1024);
    let sent = 0;
    const write = (): void => {
      while (sent < bytes && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      if (!req.destroyed) req.end();
    };
    write();
  });
}

describe("requests that are not from Slack", () => {
  async function expectRefused(post: () => Promise<{ status: number }>): Promise<void> {
    const statsBefore = await controls.stats();
    const fetchedBefore = rig.coreplusRequests.length;
    const slackBefore = rig.slack.calls.length;
    const { status } = await post();
    expect(status).toBe(401);
    // Give a wrongly accepted request time to reach coreplus or Slack before checking it did not.
    await new Promise((r) => setTimeout(r, 400));
    expect(rig.coreplusRequests.length).toBe(fetchedBefore);
    expect((await controls.stats()).requests).toBe(statsBefore.requests);
    expect(rig.slack.calls.length).toBe(slackBefore);
  }
  const body = () => slashCommandBody({ text: "", userId: "U0MEI", responseUrl: rig.slack.responseUrl() });

  it("refuses a bad signature", async () => {
    await expectRefused(() => postSigned(rig.eventsUrl, body(), { secret: "not-the-secret" }));
    await expectRefused(() => postSigned(rig.eventsUrl, body(), { tamper: true }));
  });

  it("refuses a timestamp older than five minutes", async () => {
    await expectRefused(() =>
      postSigned(rig.eventsUrl, body(), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }),
    );
  });

  it("refuses missing headers", async () => {
    await expectRefused(() => postSigned(rig.eventsUrl, body(), { omit: ["x-slack-signature"] }));
    await expectRefused(() => postSigned(rig.eventsUrl, body(), { omit: ["x-slack-request-timestamp"] }));
    await expectRefused(() =>
      postSigned(rig.eventsUrl, body(), { omit: ["x-slack-signature", "x-slack-request-timestamp"] }),
    );
  });

  it("refuses a body over 64 KB with 413 before any signature work, signed or not", async () => {
    // Padded in a field the bot does not read (a long command text gets its own quick refusal).
    const padded = (bytes: number) =>
      slashCommandBody({
        text: "help",
        userId: "U0MEI",
        userName: "x".repeat(bytes),
        responseUrl: rig.slack.responseUrl(),
      });
    const fetchedBefore = rig.coreplusRequests.length;
    const slackBefore = rig.slack.calls.length;
    // Signed correctly, but too big: still refused, and nothing is fetched or answered.
    expect((await postSigned(rig.eventsUrl, padded(70 * 1024))).status).toBe(413);
    // Unsigned and large (what an attacker would send), with a Content-Length or streamed without
    // one: the answer comes while the client is still sending.
    expect(await postLarge(rig.eventsUrl, 4 * 1024 * 1024, { chunked: false })).toBe(413);
    expect(await postLarge(rig.eventsUrl, 1024 * 1024, { chunked: true })).toBe(413);
    expect(rig.coreplusRequests.length).toBe(fetchedBefore);
    expect(rig.slack.calls.length).toBe(slackBefore);
    // A command text no question needs is refused unread, at once.
    const long = await command(rig, "U0MEI", "sarah ".repeat(2000));
    expect(long.status).toBe(200);
    expect(visibleText(await responses(rig, long.responseId))).toContain(
      "longer than any question I understand",
    );
    // A body just under the limit is still a command like any other.
    const near = await command(rig, "U0MEI", "help");
    expect(near.status).toBe(200);
    expect((await postSigned(rig.eventsUrl, padded(60 * 1024))).status).toBe(200);
  });
});
