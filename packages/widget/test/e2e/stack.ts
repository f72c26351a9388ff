/**
 * End-to-end harness: the real sandbox and the real edge API on port 0 with a pinned business clock,
 * a tiny static site that embeds the self-contained build under a strict Content-Security-Policy,
 * and Debian's Chromium driven by playwright-core.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { listen } from "@coreplus-kit/core/node";
import { type ClinicConfig, defaultSandboxConfig } from "@coreplus-kit/edge-api";
import { type EdgeApiServer, serveEdgeApi } from "@coreplus-kit/edge-api/node";
import { createSandboxControls, type SandboxControls } from "@coreplus-kit/sandbox";
import { serveSandbox } from "@coreplus-kit/sandbox/node";
import {
  chromiumSkipReason,
  findChromium,
  requireChromiumUnderCi as guard,
  launchChromium,
} from "@coreplus-kit/test-support/chromium";
import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

/** Monday 30 November 2026, 08:00 in Melbourne (AEDT): the business "now" of every e2e test. */
export const PINNED_NOW = new Date("2026-11-30T08:00:00+11:00");

/** Whether Chromium is there, and the one-line reason printed when browser tests are skipped. */
export const hasChromium = findChromium() !== undefined;
export const skipReason = chromiumSkipReason();

/** Launches Debian's Chromium headless (the workspace's one launcher). */
export { launchChromium };

/** A solved challenge of a clinic (its base URL): the `proof` a booking made from a test carries. */
export async function solvedProof(clinicUrl: string): Promise<unknown> {
  const answer = (await (await fetch(`${clinicUrl}/challenge`)).json()) as { challenge: Challenge };
  const solution = await solveChallenge({ challenge: answer.challenge, deriveKey });
  return { challenge: answer.challenge, solution };
}

/** Builds dist-like output of the script-tag file into a temporary folder (tests always test the source). */
export async function buildBundle(): Promise<{ dir: string; file: string; cleanup(): Promise<void> }> {
  const { build } = await import("vite");
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const dir = await mkdtemp(join(tmpdir(), "coreplus-widget-e2e-"));
  await build({
    root,
    configFile: join(root, "vite.config.ts"),
    logLevel: "silent",
    build: { outDir: dir, sourcemap: false },
  });
  return {
    dir,
    file: join(dir, "coreplus-booking.js"),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The page a clinic would publish: two lines for the widget, nothing inline. */
export function sitePage(opts: { api?: string; widget?: boolean; attrs?: string }): string {
  const widget = opts.widget !== false;
  return `<!doctype html>
<html lang="en-AU">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Book online · Harbourside Health</title>
<link rel="stylesheet" href="/site.css">
${widget ? '<script type="module" src="/coreplus-booking.js"></script>' : ""}
</head>
<body>
<main>
<h1>Book online</h1>
<p>Physiotherapy, podiatry and psychology in Melbourne, Brisbane and Adelaide.</p>
${widget ? `<coreplus-booking api="${opts.api}" clinic="harbourside"${opts.attrs ? ` ${opts.attrs}` : ""}></coreplus-booking>` : ""}
</main>
</body>
</html>`;
}

const SITE_CSS = `body{margin:0;font-family:system-ui,sans-serif;background:#f6f7f9;color:#1a1f24}
main{max-width:760px;margin:0 auto;padding:24px 16px}h1{margin:0 0 8px;font-size:28px}p{margin:0 0 24px}`;

/** The running stack. */
export interface Stack {
  edge: EdgeApiServer;
  sandbox: Awaited<ReturnType<typeof serveSandbox>>;
  controls: SandboxControls;
  /** The static site (CSP-protected) that embeds the widget. */
  site: string;
  close(): Promise<void>;
}

/** How the sandbox's clinic is configured for a suite. */
export type ClinicSetup = (clinic: ClinicConfig) => ClinicConfig;

/** The clinic as one that configures no disciplines, professions or service details: today's flow. */
export const plainClinic: ClinicSetup = (clinic) => ({
  ...clinic,
  disciplines: [],
  practitionerProfiles: {},
  appointmentTypeInfo: {},
});

/** How the site serves the widget. */
export interface SiteOptions {
  /**
   * Serve the scripts cacheable, as a CDN would, and send the page with the hints the widget's
   * README suggests: `Link` modulepreload of the first screen's files, preconnect to the edge API and a
   * preload of the bootstrap the element will ask for ({@link bootstrapHint}).
   * Default: `no-store` scripts and no hints (every test run fetches the build it tests).
   */
  cached?: boolean;
}

/**
 * The README's preload of the bootstrap for a page whose `<coreplus-booking>` has these attributes
 * (`location="…" practitioner="…"`): the URL the element asks for, byte for byte (the preselections set,
 * in the order locationId, appointmentTypeId, practitionerId, disciplineId), as `as=fetch` with
 * `crossorigin` (the element's fetch: mode cors, credentials same-origin).
 */
export function bootstrapHint(api: string, clinic: string, attrs: string): string {
  const query = new URLSearchParams();
  for (const [attr, param] of [
    ["location", "locationId"],
    ["appointment-type", "appointmentTypeId"],
    ["practitioner", "practitionerId"],
    ["discipline", "disciplineId"],
  ] as const) {
    const value = new RegExp(`(?:^|\\s)${attr}="([^"]+)"`).exec(attrs)?.[1];
    if (value) query.set(param, value);
  }
  const qs = `${query}`;
  return `<${api}/v1/clinics/${encodeURIComponent(clinic)}/bootstrap${qs && `?${qs}`}>; rel=preload; as=fetch; crossorigin`;
}

/**
 * Starts sandbox, edge API and site; `bundleFile` is the built script-tag file (its chunks beside it).
 * `thirdParty` origins are added to the site's CSP script-src and frame-src (Turnstile's, for a
 * clinic that chose it, as its docs ask of a host page).
 */
export async function startStack(
  bundleFile: string,
  setup: ClinicSetup = plainClinic,
  thirdParty: string[] = [],
  site: SiteOptions = {},
): Promise<Stack> {
  const now = () => new Date(PINNED_NOW);
  const sandbox = await serveSandbox({ port: 0, now, rateLimit: false, log: () => {} });
  const base = defaultSandboxConfig({ baseUrl: sandbox.url });
  const edge = await serveEdgeApi({
    port: 0,
    config: { ...base, clinics: base.clinics.map(setup) },
    now,
    logger: () => {},
  });
  // The entry and the chunks it imports, served from one folder as a clinic's host would.
  const bundleDir = dirname(bundleFile);
  const scripts = new Map<string, Buffer>();
  for (const name of await readdir(bundleDir))
    if (name.endsWith(".js")) scripts.set(`/${name}`, await readFile(join(bundleDir, name)));
  const csp = [
    "default-src 'none'",
    ["script-src 'self'", ...thirdParty].join(" "),
    ...(thirdParty.length > 0 ? [`frame-src ${thirdParty.join(" ")}`] : []),
    "style-src 'self'",
    `connect-src ${edge.url}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  // The README's hints: the entry and the element's chunk it imports (both named the same in every release;
  // the later views' chunk waits for the first screen), and the edge API's origin.
  const first = ["/coreplus-booking.js", "/coreplus-element.js"];
  for (const p of first)
    if (!scripts.has(p)) throw new Error(`the build has no ${p} (the README's hints name it)`);
  const hints = [
    ...first.map((p) => `<${p}>; rel=modulepreload`),
    `<${edge.url}>; rel=preconnect; crossorigin`,
  ].join(", ");
  const server = await listen((req, res) => {
    const url = new URL(req.url ?? "/", "http://site");
    const script = scripts.get(url.pathname);
    if (script) {
      const caching = site.cached ? "public, max-age=600" : "no-store";
      res
        .writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": caching })
        .end(script);
    } else if (url.pathname === "/site.css") {
      res.writeHead(200, { "Content-Type": "text/css; charset=utf-8" }).end(SITE_CSS);
    } else if (url.pathname === "/" || url.pathname === "/baseline") {
      const html = sitePage({
        api: edge.url,
        widget: url.pathname === "/",
        attrs: url.searchParams.get("attrs") ?? "",
      });
      const headers: Record<string, string> = {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": csp,
      };
      if (site.cached && url.pathname === "/")
        headers.Link = `${hints}, ${bootstrapHint(edge.url, "harbourside", url.searchParams.get("attrs") ?? "")}`;
      res.writeHead(200, headers).end(html);
    } else if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  });
  return {
    edge,
    sandbox,
    controls: createSandboxControls({ baseUrl: sandbox.url, adminToken: sandbox.sandbox.adminToken }),
    site: server.url,
    async close() {
      await server.close();
      await edge.close();
      await sandbox.close();
    },
  };
}

/**
 * Opens the site in a fresh context with the browser's clock pinned to the business clock; `before` runs
 * on the page before it navigates (routes that hold or fail a chunk).
 */
export async function openSite(
  browser: Browser,
  stack: Stack,
  opts: {
    width?: number;
    path?: string;
    reducedMotion?: boolean;
    before?: (page: Page) => Promise<unknown>;
  } = {},
) {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: 900 },
    reducedMotion: opts.reducedMotion ? "reduce" : "no-preference",
    locale: "en-AU",
    timezoneId: "Australia/Melbourne",
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.clock.setFixedTime(PINNED_NOW);
  await opts.before?.(page);
  await page.goto(`${stack.site}${opts.path ?? "/"}`);
  return { page, context, problems };
}

/** Whether the located element has focus now, looking into shadow roots. */
export function isFocused(target: ReturnType<Page["getByRole"]>): Promise<boolean> {
  return target.evaluate((el) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });
}

/** Presses Tab (never clicks) until the control found by role and name has focus. */
export async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, max = 80): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const honeypot = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.id === "website";
    });
    if (honeypot) throw new Error("the honeypot received keyboard focus");
    if (await isFocused(target)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The focused element's text (for checking that focus moved to a step heading). */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return (active?.textContent ?? "").trim();
  });
}

/** Runs axe-core in the page (injected over the DevTools protocol, so the CSP still holds for the page). */
export async function axeViolations(
  page: Page,
): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  const axe = (await import("axe-core")).default;
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: Document,
          opts: unknown,
        ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }>;
      };
    };
    const result = await w.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}

/** Under `CI=true` a missing browser fails the run; elsewhere the reason the browser tests are skipped is printed once. */
export function requireChromiumUnderCi(): void {
  guard("browser tests");
}

/** The live handles of {@link useE2eStack}, valid inside tests. */
export interface E2e {
  readonly stack: Stack;
  readonly browser: Browser;
}

/**
 * Registers the hooks every end-to-end file needs (call it inside the `describe`): build the
 * self-contained bundle, start sandbox + edge API + site, launch Chromium; and tear them down after.
 * The clinic is {@link plainClinic} (no disciplines) unless `clinic` configures it otherwise;
 * `thirdParty` origins are allowed by the site's CSP ({@link startStack}).
 */
export function useE2eStack(setup?: () => Promise<void>, clinic?: ClinicSetup, thirdParty?: string[]): E2e {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const bundle = await buildBundle();
    cleanup = bundle.cleanup;
    stack = await startStack(bundle.file, clinic, thirdParty);
    browser = await launchChromium();
    await setup?.();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await cleanup?.();
  });
  return {
    get stack() {
      if (!stack) throw new Error("the e2e stack is not started (use it inside a test)");
      return stack;
    },
    get browser() {
      if (!browser) throw new Error("Chromium is not launched (use it inside a test)");
      return browser;
    },
  };
}
