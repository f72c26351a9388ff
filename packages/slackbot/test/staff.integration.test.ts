/**
 * Staff in Slack end to end (issue 17): signed HTTP to the real receiver, the fake Slack over HTTP,
 * the real sandbox. The morning message fires once and not again after a restart; a cancellation in
 * the sandbox becomes one freed-slot message without any patient; the workflow step completes with
 * the right outputs; every example the help prints works as a command.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCoreplusClient, dateInZone, formatInZone } from "@coreplus-kit/core";
import { type RunningSandbox, serveSandbox } from "@coreplus-kit/sandbox/node";
import {
  blockActionBody,
  type FakeSlack,
  functionExecutedBody,
  type RecordedCall,
  startFakeSlack,
} from "@coreplus-kit/slackbot/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPAND_PRACTITIONER_ACTION_ID, expandValue } from "../src/blocks/all-summary.js";
import { initials } from "../src/day/patient-label.js";
import { command, PINNED_NOW, postSigned, type Rig, responses, startRig } from "./harness.js";
import { visibleText } from "./limits.js";

const EMAILS = {
  U0MEI: "mei.chen@harbourside.example",
  U0PRIYA: "priya.sharma@harbourside.example",
  U0DESK: "reception@harbourside.example",
};
const INITIALS = /\b[A-Z]\.[A-Z]\./;

let sandbox: RunningSandbox;
let slack: FakeSlack;
let dir: string;
const rigs: Rig[] = [];

beforeAll(async () => {
  sandbox = await serveSandbox({ port: 0, now: () => PINNED_NOW, log: () => {} });
  slack = await startFakeSlack({ emails: EMAILS });
  dir = await mkdtemp(join(tmpdir(), "slackbot-staff-"));
});

afterAll(async () => {
  for (const r of rigs) await r.close();
  await slack.close();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

async function rig(over: Parameters<typeof startRig>[0] = {}): Promise<Rig> {
  const r = await startRig({ viewers: ["U0DESK"], ...over }, {}, { sandbox, slack });
  rigs.push(r);
  return r;
}

async function stop(r: Rig): Promise<void> {
  rigs.splice(rigs.indexOf(r), 1);
  await r.close();
}

const textOf = (c: RecordedCall): string =>
  visibleText([{ text: String(c.body.text ?? ""), blocks: (c.body.blocks ?? []) as never }]);

describe("the morning message", () => {
  it("fires once at the chosen time, and not again after a restart in that minute", async () => {
    // The bot's clock: 07:29:58 on Thursday 3 December in Melbourne, running at real speed.
    const t0 = Date.now();
    const start = new Date("2026-12-03T07:29:58+11:00").getTime();
    const now = () => new Date(start + (Date.now() - t0));
    const file = join(dir, "morning.json");
    const options = { now, state: { file }, morning: { tickMs: 100 } };
    const first = await rig(options);
    const since = slack.nextSeq();
    const { responseId } = await command(first, "U0MEI", "every day at 7:30");
    expect(visibleText(await responses(first, responseId))).toContain(
      "I'll send you your day every day at 07:30 (Melbourne time). The next one: Thursday 3 December 2026 at 07:30.",
    );

    const isMorning = (c: RecordedCall) => c.method === "chat.postMessage" && c.body.channel === "U0MEI";
    const [sent] = await slack.waitFor(isMorning, { since, timeoutMs: 10_000 });
    expect(formatInZone(now(), "Australia/Melbourne").slice(11, 16)).toBe("07:30");
    const text = textOf(sent!);
    expect(text).toContain("Your morning message");
    expect(text).toContain("Thursday 3 December 2026");
    expect(text).toContain("*Dr Mei Chen*");
    // Further ticks in the same minute find it already sent (the first to end may be the sending one).
    await first.bot.morning.nextTick();
    expect((await first.bot.morning.nextTick()).alreadySent).toEqual([
      { userId: "U0MEI", date: "2026-12-03" },
    ]);

    // A restart within the same minute, with the same state file: nothing is sent again.
    await stop(first);
    const second = await rig(options);
    const tick = await second.bot.morning.nextTick();
    const later = await second.bot.morning.nextTick();
    expect(formatInZone(now(), "Australia/Melbourne").slice(11, 16)).toBe("07:30");
    expect(tick.sent).toEqual([]);
    expect(later.alreadySent).toEqual([{ userId: "U0MEI", date: "2026-12-03" }]);
    expect(slack.calls.filter((c) => c.seq >= since && isMorning(c))).toHaveLength(1);

    // And `stop` ends it.
    const stopped = await command(second, "U0MEI", "stop");
    expect(visibleText(await responses(second, stopped.responseId))).toContain("no more morning messages");
    await stop(second);
  });
});

describe("the Home tab's morning controls", () => {
  /** A block action from the Home tab with one element of `type` (time picker, checkboxes, button). */
  const homeAction = (userId: string, action: Record<string, unknown>) => {
    const payload = JSON.parse(
      new URLSearchParams(blockActionBody({ userId, actionId: String(action.action_id) })).get("payload")!,
    );
    payload.actions = [{ block_id: "morning_controls", action_ts: String(Date.now() / 1000), ...action }];
    return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  };
  const homeOf = async (since: number, userId: string, mark: string) => {
    const [call] = await slack.waitFor(
      (c) =>
        c.method === "views.publish" &&
        c.body.user_id === userId &&
        JSON.stringify(c.body.view).includes(mark),
      { since },
    );
    return visibleText([{ text: "", blocks: (call!.body.view as { blocks: never }).blocks }]);
  };

  it("sets the time and the days, and stops, each saved at once and shown again", async () => {
    const r = await rig({ state: { file: join(dir, "home.json") } });
    let since = slack.nextSeq();
    await postSigned(
      r.eventsUrl,
      homeAction("U0MEI", { type: "timepicker", action_id: "morning_time", selected_time: "06:45" }),
    );
    expect(await homeOf(since, "U0MEI", "06:45")).toContain(
      "*Morning message:* every weekday at 06:45 (Melbourne time)",
    );
    since = slack.nextSeq();
    await postSigned(
      r.eventsUrl,
      homeAction("U0MEI", {
        type: "checkboxes",
        action_id: "morning_days",
        selected_options: [{ value: "1" }, { value: "4" }].map((o) => ({
          ...o,
          text: { type: "plain_text", text: o.value },
        })),
      }),
    );
    expect(await homeOf(since, "U0MEI", "Thursdays")).toContain("on Mondays and Thursdays at 06:45");
    since = slack.nextSeq();
    await postSigned(
      r.eventsUrl,
      homeAction("U0MEI", { type: "button", action_id: "morning_stop", value: "stop" }),
    );
    expect(await homeOf(since, "U0MEI", "Morning message:* off")).toContain("*Morning message:* off.");
    await stop(r);
  });
});

describe("the activity channel", () => {
  it("turns a cancellation in the sandbox into one freed-slot message, with no patient in it", async () => {
    const intervalMs = 500;
    // The whole budget, so the 500 ms interval is not stretched (5 % would allow one poll every ~10 s).
    const r = await rig({ activityChannel: "C0ACTIVITY", watch: { intervalMs, budgetShare: 1 } });
    const watcher = r.bot.watcher!;
    // The first look only takes the snapshot.
    expect((await watcher.poll()).events).toEqual([]);

    const { store, seed } = sandbox.sandbox;
    const later = [...store.appointments.values()]
      .filter((a) => a.status === "Booked" && a.start > PINNED_NOW.getTime() + 3_600_000)
      .filter((a) => a.start < PINNED_NOW.getTime() + 5 * 86_400_000)
      .sort((a, b) => a.start - b.start)[0]!;
    const client = store.clients.get(later.clientId)!;
    const practitioner = seed.practitioners.find((p) => p.practitionerId === later.practitionerId)!;
    const location = seed.locations.find((l) => l.locationId === later.locationId)!;

    const since = slack.nextSeq();
    const cancelledAt = Date.now();
    // The sandbox's own API, as coreplus does it: POST /Appointment/{id}/ {"deleted": true}.
    const coreplus = createCoreplusClient({ baseUrl: sandbox.url, ...sandbox.sandbox.credentials });
    await coreplus.appointments.cancel(later.appointmentId);

    const isActivity = (c: RecordedCall) =>
      c.method === "chat.postMessage" && c.body.channel === "C0ACTIVITY";
    const [message] = await slack.waitFor(isActivity, { since, timeoutMs: 15_000 });
    // Within the poll interval (plus the poll itself, on a loaded machine).
    expect(Date.now() - cancelledAt).toBeLessThan(intervalMs + 5_000);
    const text = textOf(message!);
    const local = formatInZone(later.start, location.zone);
    expect(text).toContain(`${local.slice(11, 16)} with ${practitioner.displayName}`);
    expect(text).toContain(`at ${location.name.split(" ").pop()} is free again (cancelled)`);

    // One message: the next polls find nothing new.
    await watcher.nextPoll();
    await watcher.nextPoll();
    expect(slack.calls.filter((c) => c.seq >= since && isActivity(c))).toHaveLength(1);
    // No patient name or initial in anything the fake Slack received since.
    for (const c of slack.calls.filter((c) => c.seq >= since)) {
      const all = JSON.stringify(c.body);
      expect(all).not.toContain(client.lastName);
      expect(all).not.toContain(`${client.firstName} `);
      expect(all).not.toContain(initials(client));
      expect(all).not.toMatch(INITIALS);
      expect(all).not.toContain(later.subject);
    }
    await stop(r);
  });

  it("posts the edge API's booking-rate alert from the hook, and refuses it without the token", async () => {
    const r = await rig({ activityChannel: "C0ACTIVITY", alertToken: "alert-token-0123456789" });
    const url = new URL("/slack/alerts", r.eventsUrl).href;
    const body = JSON.stringify({
      alert: "booking-rate",
      clinic: "harbourside",
      count: 61,
      limit: 60,
      windowMinutes: 60,
    });
    const post = (headers: Record<string, string>, payload = body) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: payload,
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: "Bearer wrong-token-0123456789" })).status).toBe(401);
    expect((await post({ authorization: "Bearer alert-token-0123456789" }, '{"alert":"other"}')).status).toBe(
      422,
    );
    const since = slack.nextSeq();
    expect((await post({ authorization: "Bearer alert-token-0123456789" })).status).toBe(202);
    const [alert] = await slack.waitFor(
      (c) => c.method === "chat.postMessage" && c.body.channel === "C0ACTIVITY",
      {
        since,
      },
    );
    expect(textOf(alert!)).toContain("Online bookings for harbourside reached 61 in the last 60 minutes");
    await stop(r);
  });
});

describe("the Workflow Builder step", () => {
  it("completes function_executed with the day as text and its count, without patients", async () => {
    const r = await rig();
    const { store, seed } = sandbox.sandbox;
    const priya = seed.practitioners.find((p) => p.firstName === "Priya")!;
    const date = "2026-12-04";
    const expected = [...store.appointments.values()].filter(
      (a) =>
        a.practitionerId === priya.practitionerId &&
        a.status !== "Cancelled" &&
        dateInZone(a.start, store.locations.get(a.locationId)!.zone) === date,
    );
    expect(expected.length).toBeGreaterThan(0);
    const since = slack.nextSeq();
    const event = functionExecutedBody({
      callbackId: "get_appointments",
      inputs: { practitioner: "Priya Sharma", date: "4/12" },
      executionId: "Fx0PRIYA",
      botAccessToken: "xwfp-priya-step",
    });
    expect((await postSigned(r.eventsUrl, event, { contentType: "application/json" })).status).toBe(200);
    const [done] = await slack.waitFor((c) => c.method === "functions.completeSuccess", { since });
    expect(done!.token).toBe("xwfp-priya-step");
    expect(done!.body.function_execution_id).toBe("Fx0PRIYA");
    const outputs = done!.body.outputs as { text: string; count: number };
    expect(outputs.count).toBe(expected.length);
    expect(outputs.text).toContain(
      `Friday 4 December 2026 · ${priya.displayName}: ${expected.length} appointment`,
    );
    for (const a of expected) {
      const zone = store.locations.get(a.locationId)!.zone;
      expect(outputs.text).toContain(
        `${formatInZone(a.start, zone).slice(11, 16)}–${formatInZone(a.end, zone).slice(11, 16)}`,
      );
      expect(outputs.text).not.toContain(store.clients.get(a.clientId)!.lastName);
    }
    expect(outputs.text).not.toMatch(INITIALS);

    const failing = functionExecutedBody({
      callbackId: "get_appointments",
      inputs: { practitioner: "Nobody Atall", date: "" },
    });
    await postSigned(r.eventsUrl, failing, { contentType: "application/json" });
    const [failed] = await slack.waitFor((c) => c.method === "functions.completeError", { since });
    expect(String(failed!.body.error)).toContain('No single practitioner is called "Nobody Atall"');
    await stop(r);
  });
});

describe("help and answers that fit the clinic", () => {
  it("prints examples from the clinic, and every one of them works as a command", async () => {
    // Mei is both a practitioner (linked by email) and reception here, so every example is hers to run.
    const r = await rig({ viewers: ["U0MEI"], admins: ["U0DESK"] });
    const help = visibleText(await responses(r, (await command(r, "U0MEI", "help")).responseId));
    const examples = [...help.matchAll(/`\/appointments([^`]*)`/g)].map((m) => m[1]!.trim());
    const { seed } = sandbox.sandbox;
    const named = examples.find((e) => e.startsWith("tomorrow "))?.slice("tomorrow ".length);
    expect(seed.practitioners.map((p) => `${p.firstName} ${p.lastName}`)).toContain(named);
    const place = examples.find((e) => e.startsWith("all at "))?.slice("all at ".length);
    expect(seed.locations.map((l) => l.name.split(" ").pop())).toContain(place);
    expect(help).not.toMatch(/Sarah Chen|Southbank/);
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const example of examples) {
      const answer = visibleText(await responses(r, (await command(r, "U0MEI", example)).responseId));
      // A real answer: a day, or the morning message set or stopped; never a problem.
      expect(answer, example).not.toContain(":warning:");
      expect(answer, example).toMatch(/\d{4}|I'll send you|no more morning messages|had no morning message/);
    }
    await stop(r);
  });

  it("refuses a clinician another diary in human terms, naming who can help", async () => {
    const r = await rig({ viewers: ["U0DESK"] });
    const text = visibleText(
      await responses(r, (await command(r, "U0PRIYA", "tomorrow mei chen")).responseId),
    );
    expect(text).toContain("Only reception and practice managers can see other diaries. Ask <@U0DESK>.");
    expect(text).not.toMatch(/SLACK_|U0PRIYA/);
    await stop(r);
  });

  it("summarises everyone's day per practitioner, and a button opens one practitioner's day", async () => {
    const r = await rig();
    const [summary] = await responses(r, (await command(r, "U0DESK", "tomorrow all")).responseId);
    const blocks = summary!.blocks as {
      type: string;
      rows?: { text: string }[][];
      elements?: { type: string; action_id: string; value?: string }[];
    }[];
    const table = blocks.find((b) => b.type === "table")!;
    expect(table.rows![0]!.map((c) => c.text)).toEqual([
      "Practitioner",
      "Appointments",
      "First–last",
      "Free",
    ]);
    expect(table.rows!.length).toBeGreaterThan(2);
    expect(JSON.stringify(blocks)).not.toMatch(INITIALS);
    const buttons = blocks.find((b) => b.type === "actions")!.elements!;
    const priya = sandbox.sandbox.seed.practitioners.find((p) => p.firstName === "Priya")!;
    const value = expandValue({ date: "2026-12-04", practitionerId: priya.practitionerId });
    const button = buttons.find((b) => b.value === value)!;
    expect(button.type).toBe("button");

    const responseUrl = slack.responseUrl("expand-priya");
    const click = JSON.parse(
      new URLSearchParams(blockActionBody({ userId: "U0DESK", actionId: EXPAND_PRACTITIONER_ACTION_ID })).get(
        "payload",
      )!,
    );
    click.response_url = responseUrl;
    click.container = {
      type: "message",
      message_ts: "1700000000.000100",
      channel_id: "C0GENERAL",
      is_ephemeral: true,
    };
    click.actions = [
      {
        type: "button",
        action_id: button.action_id,
        block_id: "appointments_expand",
        text: { type: "plain_text", text: "Priya Sharma" },
        value,
        action_ts: String(Date.now() / 1000),
      },
    ];
    await postSigned(r.eventsUrl, new URLSearchParams({ payload: JSON.stringify(click) }).toString());
    const day = visibleText(await responses(r, "expand-priya"));
    expect(day).toContain("Friday 4 December 2026");
    expect(day).toContain(`*${priya.displayName}*`);
    // A clinician cannot use the button to see another diary.
    const sneaky = {
      ...click,
      user: { id: "U0MEI", team_id: "T0CLINIC" },
      response_url: slack.responseUrl("sneaky"),
    };
    await postSigned(r.eventsUrl, new URLSearchParams({ payload: JSON.stringify(sneaky) }).toString());
    expect(visibleText(await responses(r, "sneaky"))).toContain("Only reception and practice managers");
    await stop(r);
  });
});
