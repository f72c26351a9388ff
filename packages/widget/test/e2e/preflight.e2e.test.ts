/**
 * The first screen's reads, end to end in Chromium: none is preflighted. The edge API is another
 * origin, so a read with a header or content type that is not CORS-safelisted would cost a first visit
 * an OPTIONS round trip before it (the edge's `Access-Control-Max-Age: 600` helps only later visits).
 */
import type { CDPSession, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasChromium, requireChromiumUnderCi, useE2eStack } from "./stack.ts";

requireChromiumUnderCi();

describe.skipIf(!hasChromium)("CORS preflights of the first screen in Chromium", () => {
  const e2e = useE2eStack();

  /** Every request Chromium sends to the edge API, preflights included (which page.on("request") never sees). */
  async function edgeRequests(
    page: Page,
  ): Promise<{ cdp: CDPSession; sent: { method: string; type: string; url: string }[] }> {
    const cdp = await page.context().newCDPSession(page);
    const sent: { method: string; type: string; url: string }[] = [];
    cdp.on("Network.requestWillBeSent", (e) => {
      if (e.request.url.startsWith(e2e.stack.edge.url))
        sent.push({ method: e.request.method, type: e.type ?? "", url: e.request.url });
    });
    await cdp.send("Network.enable");
    return { cdp, sent };
  }

  it("sends no preflight for the first screen's reads (and would see one)", async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const { sent } = await edgeRequests(page);
    await page.goto(e2e.stack.site);
    await page.getByRole("button", { name: /^Harbourside Health Docklands/ }).waitFor();
    const first = sent.filter((r) => !r.url.endsWith("/challenge"));
    expect(first.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "GET /v1/clinics/harbourside/bootstrap",
    ]);
    expect(first.filter((r) => r.type === "Preflight" || r.method === "OPTIONS")).toEqual([]);
    // The detector works: a read with a header that is not CORS-safelisted is preflighted.
    await page.evaluate(
      (url) => fetch(url, { headers: { "Idempotency-Key": "cpk_preflight_probe" } }).then((r) => r.status),
      `${e2e.stack.edge.url}/v1/clinics/harbourside`,
    );
    expect(sent.some((r) => r.type === "Preflight" || r.method === "OPTIONS")).toBe(true);
    await context.close();
  });
});
