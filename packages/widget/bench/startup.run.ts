/**
 * `pnpm bench`: the script-tag build's gzip -9 sizes (first screen and all files, from the size check), and the time from navigation to the first slot
 * buttons in Chromium against the local stack (sandbox + edge API, pinned clock), median of 10,
 * next to the same page without the widget (time to its heading) as the baseline of this run; both
 * with a cold browser cache (cleared before each run: a first visit) and a warm one (a returning
 * visitor: the site serves the scripts cacheable with the README's Link hints, and the edge API's
 * Cache-Control lets the bootstrap come from the cache). With `BENCH_TRACE=<file.json>`, one more cold
 * widget run after the measured ones is recorded as a Chromium performance trace with CPU samples (open it
 * in Chrome DevTools' Performance panel or ui.perfetto.dev; `pnpm build` writes the same files with their
 * maps to dist/, which turn the samples' minified positions into sources).
 */
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  buildBundle,
  hasChromium,
  launchChromium,
  PINNED_NOW,
  plainClinic,
  type Stack,
  skipReason,
  startStack,
} from "../test/e2e/stack.ts";

const RUNS = 10;
let stack: Stack;
let bundle: Awaited<ReturnType<typeof buildBundle>>;

beforeAll(async () => {
  bundle = await buildBundle();
  if (hasChromium) stack = await startStack(bundle.file, plainClinic, [], { cached: true });
});
afterAll(async () => {
  await stack?.close();
  await bundle?.cleanup();
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

it("prints the size and the time to the first slot buttons", async () => {
  // The sizes as the size check measures them (its own build, as shipped: source-map comments included),
  // so the bench and `pnpm test` never print two figures for one build; printed even when over budget.
  const sizeCheck = fileURLToPath(new URL("../scripts/check-size.mjs", import.meta.url));
  const size = spawnSync(process.execPath, [sizeCheck], { encoding: "utf8" });
  console.log(`${size.stdout}${size.stderr}`.trim().replace(/^size:/gm, "bench: size:"));
  if (!hasChromium) {
    console.log(`bench: browser figures skipped — ${skipReason}`);
    return;
  }
  // Preselect everything so the first step is the date and time step, as a deep link would.
  const api = `${stack.edge.url}/v1/clinics/harbourside`;
  const profile = (await (await fetch(api)).json()) as {
    clinic: { locations: { id: string; name: string }[] };
  };
  const location = profile.clinic.locations.find((l) => l.name.includes("Docklands"))!.id;
  const types = (await (await fetch(`${api}/appointment-types?locationId=${location}`)).json()) as {
    appointmentTypes: { id: string; name: string }[];
  };
  const type = types.appointmentTypes.find((t) => t.name.startsWith("Standard Consultation"))!.id;
  const pracs = (await (await fetch(`${api}/practitioners?locationId=${location}`)).json()) as {
    practitioners: { id: string; appointmentTypeIds: string[] }[];
  };
  const practitioner = pracs.practitioners.find((p) => p.appointmentTypeIds.includes(type))!.id;
  const attrs = encodeURIComponent(
    `location="${location}" appointment-type="${type}" practitioner="${practitioner}"`,
  );

  // The machine is often shared: figures taken at a load above the core count say little.
  const load = () => `${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores`;
  const loadBefore = load();
  const browser = await launchChromium();
  // One tab navigated again and again, so a renderer process start-up is not counted in any figure.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.clock.setFixedTime(PINNED_NOW);
  // Timed from Node: the page's own clocks (Date, performance.now) are pinned by page.clock.
  const measure = async (path: string, ready: () => boolean, cold: boolean) => {
    if (cold) await cdp.send("Network.clearBrowserCache");
    const start = performance.now();
    await page.goto(`${stack.site}${path}`, { waitUntil: "commit" });
    await page.waitForFunction(ready, undefined, { polling: "raf", timeout: 30_000 });
    return performance.now() - start;
  };
  const slotShown = () =>
    !!document.querySelector("coreplus-booking")?.shadowRoot?.querySelector("button.pill:not(.skeleton)");
  const headingShown = () => !!document.querySelector("h1") && document.readyState !== "loading";
  const widgetPage = `/?attrs=${attrs}`;
  // One unmeasured run each warms Chromium and the edge API's read cache (as any visitor after the first finds it).
  await measure(widgetPage, slotShown, true);
  await measure("/baseline", headingShown, true);
  const runs = {
    cold: { widget: [] as number[], baseline: [] as number[] },
    warm: { widget: [] as number[], baseline: [] as number[] },
  };
  for (let i = 0; i < RUNS; i++) {
    for (const cache of ["cold", "warm"] as const) {
      runs[cache].baseline.push(await measure("/baseline", headingShown, cache === "cold"));
      runs[cache].widget.push(await measure(widgetPage, slotShown, cache === "cold"));
    }
  }
  const tracePath = process.env.BENCH_TRACE;
  if (tracePath) {
    await cdp.send("Network.clearBrowserCache");
    const timeline = ["devtools.timeline", "disabled-by-default-devtools.timeline", "loading"];
    await browser.startTracing(page, {
      categories: [...timeline, "v8.execute", "disabled-by-default-v8.cpu_profiler"],
    });
    await measure(widgetPage, slotShown, false);
    await writeFile(tracePath, await browser.stopTracing());
    console.log(`bench: a cold run's trace is in ${tracePath}`);
  }
  await context.close();
  await browser.close();
  console.log(`bench: machine load (1-minute average) ${loadBefore} before the page runs, ${load()} after`);
  for (const cache of ["cold", "warm"] as const) {
    const { widget, baseline } = runs[cache];
    const w = median(widget);
    const b = median(baseline);
    console.log(
      `bench: ${cache} cache: navigation → first slot buttons, median of ${RUNS}: ${ms(w)} (min ${ms(Math.min(...widget))}, max ${ms(Math.max(...widget))}); page alone ${ms(b)}; ${(w / b).toFixed(2)}× the page alone (target ≤ 1.3×)`,
    );
    expect(w).toBeGreaterThan(0);
  }
});
