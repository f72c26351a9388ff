import { describe, expect, it } from "vitest";
import { buildSnippet, darkThemeAccent, type WidgetSettings } from "./snippet.js";

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
  it("is the two loading hints, one script tag and one element when nothing differs from the defaults", () => {
    expect(buildSnippet(base, SCRIPT)).toBe(
      `<link rel="modulepreload" href="${SCRIPT}">\n` +
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
