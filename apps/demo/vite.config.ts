/**
 * The demo site: a Vite multi-page build of plain TypeScript, HTML and CSS into dist/site, served by
 * the demo server at demo time. The widget is not bundled into the pages: like a clinic, they load the
 * widget's self-contained file with one script tag, which this config copies to /cdn/ unchanged.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
const WIDGET_URL_PATH = "/cdn/coreplus-booking.js";

/** The widget's self-contained build (built first by turbo's `^build`). */
function widgetFile(): string {
  // The workspace link, not an export: the package's `exports` need not list its dist files.
  return resolve(here, "node_modules/@coreplus-kit/widget/dist/coreplus-booking.js");
}

function readWidget(): string {
  const file = widgetFile();
  try {
    return readFileSync(file, "utf8");
  } catch (cause) {
    throw new Error(
      `The widget bundle is missing at ${file}. Build it first: pnpm turbo run build --filter=@coreplus-kit/demo`,
      {
        cause,
      },
    );
  }
}

/** Serves the widget file at /cdn/ in dev and emits it there in the build. */
function coreplusWidget(): Plugin {
  return {
    name: "coreplus-widget",
    configureServer(server) {
      server.middlewares.use(WIDGET_URL_PATH, (_req, res) => {
        res.setHeader("content-type", "text/javascript; charset=utf-8");
        res.end(readWidget());
      });
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: WIDGET_URL_PATH.slice(1), source: readWidget() });
    },
  };
}

const pages = ["index", "practitioner", "playground", "slack", "today"];

export default defineConfig({
  root: resolve(here, "site"),
  appType: "mpa",
  plugins: [coreplusWidget()],
  build: {
    outDir: resolve(here, "dist/site"),
    emptyOutDir: true,
    target: "es2022",
    rolldownOptions: {
      input: Object.fromEntries(pages.map((p) => [p, resolve(here, "site", `${p}.html`)])),
    },
  },
  server: {
    // `pnpm dev` works on the pages against a running `pnpm demo` (which owns 5173).
    port: 5174,
    strictPort: true,
    proxy: { "/api": "http://127.0.0.1:5173", "/slack": "http://127.0.0.1:5173" },
  },
});
