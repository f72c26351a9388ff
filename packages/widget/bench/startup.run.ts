/**
 * `pnpm bench`: the script-tag file's gzip -9 size, and the time from navigation to the first slot
 * buttons in Chromium against the local stack (sandbox + edge API, pinned clock), median of 10,
 * next to the same page without the widget (time to its heading) as the baseline of this run.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  buildBundle,
  hasChromium,
  launchChromium,
  PINNED_NOW,
  type Stack,
  skipReason,
  startStack,
} from "../test/e2e/stack.ts";

const RUNS = 10;
let stack: Stack;
let bundle: Awaited<ReturnType<typeof buildBundle>>;

beforeAll(async () => {
  bundle = await buildBundle();
  if (hasChromium) stack = await startStack(bundle.file);
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
  // Every file of the script-tag build: the entry, the element's chunk and the later views' chunk.
  const sizes = await Promise.all(
    (await readdir(bundle.dir))
      .filter((name) => name.endsWith(".js"))
      .map(
        async (name) =>
          [name, gzipSync(await readFile(join(bundle.dir, name)), { level: 9 }).length] as const,
      ),
  );
  const total = sizes.reduce((n, [, b]) => n + b, 0);
  console.log(
    `bench: script-tag build gzip -9 ${total} B in all: ${sizes.map(([f, b]) => `${f} ${b} B`).join(", ")}`,
  );
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

  const browser = await launchChromium();
  // One tab navigated again and again (the site sends no caching headers, so every run fetches the
  // file again), so a renderer process start-up is not counted in either figure.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(PINNED_NOW);
  // Timed from Node: the page's own clocks (Date, performance.now) are pinned by page.clock.
  const measure = async (path: string, ready: () => boolean) => {
    const start = performance.now();
    await page.goto(`${stack.site}${path}`, { waitUntil: "commit" });
    await page.waitForFunction(ready, undefined, { polling: "raf", timeout: 30_000 });
    return performance.now() - start;
  };
  const slotShown = () =>
    !!document.querySelector("coreplus-booking")?.shadowRoot?.querySelector("button.pill:not(.skeleton)");
  const headingShown = () => !!document.querySelector("h1") && document.readyState !== "loading";
  // One unmeasured run each warms Chromium and the edge API's read cache (as any visitor after the first finds it).
  await measure(`/?attrs=${attrs}`, slotShown);
  await measure("/baseline", headingShown);
  const widget: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(await measure("/baseline", headingShown));
    widget.push(await measure(`/?attrs=${attrs}`, slotShown));
  }
  await context.close();
  await browser.close();
  const w = median(widget);
  const b = median(baseline);
  console.log(
    `bench: navigation → first slot buttons, median of ${RUNS}: ${ms(w)} (min ${ms(Math.min(...widget))}, max ${ms(Math.max(...widget))})`,
  );
  console.log(`bench: baseline page without the widget, navigation → content, median of ${RUNS}: ${ms(b)}`);
  console.log(`bench: the widget adds ${ms(w - b)} (${(w / b).toFixed(1)}× the baseline)`);
  expect(w).toBeGreaterThan(0);
});
