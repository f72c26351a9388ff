/**
 * The demo site's server: the built pages, the JSON the demo pages call (today's appointments, the
 * Slack preview), and the stand-in for Slack (`/slack/api/…`, `/slack/response/…`) the bot talks to.
 */
import type { FakeSlackHandler } from "@coreplus-kit/slackbot/testing";
import { Hono } from "hono";
import { type SlackPreview, UnknownSlackUserError } from "../slack/slack-preview.js";
import { DEMO_TEAM, type StaffMember } from "../slack/staff.js";
import type { TodayFeed } from "../today/todays-appointments.js";
import { type PublicUrls, staticSite } from "./static-files.js";

/** Where everything runs, as the pages may show it. */
export interface DemoUrls {
  site: string;
  sandbox: string;
  edgeApi: string;
  slackbot: string;
  slackEvents: string;
  slackApi: string;
}

/** Options for {@link createSiteApp}. */
export interface SiteAppOptions {
  /** The Vite build output (absolute). */
  siteDir: string;
  urls: DemoUrls;
  /** The fake Slack Web API and response URLs, served under /slack/. */
  fakeSlack: FakeSlackHandler;
  slackPreview: SlackPreview;
  staff: readonly StaffMember[];
  today: TodayFeed;
  /** Where server-side failures are reported (never with patient data or secrets). */
  onError?: (where: string, err: unknown) => void;
  /** The public addresses the playground's snippet shows; without them, marked placeholders. */
  publicUrls?: PublicUrls | undefined;
}

const MAX_COMMAND_TEXT = 500;

/** Creates the site's Hono app. */
export function createSiteApp(opts: SiteAppOptions): Hono {
  const app = new Hono();
  const report = opts.onError ?? (() => {});

  // Only the fake's two POST routes: GET /slack is the preview page.
  app.post("/slack/api/:method", (c) => opts.fakeSlack.handle(c.req.raw));
  app.post("/slack/response/:id", (c) => opts.fakeSlack.handle(c.req.raw));

  app.get("/api/demo", (c) => c.json({ urls: opts.urls, clinic: "harbourside" }));

  app.get("/api/today", async (c) => {
    try {
      return c.json(await opts.today.get(), 200, { "cache-control": "no-store" });
    } catch (err) {
      report("today", err);
      return c.json(
        { error: "We couldn't read today's appointments from the sandbox. Retrying shortly." },
        502,
      );
    }
  });

  app.get("/api/slack/staff", (c) =>
    c.json({
      team: DEMO_TEAM.name,
      staff: opts.staff.map(({ id, name, realName, title, role }) => ({ id, name, realName, title, role })),
    }),
  );

  app.post("/api/slack/command", async (c) => {
    const body = await readJson(c.req.raw);
    const userId = str(body?.userId);
    const text = str(body?.text) ?? "";
    if (userId === undefined || text.length > MAX_COMMAND_TEXT) {
      return c.json({ error: "Send { userId, text } with text up to 500 characters." }, 400);
    }
    return run(() => opts.slackPreview.command(userId, text.trim()));
  });

  app.post("/api/slack/home", async (c) => {
    const userId = str((await readJson(c.req.raw))?.userId);
    if (userId === undefined) return c.json({ error: "Send { userId }." }, 400);
    return run(() => opts.slackPreview.openHome(userId));
  });

  app.post("/api/slack/action", async (c) => {
    const body = await readJson(c.req.raw);
    const userId = str(body?.userId);
    const actionId = str(body?.actionId);
    if (userId === undefined || actionId === undefined)
      return c.json({ error: "Send { userId, actionId }." }, 400);
    const blockId = str(body?.blockId);
    const value = str(body?.value);
    return run(() =>
      opts.slackPreview.clickHomeButton(userId, {
        actionId,
        ...(blockId === undefined ? {} : { blockId }),
        ...(value === undefined ? {} : { value }),
      }),
    );
  });

  async function run(fn: () => Promise<unknown>): Promise<Response> {
    try {
      return Response.json(await fn());
    } catch (err) {
      if (err instanceof UnknownSlackUserError) return Response.json({ error: err.message }, { status: 404 });
      report("slack-preview", err);
      return Response.json({ error: "The Slack bot did not answer. Is it running?" }, { status: 502 });
    }
  }

  app.use(
    "*",
    staticSite({ root: opts.siteDir, edgeApiUrl: opts.urls.edgeApi, publicUrls: opts.publicUrls }),
  );
  app.notFound((c) => c.text("Not found", 404));
  return app;
}

async function readJson(req: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const value = (await req.json()) as unknown;
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}
