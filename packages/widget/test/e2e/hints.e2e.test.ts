/**
 * The README's hints, end to end in Chromium: a page that sends them (`Link`: modulepreload of the
 * first screen's files, preconnect, and the preload of the bootstrap) gets its first screen from the
 * preloaded bootstrap, one request to the edge API with no second fetch and no "preload not used" warning,
 * and the element's chunk from its hint; the later views' chunk is fetched only once the first step is on screen.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildBundle,
  hasChromium,
  launchChromium,
  PINNED_NOW,
  plainClinic,
  requireChromiumUnderCi,
  type Stack,
  startStack,
} from "./stack.ts";

requireChromiumUnderCi();

describe.skipIf(!hasChromium)("the README's hints in Chromium", () => {
  let stack: Stack;
  let browser: Browser;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const bundle = await buildBundle();
    cleanup = bundle.cleanup;
    stack = await startStack(bundle.file, plainClinic, [], { cached: true });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await cleanup?.();
  });

  /**
   * Opens the page, recording the edge API reads and the console's warnings from the start. `pinClock`
   * false leaves the page's clocks real (Playwright's pinned clock replaces `performance`).
   */
  async function open(
    attrs = "",
    { pinClock = true, init }: { pinClock?: boolean; init?: () => void } = {},
  ): Promise<{ page: Page; edge: URL[]; problems: string[]; close(): Promise<void> }> {
    const context = await browser.newContext({ locale: "en-AU", timezoneId: "Australia/Melbourne" });
    const page = await context.newPage();
    if (init) await page.addInitScript(init);
    const edge: URL[] = [];
    const problems: string[] = [];
    // The reads of the first screen (a booking's challenge may be fetched in the background once it is up).
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (r.url().startsWith(stack.edge.url) && !url.pathname.endsWith("/challenge")) edge.push(url);
    });
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    if (pinClock) await page.clock.setFixedTime(PINNED_NOW);
    await page.goto(`${stack.site}/?attrs=${encodeURIComponent(attrs)}`);
    return { page, edge, problems, close: () => context.close() };
  }
  const shadow = (page: Page, selector: string) =>
    page.waitForFunction(
      (s) => !!document.querySelector("coreplus-booking")?.shadowRoot?.querySelector(s),
      selector,
    );

  it("paints the first step from the preloaded bootstrap: one request to the edge API", async () => {
    const { page, edge, problems, close } = await open();
    await page.getByRole("heading", { name: "Where would you like to be seen?" }).waitFor();
    await page.getByRole("button", { name: /^Harbourside Health Docklands/ }).waitFor();
    expect(edge.map((u) => u.pathname)).toEqual(["/v1/clinics/harbourside/bootstrap"]);
    expect(problems).toEqual([]);
    await close();
  });

  it("fetches the element's chunk from its hint, with the page, not after the entry has run", async () => {
    // Real clocks: Playwright's pinned one replaces `performance` (no resource timing).
    const { page, problems, close } = await open("", { pinClock: false });
    await shadow(page, "button.choice");
    const [entry, element] = await page.evaluate(() =>
      ["/coreplus-booking.js", "/coreplus-element.js"].map((file) =>
        (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((e) => e.name.endsWith(file))
          .map((e) => ({ start: e.startTime, end: e.responseEnd })),
      ),
    );
    // Once, and asked for before the entry had even arrived (its import() could only ask after running it).
    expect(element).toHaveLength(1);
    expect(entry).toHaveLength(1);
    expect(element![0]!.start).toBeLessThan(entry![0]!.end);
    expect(problems).toEqual([]);
    await close();
  });

  it("fetches the later views' chunk only after the first step is on screen", async () => {
    const { page, problems, close } = await open("", {
      pinClock: false,
      // When a frame first finds the location buttons (real ones, not the skeleton's).
      init: () => {
        const seen = () => {
          const root = document.querySelector("coreplus-booking")?.shadowRoot;
          if (root?.querySelector("button.choice"))
            (window as unknown as { shown: number }).shown = performance.now();
          else requestAnimationFrame(seen);
        };
        requestAnimationFrame(seen);
      },
    });
    const later = await page.waitForFunction(
      () =>
        performance.getEntriesByType("resource").find((e) => e.name.includes("/coreplus-later-"))?.startTime,
    );
    const shown = await page.evaluate(() => (window as unknown as { shown?: number }).shown);
    expect(shown).toBeTypeOf("number");
    expect(await later.jsonValue()).toBeGreaterThan(shown!);
    expect(problems).toEqual([]);
    await close();
  });

  it("paints a deep link's first times from the preloaded bootstrap alone", async () => {
    const api = `${stack.edge.url}/v1/clinics/harbourside`;
    const answer = (await (await fetch(`${api}/bootstrap`)).json()) as {
      clinic: { locations: { id: string; name: string }[] };
    };
    const location = answer.clinic.locations.find((l) => l.name.includes("Docklands"))!.id;
    const lists = (await (await fetch(`${api}/bootstrap?locationId=${location}`)).json()) as {
      appointmentTypes: { id: string; name: string }[];
      practitioners: { id: string; appointmentTypeIds: string[] }[];
    };
    const type = lists.appointmentTypes.find((t) => t.name.startsWith("Standard Consultation"))!.id;
    const practitioner = lists.practitioners.find((p) => p.appointmentTypeIds.includes(type))!.id;
    const { page, edge, problems, close } = await open(
      `location="${location}" appointment-type="${type}" practitioner="${practitioner}"`,
    );
    await shadow(page, "button.pill:not(.skeleton)");
    expect(edge.map((u) => `${u.pathname}${u.search}`)).toEqual([
      `/v1/clinics/harbourside/bootstrap?locationId=${location}&appointmentTypeId=${type}&practitionerId=${practitioner}`,
    ]);
    expect(problems).toEqual([]);
    await close();
  });
});
