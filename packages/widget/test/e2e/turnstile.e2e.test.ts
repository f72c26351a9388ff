/**
 * A Turnstile clinic end to end, in Chromium, against the real edge API and sandbox, with no network:
 * Cloudflare's api.js and its challenge frame are played by a local stand-in (routed by the browser at
 * Cloudflare's own URLs) that behaves like Cloudflare's — explicit `turnstile.render` into the given
 * box, an iframe, a token through `callback` — and siteverify by a local stand-in that answers as
 * Cloudflare's does (secret, single use, hostname). The script is loaded only at the details step.
 * The manage screens (Find my booking, the reschedule check, the cancel) render the same widget and
 * send its token; without one, or with a spent one, the edge API refuses the lookup and the changes.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  hasChromium,
  openSite,
  plainClinic,
  requireChromiumUnderCi,
  type Stack,
  tabTo,
  useE2eStack,
} from "./stack.ts";
import { expectNoAxe, expectStep, heading, press, typeDetails } from "./steps.ts";

requireChromiumUnderCi();

const CLOUDFLARE = "https://challenges.cloudflare.com";
const SITE_KEY = "0x4AAAAAAAstandin";
const SECRET = "turnstile-standin-secret";

/** The stand-in for https://challenges.cloudflare.com/turnstile/v0/siteverify. */
const verified: URLSearchParams[] = [];
const used = new Set<string>();
let siteverify: Server;
let siteverifyUrl = "";

beforeAll(async () => {
  siteverify = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const form = new URLSearchParams(raw);
      verified.push(form);
      const token = form.get("response") ?? "";
      const answer = (body: object) =>
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (form.get("secret") !== SECRET)
        return answer({ success: false, "error-codes": ["invalid-input-secret"] });
      if (used.has(token)) return answer({ success: false, "error-codes": ["timeout-or-duplicate"] });
      if (!token.startsWith("standin-"))
        return answer({ success: false, "error-codes": ["invalid-input-response"] });
      used.add(token);
      answer({
        success: true,
        challenge_ts: new Date().toISOString(),
        hostname: "127.0.0.1",
        "error-codes": [],
      });
    });
  });
  await new Promise<void>((r) => siteverify.listen(0, "127.0.0.1", r));
  siteverifyUrl = `http://127.0.0.1:${(siteverify.address() as AddressInfo).port}/turnstile/v0/siteverify`;
});
afterAll(() => new Promise<void>((r) => siteverify.close(() => r())));

/** api.js as Cloudflare's behaves for explicit rendering: `window.turnstile`, an iframe, a token. */
const API_JS = `(() => {
  let n = 0;
  const widgets = new Map();
  window.turnstile = {
    render(container, options) {
      const id = "cf-chl-widget-" + ++n;
      const frame = document.createElement("iframe");
      frame.src = "${CLOUDFLARE}/cdn-cgi/challenge-platform/standin/" + encodeURIComponent(options.sitekey);
      frame.title = "Widget containing a Cloudflare security challenge";
      frame.style.cssText = "width:300px;height:65px;border:0";
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "cf-turnstile-response";
      container.append(frame, input);
      widgets.set(id, container);
      setTimeout(() => {
        const token = "standin-" + options.sitekey + "-" + n + "-" + Math.random().toString(36).slice(2);
        input.value = token;
        options.callback?.(token);
      }, 150);
      return id;
    },
    remove(id) { widgets.get(id)?.replaceChildren(); widgets.delete(id); },
    reset() {},
    getResponse() { return undefined; },
  };
})();`;
const FRAME_HTML = `<!doctype html><html lang="en"><title>Cloudflare security challenge</title><body style="margin:0;font:14px system-ui"><p>Success!</p></body></html>`;

/** Routes Cloudflare's URLs to the stand-ins; returns what was asked for. */
async function standInCloudflare(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await page.context().route(`${CLOUDFLARE}/**`, (route) => {
    const url = route.request().url();
    asked.push(url);
    if (url.startsWith(`${CLOUDFLARE}/turnstile/v0/api.js`))
      return route.fulfill({ status: 200, contentType: "text/javascript", body: API_JS });
    if (url.startsWith(`${CLOUDFLARE}/cdn-cgi/challenge-platform/`))
      return route.fulfill({ status: 200, contentType: "text/html", body: FRAME_HTML });
    return route.fulfill({ status: 404, body: "" });
  });
  return asked;
}

const idempotencyKey = () => `cpk_${crypto.randomUUID().replaceAll("-", "")}`;

/** Books a time on 8 December over HTTP, with a token the siteverify stand-in takes (once). */
async function bookOverHttp(
  stack: Stack,
  patient: { firstName: string; lastName: string; dateOfBirth: string },
) {
  const api = `${stack.edge.url}/v1/clinics/harbourside`;
  const seed = await stack.controls.seed();
  const locationId = seed.locations.find((l) => l.name.includes("Docklands"))!.locationId;
  const appointmentTypeId = seed.appointmentTypes.find(
    (t) => t.description === "Standard Consultation",
  )!.appointmentTypeId;
  const q = new URLSearchParams({ locationId, appointmentTypeId, from: "2026-12-08", to: "2026-12-08" });
  const { days } = (await (await fetch(`${api}/availability?${q}`)).json()) as {
    days: { slots: { start: string; practitionerId: string }[] }[];
  };
  const slot = days[0]!.slots[0]!;
  const res = await fetch(`${api}/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": idempotencyKey() },
    body: JSON.stringify({
      slot: { locationId, appointmentTypeId, practitionerId: slot.practitionerId, start: slot.start },
      patient: { ...patient, email: "turnstile.manage@example.com", mobile: "0400 555 321" },
      consent: true,
      proof: { token: `standin-direct-${crypto.randomUUID()}` },
    }),
  });
  const body = (await res.json()) as { booking: { reference: string }; manage: { token: string } };
  expect(res.status, JSON.stringify(body)).toBe(201);
  return { api, reference: body.booking.reference, token: body.manage.token };
}

/** The token in Cloudflare's box once its callback has run: a fresh one, none of `spent`. */
async function renderedToken(page: Page, spent: string[] = []): Promise<string> {
  const input = page.locator("coreplus-booking > [slot=challenge] input[name=cf-turnstile-response]");
  await expect
    .poll(async () => {
      const value = await input.inputValue();
      return value.startsWith(`standin-${SITE_KEY}-`) && !spent.includes(value);
    })
    .toBe(true);
  return input.inputValue();
}

/** Cloudflare's frame, in the element's light DOM, shown on the current screen through its slot. */
async function expectChallengeShown(page: Page): Promise<void> {
  const frame = page.locator('coreplus-booking > [slot="challenge"] iframe');
  await frame.waitFor();
  expect(await frame.isVisible()).toBe(true);
}

describe.skipIf(!hasChromium)("a Turnstile clinic: Cloudflare's widget in the widget", () => {
  const e2e = useE2eStack(
    undefined,
    (clinic) => ({
      ...plainClinic(clinic),
      challenge: {
        kind: "turnstile",
        siteKey: SITE_KEY,
        secretKey: SECRET,
        // Read when the stack starts (after the stand-in above listens).
        siteverifyUrl,
        hostnames: ["127.0.0.1"],
      },
    }),
    [CLOUDFLARE],
  );

  // A whole booking in Chromium with two axe runs: the e2e suites' longest path, so a longer allowance.
  it("loads api.js at the details step only, renders it there, and books with its token; axe finds nothing", {
    timeout: 60_000,
  }, async () => {
    const { page, context, problems } = await openSite(e2e.browser, e2e.stack);
    const asked = await standInCloudflare(page);
    await page.getByRole("heading", { name: "Where would you like to be seen?" }).waitFor();
    expect(asked).toEqual([]);
    const before = e2e.stack.sandbox.sandbox.store.appointments.size;
    await press(page, "button", /^Harbourside Health Docklands/);
    await press(page, "button", /^Standard Consultation/);
    await press(page, "button", /^First available/);
    await expectStep(page, "Choose a date and time");
    expect(asked).toEqual([]);
    const first = page.getByRole("group").first().getByRole("button").first();
    await first.waitFor();
    await press(page, "button", (await first.textContent())!.trim());
    await expectStep(page, "Your details");
    await expectChallengeShown(page);
    await expect
      .poll(() => page.locator("coreplus-booking input[name=cf-turnstile-response]").inputValue())
      .toMatch(/^standin-/);
    expect(asked.filter((u) => u.includes("/api.js")).length).toBe(1);
    await expectNoAxe(page, "details with Turnstile");
    await typeDetails(page, {
      firstName: "Turnstile",
      lastName: "Patient",
      day: "27",
      month: "3",
      year: "1990",
      email: "turnstile.patient@example.com",
      mobile: "0400 555 123",
    });
    await expectStep(page, "Check your booking");
    await press(page, "button", "Confirm booking");
    await expectStep(page, "You're booked");
    expect(e2e.stack.sandbox.sandbox.store.appointments.size).toBe(before + 1);
    // The edge API verified the token at siteverify, with the secret and the visitor's address.
    const form = verified.at(-1)!;
    expect(form.get("secret")).toBe(SECRET);
    expect(form.get("response")).toMatch(new RegExp(`^standin-${SITE_KEY}-`));
    expect(form.get("remoteip")).toBe("127.0.0.1");
    expect(problems).toEqual([]);
    await context.close();
  });

  const who = { firstName: "Turnstile", lastName: "Manager", dateOfBirth: "1984-05-09" };

  it("the edge API refuses a lookup, a reschedule or a cancel without a token, or with a spent one", async () => {
    const { api, reference, token } = await bookOverHttp(e2e.stack, who);
    const spent = verified.at(-1)!.get("response")!;
    const post = async (path: string, body: object) => {
      const res = await fetch(`${api}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": idempotencyKey() },
        body: JSON.stringify(body),
      });
      return { status: res.status, type: ((await res.json()) as { type: string }).type };
    };
    const lookup = { reference, lastName: who.lastName, dateOfBirth: who.dateOfBirth };
    const move = { start: "2026-12-09T10:00:00+11:00" };
    for (const [path, body] of [
      ["/bookings/lookup", lookup],
      [`/bookings/${token}/reschedule`, move],
      [`/bookings/${token}/cancel`, {}],
    ] as const) {
      expect(await post(path, body)).toEqual({
        status: 422,
        type: "https://coreplus-kit.dev/problems/challenge-required",
      });
      expect(await post(path, { ...body, proof: { token: spent } })).toEqual({
        status: 422,
        type: "https://coreplus-kit.dev/problems/challenge-failed",
      });
    }
    // Nothing changed: the booking is still booked.
    const still = await fetch(`${api}/bookings/${token}`).then(
      (r) => r.json() as Promise<{ booking: { status: string } }>,
    );
    expect(still.booking.status).toBe("booked");
  });

  it("Find my booking, the reschedule check and the cancel render Cloudflare's widget and send its token", {
    timeout: 60_000,
  }, async () => {
    const { reference } = await bookOverHttp(e2e.stack, { ...who, firstName: "Turnstyle" });
    const { page, context, problems } = await openSite(e2e.browser, e2e.stack);
    const asked = await standInCloudflare(page);
    await heading(page, "Where would you like to be seen?").waitFor();
    expect(asked).toEqual([]);
    const sent = () => verified.map((f) => f.get("response"));

    await press(page, "button", "Find my booking");
    await expectStep(page, "Find my booking");
    await expectChallengeShown(page);
    const forLookup = await renderedToken(page);
    for (const [label, text] of [
      ["Booking reference", reference],
      ["Last name", who.lastName],
      ["Day", "9"],
      ["Month", "5"],
      ["Year", "1984"],
    ] as const) {
      await tabTo(page, page.getByRole("textbox", { name: label, exact: true }));
      await page.keyboard.type(text);
    }
    await press(page, "button", "Find my booking");
    await expectStep(page, "Your appointment");
    expect(sent()).toContain(forLookup);

    await press(page, "button", "Reschedule");
    await expectStep(page, "Choose a new time");
    const times = page.getByRole("group").first().getByRole("button");
    await times.nth(1).waitFor();
    await press(page, "button", (await times.nth(1).textContent())!.trim());
    await expectStep(page, "Check your new time");
    await expectChallengeShown(page);
    const forMove = await renderedToken(page, [forLookup]);
    await expectNoAxe(page, "reschedule check with Turnstile");
    await press(page, "button", "Confirm new time");
    await expectStep(page, "Your appointment has moved");
    expect(sent()).toContain(forMove);

    await press(page, "button", "Cancel appointment");
    await expectStep(page, "Cancel your appointment?");
    await expectChallengeShown(page);
    const forCancel = await renderedToken(page, [forLookup, forMove]);
    await expectNoAxe(page, "cancel with Turnstile");
    await press(page, "button", "Cancel appointment");
    await expectStep(page, "Your appointment is cancelled");
    expect(sent()).toContain(forCancel);
    // Each was checked with the clinic's secret and the visitor's address; api.js was loaded once.
    for (const form of verified.filter((f) => [forLookup, forMove, forCancel].includes(f.get("response")!))) {
      expect(form.get("secret")).toBe(SECRET);
      expect(form.get("remoteip")).toBe("127.0.0.1");
    }
    expect(asked.filter((u) => u.includes("/api.js")).length).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
