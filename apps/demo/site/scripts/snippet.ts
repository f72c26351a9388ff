/** The embed snippet the playground shows: one script tag, one element, and the clinic's CSS. */

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
    `<script type="module" src="${escapeAttr(scriptUrl)}"></script>`,
    `<coreplus-booking\n  ${attrText}\n></coreplus-booking>`,
  ];
  if (css.length > 0) lines.push(`<style>\n  coreplus-booking {\n    ${css.join("\n    ")}\n  }\n</style>`);
  return lines.join("\n");
}
