import { afterAll, describe, expect, it } from "vitest";
import {
  CHROMIUM_ARGS,
  ChromiumMissingError,
  chromiumLaunchOptions,
  chromiumPath,
  chromiumSkipReason,
  DEFAULT_CHROMIUM_PATH,
  findChromium,
  launchChromium,
  requireChromiumUnderCi,
} from "./chromium.ts";

const MISSING = "/nonexistent/chromium-for-test";
// Any file that certainly exists stands in for a browser binary in the detection tests.
const PRESENT = process.execPath;

describe("chromiumPath / findChromium", () => {
  it("uses CHROMIUM_PATH (trimmed), else Debian's path", () => {
    expect(chromiumPath({ CHROMIUM_PATH: "  /opt/chromium  " })).toBe("/opt/chromium");
    expect(chromiumPath({ CHROMIUM_PATH: "   " })).toBe(DEFAULT_CHROMIUM_PATH);
    expect(chromiumPath({})).toBe("/usr/bin/chromium");
  });

  it("finds the executable only when it exists", () => {
    expect(findChromium({ CHROMIUM_PATH: PRESENT })).toBe(PRESENT);
    expect(findChromium({ CHROMIUM_PATH: MISSING })).toBeUndefined();
  });
});

describe("requireChromiumUnderCi", () => {
  it("returns the executable and prints nothing when Chromium is there", () => {
    const lines: string[] = [];
    expect(
      requireChromiumUnderCi("suite", { CHROMIUM_PATH: PRESENT, CI: "true" }, (l) => lines.push(l)),
    ).toBe(PRESENT);
    expect(lines).toEqual([]);
  });

  it("skips with a one-line reason outside CI", () => {
    const lines: string[] = [];
    expect(requireChromiumUnderCi("widget e2e", { CHROMIUM_PATH: MISSING }, (l) => lines.push(l))).toBe(
      undefined,
    );
    expect(lines).toEqual([
      `widget e2e: skipped — no Chromium at ${MISSING} (install Debian's chromium or set CHROMIUM_PATH)`,
    ]);
  });

  it("fails under CI=true, naming the suite and the path", () => {
    const env = { CHROMIUM_PATH: MISSING, CI: "true" };
    const lines: string[] = [];
    let thrown: unknown;
    try {
      requireChromiumUnderCi("demo e2e", env, (l) => lines.push(l));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ChromiumMissingError);
    expect(thrown).toMatchObject({
      name: "ChromiumMissingError",
      code: "ERR_TEST_SUPPORT_CHROMIUM_MISSING",
      suite: "demo e2e",
      path: MISSING,
      message: `demo e2e: ${chromiumSkipReason(env)}; CI=true requires a browser`,
    });
    expect(lines).toEqual([]);
  });
});

describe("chromiumLaunchOptions", () => {
  it("is headless with the container flags", () => {
    expect(chromiumLaunchOptions("/x/chromium")).toEqual({
      executablePath: "/x/chromium",
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    expect(CHROMIUM_ARGS).toEqual(
      expect.arrayContaining(["--no-sandbox", "--disable-gpu", "--disable-quic"]),
    );
  });
});

const executable = requireChromiumUnderCi("test-support chromium");
describe.skipIf(!executable)("launchChromium", () => {
  let close: (() => Promise<void>) | undefined;
  afterAll(() => close?.());

  it("launches the real browser headless and renders a page", async () => {
    const browser = await launchChromium(executable);
    close = () => browser.close();
    const page = await browser.newPage();
    await page.setContent("<h1>ok</h1>");
    expect(await page.textContent("h1")).toBe("ok");
    expect(browser.version()).toMatch(/^\d+\./);
  });
});
