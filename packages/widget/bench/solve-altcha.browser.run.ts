/**
 * `pnpm bench`, in real Chromium: how long the widget's altcha solver takes for the edge API's production
 * and development settings on a mid-range phone, approximated as this machine's Chromium with the CPU
 * throttled 4× (CDP Emulation.setCPUThrottlingRate), median of 5 — next to the same solves unthrottled in
 * this run as the baseline. The solve starts when the details step opens, so the figure to compare is the
 * time a patient takes to type a name, date of birth, email and mobile (well over 10 s).
 */
import { afterAll, expect, it } from "vitest";
import { cdp } from "vitest/browser";
import { ALTCHA_DEFAULT, ALTCHA_DEVELOPMENT } from "../../edge-api/src/config/challenge.js";
import { solveAltcha } from "../src/internal/solve-altcha.js";
import { altchaChallengeFor } from "../test/altcha-challenge.js";

const RUNS = 5;

async function medianSolveMs(setting: typeof ALTCHA_DEFAULT | typeof ALTCHA_DEVELOPMENT) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const challenge = await altchaChallengeFor(setting);
    const t = performance.now();
    expect(await solveAltcha(challenge)).toBeDefined();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

afterAll(async () => {
  await cdp().send("Emulation.setCPUThrottlingRate", { rate: 1 });
});

it("prints the solve times at 4× CPU throttling against unthrottled", async () => {
  await cdp().send("Emulation.setCPUThrottlingRate", { rate: 1 });
  const production1 = await medianSolveMs(ALTCHA_DEFAULT);
  const development1 = await medianSolveMs(ALTCHA_DEVELOPMENT);
  await cdp().send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const production4 = await medianSolveMs(ALTCHA_DEFAULT);
  const development4 = await medianSolveMs(ALTCHA_DEVELOPMENT);
  const f = (x: number) => `${x.toFixed(0)} ms`;
  console.log(
    `bench: altcha solve, Chromium at 4× CPU throttling (median of ${RUNS}): production ${f(production4)} ` +
      `(${(production4 / production1).toFixed(2)}× unthrottled ${f(production1)}; ` +
      `${((production4 / 10_000) * 100).toFixed(0)} % of a 10 s details form), ` +
      `development ${f(development4)} (${(development4 / development1).toFixed(2)}× unthrottled ${f(development1)})`,
  );
}, 300_000);
