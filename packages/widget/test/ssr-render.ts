/**
 * Renders `<coreplus-booking>` to a string with @lit-labs/ssr, in Node, the way a server-rendered
 * site (Astro, Eleventy, a Lit SSR server) does: declarative shadow DOM inside the element.
 */
import { render } from "@lit-labs/ssr";
import { collectResult } from "@lit-labs/ssr/lib/render-result.js";
import { html, unsafeStatic } from "lit/static-html.js";
import "../src/coreplus-booking.ts";

const escapeAttr = (v: string) =>
  v.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/** The element with these attributes (an empty value is a boolean attribute), as server HTML. */
export function renderBooking(attrs: Record<string, string>): Promise<string> {
  const list = Object.entries(attrs)
    .map(([k, v]) => (v === "" ? k : `${k}="${escapeAttr(v)}"`))
    .join(" ");
  return collectResult(render(html`<coreplus-booking ${unsafeStatic(list)}></coreplus-booking>`));
}
