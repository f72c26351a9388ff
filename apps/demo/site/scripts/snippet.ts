/**
 * The embed snippet the playground shows: the loading hints (the widget's README: modulepreload the
 * script and the element's chunk beside it, preconnect to the edge API), one script tag, one element,
 * and the clinic's CSS.
 */

/** Everything the playground lets you set. Empty strings mean "not set". */
export interface WidgetSettings {
  api: string;
  clinic: string;
  location: string;
  practitioner: string;
  appointmentType: string;
  lang: string;
  theme: string;
  accent: string;
  radius: string;
  font: string;
  /** Values that need no CSS because they are the widget's defaults. */
  defaults: { accent: string; radius: string };
}

/**
 * A lighter tint of a `#rrggbb` colour for dark backgrounds (mixed with white), so a brand colour
 * keeps its contrast in the dark theme.
 * @example darkThemeAccent("#0e5e5a") // "#8db8b5"
 */
export function darkThemeAccent(hex: string, mix = 0.55): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) return hex;
  const n = Number.parseInt(m[1], 16);
  const channel = (shift: number): string => {
    const c = (n >> shift) & 0xff;
    return Math.round(c + (255 - c) * mix)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

/**
 * What the snippet shows where the demo was not told its public addresses: marked, so nobody pastes
 * the demo's loopback origin (127.0.0.1 is the visitor's own machine) into a clinic's website.
 */
export const PLACEHOLDERS = {
  api: "https://YOUR-EDGE-API.example",
  script: "https://YOUR-CDN.example/coreplus-booking.js",
} as const;

/** The public addresses the snippet uses: the configured ones, else the placeholders. */
export function publicUrls(configured: { api?: string | undefined; script?: string | undefined }): {
  api: string;
  script: string;
  placeholders: boolean;
} {
  const api = configured.api?.trim() ?? "";
  const script = configured.script?.trim() ?? "";
  return {
    api: api || PLACEHOLDERS.api,
    script: script || PLACEHOLDERS.script,
    placeholders: !api || !script,
  };
}

/** WCAG 2 relative luminance of a `#rrggbb` colour, or undefined for anything else. */
function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) return undefined;
  const n = Number.parseInt(m[1], 16);
  const [r, g, b] = [16, 8, 0].map((shift) => {
    const c = ((n >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG 2 contrast ratio of two `#rrggbb` colours (1 when either is not one). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  if (la === undefined || lb === undefined) return 1;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The widget's card backgrounds (its --coreplus-bg defaults), light and dark. */
export const CARD_BACKGROUND = { light: "#ffffff", dark: "#15191e" } as const;

/**
 * Why an accent fails, or undefined when it passes: the widget writes links and the Back button in
 * the accent on the card, which needs 4.5:1 (the text on the accent the widget picks itself).
 * @example accentWarning("#ffd400", false) // "This accent has 1.4:1 against the card's white background…"
 */
export function accentWarning(accent: string, dark: boolean): string | undefined {
  const ratio = contrastRatio(accent, dark ? CARD_BACKGROUND.dark : CARD_BACKGROUND.light);
  if (ratio >= 4.5) return undefined;
  const fix = dark ? "a lighter" : "a darker";
  const card = dark ? "dark" : "white";
  return `This accent has ${ratio.toFixed(1)}:1 against the card's ${card} background; links written in it need at least 4.5:1. Try ${fix} shade.`;
}

function escapeAttr(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}

/** Escapes text for a CSS declaration value inside a <style> element. */
function cssValue(value: string): string {
  return value.replace(/[<>{};\\]/g, "");
}

/**
 * The snippet for these settings; attributes appear only when they differ from the default. With
 * `placeholders`, a first line says which addresses to replace.
 * @example buildSnippet(settings, "https://cdn.example.com/coreplus-booking.js")
 */
export function buildSnippet(s: WidgetSettings, scriptUrl: string, placeholders = false): string {
  const attrs: [string, string][] = [
    ["api", s.api],
    ["clinic", s.clinic],
    ["location", s.location],
    ["practitioner", s.practitioner],
    ["appointment-type", s.appointmentType],
    ["lang", s.lang === "en-AU" ? "" : s.lang],
    ["theme", s.theme === "light" ? "" : s.theme],
  ];
  const attrText = attrs
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `${k}="${escapeAttr(v)}"`)
    .join("\n  ");
  const css: string[] = [];
  if (s.accent.toLowerCase() !== s.defaults.accent.toLowerCase())
    css.push(`--coreplus-accent: ${cssValue(s.accent)};`);
  if (s.radius !== s.defaults.radius) css.push(`--coreplus-radius: ${cssValue(s.radius)};`);
  if (s.font) css.push(`--coreplus-font: ${cssValue(s.font)};`);
  const lines = [
    ...(placeholders
      ? [
          "<!-- Replace the YOUR-… addresses: where you host coreplus-booking.js, and your edge API's origin. -->",
        ]
      : []),
    `<link rel="modulepreload" href="${escapeAttr(scriptUrl)}">`,
    // The chunk the entry imports, from the same folder (one round trip fewer).
    `<link rel="modulepreload" href="${escapeAttr(scriptUrl.replace(/[^/]*$/, "coreplus-element.js"))}">`,
    ...(s.api ? [`<link rel="preconnect" href="${escapeAttr(s.api)}" crossorigin>`] : []),
    `<script type="module" src="${escapeAttr(scriptUrl)}"></script>`,
    `<coreplus-booking\n  ${attrText}\n></coreplus-booking>`,
  ];
  const rules: string[] = [];
  if (css.length > 0) rules.push(`  coreplus-booking {\n    ${css.join("\n    ")}\n  }`);
  const accentChanged = s.accent.toLowerCase() !== s.defaults.accent.toLowerCase();
  const dark = `--coreplus-accent: ${cssValue(darkThemeAccent(s.accent))};`;
  if (accentChanged && s.theme === "dark") rules.push(`  coreplus-booking[theme="dark"] {\n    ${dark}\n  }`);
  if (accentChanged && s.theme === "auto") {
    rules.push(
      `  @media (prefers-color-scheme: dark) {\n    coreplus-booking[theme="auto"] {\n      ${dark}\n    }\n  }`,
    );
  }
  if (rules.length > 0) lines.push(`<style>\n${rules.join("\n")}\n</style>`);
  return lines.join("\n");
}
