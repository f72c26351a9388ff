/**
 * Starts the whole demo in this process: the sandbox (a local coreplus), the edge API, the Slack bot
 * and the demo site with its stand-in for Slack. Every port is a parameter (0 in tests), and a port in
 * use is an error, never a reason to drift to another one.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { basename, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { type CoreplusClient, createCoreplusClient } from "@coreplus-kit/core";
import { DEV_ACCESS_TOKEN, DEV_CONSUMER_ID, DEV_CONSUMER_SECRET } from "@coreplus-kit/core/dev";
import { type Listening, listen } from "@coreplus-kit/core/node";
import { defaultSandboxConfig } from "@coreplus-kit/edge-api";
import { serveEdgeApi } from "@coreplus-kit/edge-api/node";
import { serveSandbox } from "@coreplus-kit/sandbox/node";
import { type AuditEntry, createSlackbot } from "@coreplus-kit/slackbot";
import { createFakeSlack } from "@coreplus-kit/slackbot/testing";
import { getRequestListener } from "@hono/node-server";
import type { Hono } from "hono";
import { addPaediatricService, sandboxMainContact, withDemoQuestions } from "./internal/demo-clinic.js";
import { createSiteApp, type DemoUrls } from "./site/site-app.js";
import type { PublicUrls } from "./site/static-files.js";
import { createSlackPreview } from "./slack/slack-preview.js";
import { buildStaff, DEMO_TEAM, type StaffMember } from "./slack/staff.js";
import { createTodayFeed } from "./today/todays-appointments.js";

/** The documented default ports (architecture.md). */
export const DEFAULT_PORTS = { sandbox: 4010, edgeApi: 8787, slackbot: 3000, site: 5173 } as const;

/** Ports to bind; 0 picks a free one. */
export interface DemoPorts {
  sandbox?: number;
  edgeApi?: number;
  slackbot?: number;
  site?: number;
}

/** Options for {@link startDemo}. */
export interface StartDemoOptions {
  /** Default "127.0.0.1". */
  host?: string;
  /** Default {@link DEFAULT_PORTS}. */
  ports?: DemoPorts;
  /** Business clock shared by the sandbox, edge API, bot and today's page; default the wall clock. */
  now?: () => Date;
  /** The built site (Vite output); default this package's dist/site. */
  siteDir?: string;
  /** Progress and error lines (no secrets, no patient data); default console.log. */
  log?: (line: string) => void;
  /** One line per Slack request (who asked for what; no patient data); default: through `log`. */
  audit?: (line: string) => void;
  /** The public addresses the playground's snippet shows; without them, marked placeholders. */
  publicUrls?: PublicUrls;
}

/** The running demo. */
export interface RunningDemo {
  urls: DemoUrls;
  /** The fake workspace's members (practitioners, reception, manager). */
  staff: readonly StaffMember[];
  /** Stops everything; safe to call twice. */
  close(): Promise<void>;
}

const BOT_TOKEN = "xoxb-harbourside-demo-not-a-real-token";
const BOT_USER_ID = "U0APPTBOT";
const BOT_ID = "B0APPTBOT";

/** The built site, whether this runs from dist/server (built) or from src (tests). */
export function defaultSiteDir(): string {
  // From dist/server the build sits next door; from src (tests) ../site is the unbuilt source.
  const here = fileURLToPath(new URL(".", import.meta.url));
  const fromDist = basename(here) === "server" && basename(dirname(here)) === "dist";
  return fileURLToPath(new URL(fromDist ? "../site/" : "../dist/site/", import.meta.url));
}

/**
 * Starts the stack. The site's port is bound first, so a taken DEMO_PORT fails before anything else
 * starts; on any failure, whatever did start is stopped again.
 * @example
 * const demo = await startDemo({ ports: { sandbox: 0, edgeApi: 0, slackbot: 0, site: 0 } });
 * console.log(demo.urls.site);
 * await demo.close();
 */
export async function startDemo(opts: StartDemoOptions = {}): Promise<RunningDemo> {
  const host = opts.host ?? "127.0.0.1";
  const ports = { ...DEFAULT_PORTS, ...opts.ports };
  const log = opts.log ?? ((line: string) => console.log(line));
  const audit = opts.audit ?? log;
  const now = opts.now ?? (() => new Date());
  const siteDir = opts.siteDir ?? defaultSiteDir();
  if (!existsSync(`${siteDir}/index.html`)) {
    throw new Error(
      `The demo site is not built (no ${siteDir}/index.html). Run: pnpm --filter @coreplus-kit/demo build`,
    );
  }
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => {});
  };

  try {
    let app: Hono | undefined;
    const handle = getRequestListener((req, env) =>
      app ? app.fetch(req, env) : new Response("Starting…", { status: 503 }),
    );
    const site: Listening = await listen((req, res) => void handle(req, res), { host, port: ports.site });
    stops.push(() => site.close());

    const sandbox = await serveSandbox({ host, port: ports.sandbox, now, log: (line) => log(line) });
    stops.push(() => sandbox.close());

    const edge = await serveEdgeApi({
      host,
      port: ports.edgeApi,
      now,
      config: withDemoQuestions(
        defaultSandboxConfig({ baseUrl: sandbox.url }),
        addPaediatricService(sandbox.sandbox),
        `${site.url}/#privacy`,
      ),
      logger: (entry) => {
        // Per-request lines would drown the demo's terminal; problems still show.
        if (entry.level === "error" || entry.level === "warn") {
          const { level, msg, ...rest } = entry;
          log(
            `edge-api ${String(level)}: ${String(msg ?? "")}${Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : ""}`,
          );
        }
      },
    });
    stops.push(() => edge.close());

    // One client, so one request budget, for everything this process asks of coreplus directly.
    const coreplus: CoreplusClient = createCoreplusClient({
      baseUrl: sandbox.url,
      consumerId: DEV_CONSUMER_ID,
      consumerSecret: DEV_CONSUMER_SECRET,
      accessToken: DEV_ACCESS_TOKEN,
    });
    const staff = buildStaff(await coreplus.practitioners.iterate().toArray());
    const fakeSlack = createFakeSlack({
      botToken: BOT_TOKEN,
      users: staff,
      teamId: DEMO_TEAM.id,
      botUserId: BOT_USER_ID,
      botId: BOT_ID,
      maxRecords: 500,
    });
    // A fresh secret per run: only this process signs requests for its own bot.
    const signingSecret = randomBytes(24).toString("hex");

    const bot = createSlackbot({
      signingSecret,
      botToken: BOT_TOKEN,
      slackApiUrl: `${site.url}/slack/api/`,
      host,
      port: ports.slackbot,
      coreplus,
      now,
      viewers: staff.filter((s) => s.role === "viewer").map((s) => s.id),
      admins: staff.filter((s) => s.role === "admin").map((s) => s.id),
      botId: BOT_ID,
      botUserId: BOT_USER_ID,
      audit: (entry) => audit(`slackbot: ${describeAudit(entry, staff)}`),
    });
    stops.push(() => bot.stop());
    const started = await bot.start();
    if (started.mode !== "http") throw new Error("The demo runs the bot in HTTP mode");

    const urls: DemoUrls = {
      site: site.url,
      sandbox: sandbox.url,
      edgeApi: edge.url,
      slackbot: new URL(started.url).origin,
      slackEvents: started.url,
      slackApi: `${site.url}/slack/api/`,
    };
    const today = createTodayFeed({
      client: coreplus,
      now,
      mainContact: sandboxMainContact(sandbox.sandbox),
    });
    // Warm the directory and patients' initials now, so the first visit to the page is quick.
    today.get().catch(() => {});
    app = createSiteApp({
      publicUrls: opts.publicUrls,
      siteDir,
      urls,
      fakeSlack,
      staff,
      slackPreview: createSlackPreview({
        fakeSlack,
        staff,
        botEventsUrl: started.url,
        signingSecret,
        responseUrlBase: `${site.url}/slack/response/`,
      }),
      today,
      onError: (where, err) =>
        log(`demo: ${where} failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`),
    });

    let closing: Promise<void> | undefined;
    return {
      urls,
      staff,
      close: () => {
        closing ??= stopAll();
        return closing;
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** "Jess Walker (U0HHDESK1) asked for 2026-03-03, all → answered, 12 appointments, 84 ms". */
function describeAudit(entry: AuditEntry, staff: readonly StaffMember[]): string {
  const who = staff.find((s) => s.id === entry.user)?.realName;
  const what = [entry.surface === "home" ? "Home tab" : "/appointments", entry.date, entry.scope]
    .filter(Boolean)
    .join(" ");
  const count = entry.appointments === undefined ? "" : `, ${entry.appointments} appointments`;
  const code = entry.errorCode ? ` (${entry.errorCode})` : "";
  return `${who ? `${who} (${entry.user})` : entry.user}: ${what} → ${entry.outcome}${code}${count}, ${entry.ms} ms`;
}
