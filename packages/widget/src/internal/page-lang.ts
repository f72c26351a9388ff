/** Which language applies to an element. */

/**
 * The nearest `lang` on the page around `host`, else the document's. Server rendering
 * (@lit-labs/ssr's DOM shim) has no tree to walk: there the element's own `lang` counts.
 */
export function pageLang(host: Pick<Element, "closest" | "getAttribute">): string | null {
  return typeof host.closest === "function"
    ? host.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang
    : host.getAttribute("lang");
}
