/**
 * The App Home tab, the configuration switches (full names, the practitioner map), and coreplus being
 * slow or failing: the acknowledgement stays immediate and the user gets a clear private error.
 */
import { dateInZone } from "@coreplus-kit/core";
import { createSandboxControls, type SandboxControls } from "@coreplus-kit/sandbox";
import { type RunningSandbox, serveSandbox } from "@coreplus-kit/sandbox/node";
import {
  blockActionBody,
  eventCallbackBody,
  type FakeSlack,
  type RecordedCall,
  startFakeSlack,
} from "@coreplus-kit/slackbot/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HOME_REFRESH_ACTION_ID } from "../src/blocks/home-view.js";
import { fullName } from "../src/day/patient-label.js";
import { command, PINNED_NOW, postSigned, type Rig, responses, startRig } from "./harness.js";
import { visibleText } from "./limits.js";

let sandbox: RunningSandbox;
let slack: FakeSlack;
let controls: SandboxControls;
const rigs: Rig[] = [];

beforeAll(async () => {
  sandbox = await serveSandbox({ port: 0, now: () => PINNED_NOW, log: () => {} });
  slack = await startFakeSlack({
    emails: { U0MEI: "mei.chen@harbourside.example", U0NEW: "someone@elsewhere.example" },
  });
  controls = createSandboxControls({ baseUrl: sandbox.url, adminToken: sandbox.sandbox.adminToken });
});

afterEach(async () => {
  await controls.clearFaults();
  await controls.setLatency(0);
  await controls.restoreAccessToken();
});

afterAll(async () => {
  for (const rig of rigs) await rig.close();
  expect(slack.calls.filter((c) => c.method === "chat.postMessage")).toEqual([]);
  await slack.close();
  await sandbox.close();
});

async function rig(over: Parameters<typeof startRig>[0] = {}): Promise<Rig> {
  const r = await startRig(over, {}, { sandbox, slack });
  rigs.push(r);
  return r;
}

type View = { type: string; blocks: { type: string; elements?: { action_id?: string }[] }[] };
const homeText = (view: View): string => visibleText([{ text: "", blocks: view.blocks as never }]);
/** A Home tab publish for the user other than the interim "Loading…" view. */
const isFinalHome = (c: RecordedCall, user: string): boolean =>
  c.method === "views.publish" &&
  c.body.user_id === user &&
  !JSON.stringify(c.body.view).includes("Loading your");

describe("App Home", () => {
  it("shows the linked practitioner's day, and refreshes it on the button", async () => {
    const r = await rig();
    const before = slack.calls.filter((c) => isFinalHome(c, "U0MEI")).length;
    const event = eventCallbackBody({
      type: "app_home_opened",
      user: "U0MEI",
      channel: "D0MEI",
      tab: "home",
      event_ts: "1.0",
    });
    expect((await postSigned(r.eventsUrl, event, { contentType: "application/json" })).status).toBe(200);
    const published = await slack.waitFor((c) => isFinalHome(c, "U0MEI"), {
      count: before + 1,
    });
    const view = published[published.length - 1]!.body.view as View;
    expect(view.type).toBe("home");
    const text = homeText(view);
    expect(text).toContain("Thursday 3 December 2026");
    expect(text).toContain("*Dr Mei Chen*");
    expect(JSON.stringify(view)).toContain(HOME_REFRESH_ACTION_ID);

    const click = blockActionBody({ userId: "U0MEI", actionId: HOME_REFRESH_ACTION_ID });
    expect((await postSigned(r.eventsUrl, click)).status).toBe(200);
    await slack.waitFor((c) => isFinalHome(c, "U0MEI"), {
      count: before + 2,
    });
    expect(
      r.audit.filter((e) => e.surface === "home" && e.user === "U0MEI" && e.outcome === "answered"),
    ).toHaveLength(2);
  });

  it("tells an unlinked user on the Home tab how to get linked, and ignores the Messages tab", async () => {
    const r = await rig();
    const messagesTab = eventCallbackBody({
      type: "app_home_opened",
      user: "U0NEW",
      channel: "D0NEW",
      tab: "messages",
    });
    await postSigned(r.eventsUrl, messagesTab, { contentType: "application/json" });
    const homeTab = eventCallbackBody({
      type: "app_home_opened",
      user: "U0NEW",
      channel: "D0NEW",
      tab: "home",
    });
    await postSigned(r.eventsUrl, homeTab, { contentType: "application/json" });
    const [call] = await slack.waitFor((c) => isFinalHome(c, "U0NEW"));
    expect(homeText(call!.body.view as View)).toContain("isn't linked to a coreplus practitioner");
    // No morning-message controls for someone the bot has no day for.
    expect(JSON.stringify(call!.body.view)).not.toContain("morning_time");
    // Only the Home tab published.
    expect(slack.calls.filter((c) => isFinalHome(c, "U0NEW"))).toHaveLength(1);
  });
});

describe("configuration", () => {
  it("shows full client names only when asked to", async () => {
    const r = await rig({ showClientNames: "full" });
    const { store, seed } = sandbox.sandbox;
    const mei = seed.practitioners.find((p) => p.firstName === "Mei")!;
    const { responseId } = await command(r, "U0MEI", "");
    const text = visibleText(await responses(r, responseId));
    // Today's patients of Mei (her appointments are all in Brisbane), by their names in coreplus.
    const names = [...store.appointments.values()]
      .filter(
        (a) =>
          a.practitionerId === mei.practitionerId &&
          dateInZone(a.start, "Australia/Brisbane") === "2026-12-03",
      )
      .map((a) => fullName(store.clients.get(a.clientId)!));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(text).toContain(name);
  });

  it('shows appointment types by default and only "Appointment" with SLACK_SHOW_TYPES off', async () => {
    const { store, seed } = sandbox.sandbox;
    const mei = seed.practitioners.find((p) => p.firstName === "Mei")!;
    const typeNames = [...store.appointments.values()]
      .filter(
        (a) =>
          a.practitionerId === mei.practitionerId &&
          dateInZone(a.start, "Australia/Brisbane") === "2026-12-03",
      )
      .map(
        (a) => seed.appointmentTypes.find((t) => t.appointmentTypeId === a.appointmentTypeId)!.description,
      );
    expect(typeNames.length).toBeGreaterThan(0);
    const shown = await rig();
    const on = visibleText(await responses(shown, (await command(shown, "U0MEI", "")).responseId));
    for (const name of typeNames) expect(on).toContain(name);
    const hidden = await rig({ showTypes: false });
    const off = visibleText(await responses(hidden, (await command(hidden, "U0MEI", "")).responseId));
    for (const name of new Set(typeNames)) expect(off).not.toContain(name);
    expect(off).toContain("*Appointment*");
  });

  it("links through SLACK_PRACTITIONER_MAP without asking Slack for an email", async () => {
    const marco = sandbox.sandbox.seed.practitioners.find((p) => p.lastName === "Russo")!;
    const r = await rig({ practitionerMap: { U0MARCO: marco.practitionerId } });
    const { responseId } = await command(r, "U0MARCO", "tomorrow");
    const text = visibleText(await responses(r, responseId));
    expect(text).toContain("Friday 4 December 2026");
    expect(text).toContain("*Marco Russo*");
    expect(slack.calls.some((c) => c.method === "users.info" && c.body.user === "U0MARCO")).toBe(false);
  });
});

describe("coreplus slow or failing", () => {
  it("acknowledges at once and then says coreplus is too slow", async () => {
    const r = await rig({ requestTimeoutMs: 1000 });
    await controls.setLatency(3000);
    const { status, ms, responseId } = await command(r, "U0MEI", "");
    expect(status).toBe(200);
    expect(ms).toBeLessThan(500);
    const started = Date.now();
    const text = visibleText(await responses(r, responseId));
    expect(text).toContain("coreplus didn't answer within 1 second");
    expect(Date.now() - started).toBeLessThan(2500);
    expect(r.audit.at(-1)).toMatchObject({ outcome: "timeout", errorCode: "ERR_SLACKBOT_TIMEOUT" });
  });

  it("says coreplus is failing when it answers with errors", async () => {
    const r = await rig();
    await controls.forceStatus(503, { times: 100 });
    const { status, responseId } = await command(r, "U0MEI", "");
    expect(status).toBe(200);
    const text = visibleText(await responses(r, responseId));
    expect(text).toContain("coreplus isn't answering properly right now (`ERR_COREPLUS_UPSTREAM`)");
    expect(r.audit.at(-1)).toMatchObject({ outcome: "coreplus-error", errorCode: "ERR_COREPLUS_UPSTREAM" });
  });

  it("says the access token was refused when coreplus rejects it", async () => {
    const r = await rig();
    await controls.expireAccessToken();
    const { responseId } = await command(r, "U0MEI", "");
    expect(visibleText(await responses(r, responseId))).toContain(
      "coreplus refused this clinic's access token",
    );
  });
});
