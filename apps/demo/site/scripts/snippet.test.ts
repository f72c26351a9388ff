import { describe, expect, it } from "vitest";
import {
  accentWarning,
  buildSnippet,
  contrastRatio,
  darkThemeAccent,
  PLACEHOLDERS,
  publicUrls,
  type WidgetSettings,
} from "./snippet.js";

const base: WidgetSettings = {
  api: "http://127.0.0.1:8787",
  clinic: "harbourside",
  location: "",
  practitioner: "",
  appointmentType: "",
  lang: "en-AU",
  theme: "light",
  accent: "#0b5cad",
  radius: "10px",
  font: "",
  defaults: { accent: "#0b5cad", radius: "10px" },
};
const SCRIPT = "https://cdn.example.test/coreplus-booking.js";

describe("buildSnippet", () => {
  it("is the loading hints, one script tag and one element when nothing differs from the defaults", () => {
    expect(buildSnippet(base, SCRIPT)).toBe(
      `<link rel="modulepreload" href="${SCRIPT}">\n` +
        `<link rel="modulepreload" href="https://cdn.example.test/coreplus-element.js">\n` +
        `<link rel="preconnect" href="http://127.0.0.1:8787" crossorigin>\n` +
        `<script type="module" src="${SCRIPT}"></script>\n` +
        `<coreplus-booking\n  api="http://127.0.0.1:8787"\n  clinic="harbourside"\n></coreplus-booking>`,
    );
  });

  it("adds presets, language, theme and brand CSS", () => {
    const out = buildSnippet(
      { ...base, practitioner: "p-1", lang: "en-US", theme: "dark", accent: "#0E5E5A", radius: "16px" },
      SCRIPT,
    );
    expect(out).toContain('practitioner="p-1"\n  lang="en-US"\n  theme="dark"');
    expect(out).toContain(
      "coreplus-booking {\n    --coreplus-accent: #0E5E5A;\n    --coreplus-radius: 16px;\n  }",
    );
    expect(out).toContain(
      `coreplus-booking[theme="dark"] {\n    --coreplus-accent: ${darkThemeAccent("#0E5E5A")};`,
    );
  });

  it("escapes attribute values and strips CSS-breaking characters", () => {
    const out = buildSnippet({ ...base, practitioner: '"><script>', font: "x; } body { color: red" }, SCRIPT);
    expect(out).toContain('practitioner="&quot;>&lt;script>"');
    expect(out).toContain("--coreplus-font: x  body  color: red;");
  });
});

describe("darkThemeAccent", () => {
  it("mixes a colour with white and leaves anything else alone", () => {
    expect(darkThemeAccent("#000000")).toBe("#8c8c8c");
    expect(darkThemeAccent("#ffffff")).toBe("#ffffff");
    expect(darkThemeAccent("teal")).toBe("teal");
  });
});

describe("publicUrls", () => {
  it("uses the configured public addresses, else marked placeholders", () => {
    expect(
      publicUrls({ api: "https://book.harbourside.example", script: "https://cdn.x.example/c.js" }),
    ).toEqual({
      api: "https://book.harbourside.example",
      script: "https://cdn.x.example/c.js",
      placeholders: false,
    });
    expect(publicUrls({ api: " ", script: undefined })).toEqual({ ...PLACEHOLDERS, placeholders: true });
    const out = buildSnippet({ ...base, api: PLACEHOLDERS.api }, PLACEHOLDERS.script, true);
    expect(out.split("\n")[0]).toMatch(/^<!-- Replace the YOUR-… addresses/);
    expect(out).toContain('api="https://YOUR-EDGE-API.example"');
    expect(out).not.toContain("127.0.0.1");
  });
});

describe("accentWarning", () => {
  it("warns when links in the accent would have less than 4.5:1 on the card, light or dark", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(accentWarning("#0b5cad", false)).toBeUndefined();
    expect(accentWarning("#ffd400", false)).toBe(
      "This accent has 1.4:1 against the card's white background; links written in it need at least 4.5:1. Try a darker shade.",
    );
    expect(accentWarning("#ffd400", true)).toBeUndefined();
    expect(accentWarning("#1f2d2b", true)).toMatch(
      /^This accent has 1\.\d:1 against the card's dark background.*lighter/,
    );
  });
});
