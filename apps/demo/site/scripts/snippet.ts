/**
 * The embed snippet the playground shows: the two loading hints (the widget's README: modulepreload
 * the script, preconnect to the edge API), one script tag, one element, and the clinic's CSS.
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

function escapeAttr(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}

/** Escapes text for a CSS declaration value inside a <style> element. */
function cssValue(value: string): string {
  return value.replace(/[<>{};\\]/g, "");
}

/**
 * The snippet for these settings; attributes appear only when they differ from the default.
 * @example buildSnippet(settings, "https://cdn.example.com/coreplus-booking.js")
 */
export function buildSnippet(s: WidgetSettings, scriptUrl: string): string {
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
    `<link rel="modulepreload" href="${escapeAttr(scriptUrl)}">`,
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
