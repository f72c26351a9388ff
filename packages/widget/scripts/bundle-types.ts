/**
 * A build-only Vite plugin that writes dist/coreplus-booking.d.ts beside the script-tag file, so
 * `import "@coreplus-kit/widget/coreplus-booking.js"` is typed: the file exports nothing, and importing
 * it brings the element's global types (its tag in `HTMLElementTagNameMap`, its events in
 * `GlobalEventHandlersEventMap`) from the npm build's declarations in dist/lib.
 */
import type { Plugin } from "vite";

/** The declaration file's text. */
export const BUNDLE_DTS = `/**
 * The self-contained script-tag build of <coreplus-booking> (Lit inside). Importing it registers the
 * element where a DOM exists and exports nothing; these types declare the element and its events.
 */
import "./lib/coreplus-booking.js";
export {};
`;

/** The plugin. */
export function bundleTypes(): Plugin {
  return {
    name: "coreplus-bundle-types",
    apply: "build",
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "coreplus-booking.d.ts", source: BUNDLE_DTS });
    },
  };
}
