/**
 * The demo site: a Vite multi-page build of plain TypeScript, HTML and CSS into dist/site, served by
 * the demo server at demo time. Each page holds only its own parts; one layout (vite/site-layout.ts)
 * adds the shared head, navigation and footer. The widget is not bundled into the pages: like a
 * clinic, they load the widget's self-contained file with one script tag, which this config copies to
 * /cdn/ unchanged.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { renderPage, SITE_PAGES } from "./vite/site-layout.ts";

const here = dirname(fileURLToPath(import.meta.url));
const WIDGET_DIR = "/cdn/";

/** The widget's script-tag build folder (built first by turbo's `^build`). */
function widgetDir(): string {
  // The workspace link, not an export: the package's `exports` need not list its dist files.
  return resolve(here, "node_modules/@coreplus-kit/widget/dist");
}

/** The entry and its chunks: every top-level JavaScript file of the build. */
function widgetFiles(): string[] {
  readWidget("coreplus-booking.js");
  return readdirSync(widgetDir()).filter((name) => name.endsWith(".js"));
}

function readWidget(name: string): string {
  const file = resolve(widgetDir(), name);
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

/** Serves the widget's files at /cdn/ in dev and emits them there in the build. */
function coreplusWidget(): Plugin {
  return {
    name: "coreplus-widget",
    configureServer(server) {
      server.middlewares.use(WIDGET_DIR, (req, res, next) => {
        const name = (req.url ?? "").replace(/^\//, "").split("?")[0] ?? "";
        if (!widgetFiles().includes(name)) return next();
        res.setHeader("content-type", "text/javascript; charset=utf-8");
        res.end(readWidget(name));
      });
    },
    generateBundle() {
      for (const name of widgetFiles())
        this.emitFile({ type: "asset", fileName: `${WIDGET_DIR.slice(1)}${name}`, source: readWidget(name) });
    },
  };
}

/** Wraps each page in the site's layout before Vite reads its tags (in dev and in the build). */
function siteLayout(): Plugin {
  return {
    name: "site-layout",
    transformIndexHtml: {
      order: "pre",
      handler: (html, ctx) => renderPage(basename(ctx.filename, ".html"), html),
    },
  };
}

export default defineConfig({
  root: resolve(here, "site"),
  appType: "mpa",
  plugins: [siteLayout(), coreplusWidget()],
  build: {
    outDir: resolve(here, "dist/site"),
    emptyOutDir: true,
    target: "es2022",
    rolldownOptions: {
      input: Object.fromEntries(Object.keys(SITE_PAGES).map((p) => [p, resolve(here, "site", `${p}.html`)])),
    },
  },
  server: {
    // `pnpm dev` works on the pages against a running `pnpm demo` (which owns 5173).
    port: 5174,
    strictPort: true,
    proxy: { "/api": "http://127.0.0.1:5173", "/slack": "http://127.0.0.1:5173" },
  },
});
