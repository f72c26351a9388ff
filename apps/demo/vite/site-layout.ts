/**
 * The demo site's one layout. A page under site/ holds only what is its own: its title, meta tags,
 * stylesheets and script in `<head>`, its content in `<body>`. {@link renderPage} wraps it in what the
 * pages share: the document's head (charset, viewport, icon, the look's stylesheets, the widget's
 * script tag and hints), the demo bar with the current page marked, and on the clinic's pages the
 * clinic's header and footer. vite.config.ts applies it before Vite reads a page, so what it adds is
 * built like the page's own tags (the stylesheets bundled, the script tags left as they are).
 */
import { DEFAULT_EDGE_API_URL } from "../src/site/static-files.ts";

/** One page of the demo site: `site/<name>.html`, served at `path`. */
export interface SitePage {
  /** The clean URL the demo server serves it at. */
  path: string;
  /** Its link text in the demo bar. */
  label: string;
  /** The clinic's website (its header, footer and clinic.css) or one of the demo's tools (tools.css). */
  look: "clinic" | "tool";
  /** Whether it loads the widget's script-tag file; `preloaded` adds the loading hints. */
  widget: "none" | "script" | "preloaded";
}

/** Every page, in the demo bar's order; the keys are the file names under site/. */
export const SITE_PAGES = {
  index: { path: "/", label: "Clinic website", look: "clinic", widget: "preloaded" },
  practitioner: { path: "/practitioner", label: "Practitioner page", look: "clinic", widget: "script" },
  playground: { path: "/playground", label: "Widget playground", look: "tool", widget: "script" },
  slack: { path: "/slack", label: "Slack preview", look: "tool", widget: "none" },
  manage: { path: "/manage", label: "Manage booking", look: "clinic", widget: "script" },
  today: { path: "/today", label: "Today's appointments", look: "tool", widget: "none" },
} as const satisfies Record<string, SitePage>;

/** The name of a page of the demo site (its file under site/, without `.html`). */
export type PageName = keyof typeof SITE_PAGES;

/** Whether `name` is one of {@link SITE_PAGES}. */
export function isPageName(name: string): name is PageName {
  return Object.hasOwn(SITE_PAGES, name);
}

/**
 * A page's source: optional comments, then `<html lang="…">` holding one `<head>` and one `<body>`
 * without attributes (the layout writes the doctype and the body's class).
 */
const SOURCE =
  /^\s*(?:<!--[\s\S]*?-->\s*)*<html lang="([\w-]+)">\s*<head>\n([\s\S]*?)\n\s*<\/head>\s*<body>\n([\s\S]*?)\n\s*<\/body>\s*<\/html>\s*$/;

/** A clinic page may end its body with a bare `<footer>`: its lines join the clinic's footer. */
const OWN_FOOTER = /\n\s*<footer>\n([\s\S]*?)\n\s*<\/footer>$/;

/**
 * The whole document for page `name` from its source (see site/*.html).
 * @example renderPage("today", "<html lang=\"en-AU\">\n  <head>\n    <title>Today</title>\n  </head>\n  <body>\n    <main id=\"main\"></main>\n  </body>\n</html>\n")
 */
export function renderPage(name: string, source: string): string {
  if (!isPageName(name)) {
    throw new Error(
      `site/${name}.html is not a page of the demo site; add it to SITE_PAGES in vite/site-layout.ts (pages: ${Object.keys(SITE_PAGES).join(", ")})`,
    );
  }
  const parts = SOURCE.exec(source);
  if (!parts) {
    throw new Error(
      `site/${name}.html must be <html lang="…"> holding one <head> and one <body> without attributes (the layout adds the doctype and the body's class)`,
    );
  }
  const page: SitePage = SITE_PAGES[name];
  const [ownMeta, ownTags] = splitHead(parts[2] ?? "");
  if (!/^\s*<title>[^<]+<\/title>/.test(ownMeta)) {
    throw new Error(`site/${name}.html must open its <head> with its <title>`);
  }
  let body = parts[3] ?? "";
  let footer = "";
  const ownFooter = page.look === "clinic" ? OWN_FOOTER.exec(body) : null;
  if (ownFooter) {
    body = body.slice(0, ownFooter.index);
    footer = indent(ownFooter[1] ?? "", 2);
  }
  return lines(
    "<!doctype html>",
    `<html lang="${parts[1]}">`,
    "  <head>",
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    ownMeta,
    sharedHead(page),
    ownTags || false,
    "  </head>",
    `  <body class="${page.look}">`,
    '    <a class="skip-link" href="#main">Skip to content</a>',
    demoBar(page),
    page.look === "clinic" && siteHeader(page),
    "",
    body,
    page.look === "clinic" && siteFooter(footer),
    "  </body>",
    "</html>",
    "",
  );
}

/** The page's head, split before its first stylesheet or script: the shared links go between. */
function splitHead(head: string): [string, string] {
  const at = head.search(/^\s*<(?:link|script)\b/m);
  return at < 0 ? [head, ""] : [head.slice(0, at).replace(/\n$/, ""), head.slice(at)];
}

function sharedHead(page: SitePage): string {
  return lines(
    page.widget !== "none" && `    <meta name="coreplus-api" content="${DEFAULT_EDGE_API_URL}" />`,
    '    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />',
    '    <link rel="stylesheet" href="/styles/base.css" />',
    `    <link rel="stylesheet" href="/styles/${page.look === "clinic" ? "clinic" : "tools"}.css" />`,
    page.widget === "preloaded" &&
      lines(
        "    <!-- The booking widget, embedded exactly as a clinic would: its loading hints, one script tag, one element. -->",
        '    <link rel="modulepreload" href="/cdn/coreplus-booking.js" vite-ignore />',
        '    <link rel="modulepreload" href="/cdn/coreplus-element.js" vite-ignore />',
        `    <link rel="preconnect" href="${DEFAULT_EDGE_API_URL}" crossorigin />`,
      ),
    // `vite-ignore`: the pages load the widget's own file, as a clinic would, not a bundled copy.
    page.widget !== "none" &&
      '    <script type="module" src="/cdn/coreplus-booking.js" vite-ignore></script>',
  );
}

function demoBar(current: SitePage): string {
  const items = Object.values(SITE_PAGES).map(
    (p: SitePage) =>
      `          <li><a href="${p.path}"${p === current ? ' aria-current="page"' : ""}>${p.label}</a></li>`,
  );
  return lines(
    '    <nav class="demo-bar" aria-label="Demo">',
    '      <div class="wrap demo-bar__inner">',
    '        <span class="demo-bar__brand"><span aria-hidden="true">◆</span> coreplus-kit demo</span>',
    "        <ul>",
    ...items,
    "        </ul>",
    "      </div>",
    "    </nav>",
  );
}

/** The clinic's header; its links are the home page's sections (in-page links on the home page). */
function siteHeader(page: SitePage): string {
  const home = page.path === "/" ? "" : "/";
  return lines(
    "",
    '    <header class="site-header">',
    '      <div class="wrap site-header__inner">',
    '        <a class="logo" href="/">',
    '          <img src="/favicon.svg" alt="" width="40" height="40" />',
    '          <span class="logo__name">Harbourside <span>Health</span></span>',
    "        </a>",
    '        <nav aria-label="Main">',
    '          <ul class="site-nav">',
    `            <li><a href="${home}#services">Services</a></li>`,
    `            <li><a href="${home}#team">Our team</a></li>`,
    `            <li><a href="${home}#locations">Locations</a></li>`,
    `            <li><a class="button button--small" href="${home}#book">Book online</a></li>`,
    "          </ul>",
    "        </nav>",
    "      </div>",
    "    </header>",
  );
}

function siteFooter(own: string): string {
  return lines(
    "",
    '    <footer class="site-footer">',
    '      <div class="wrap site-footer__inner">',
    "        <p><strong>Harbourside Health</strong> is a fictional clinic group, seeded in the coreplus-kit sandbox.</p>",
    "        <p>Emergencies: call 000. Lifeline: 13 11 14.</p>",
    own || false,
    "      </div>",
    "    </footer>",
  );
}

/** Joins the given lines, leaving out `false` parts (an empty string stays: a blank line). */
function lines(...parts: (string | false)[]): string {
  return parts.filter((p): p is string => p !== false).join("\n");
}

function indent(text: string, by: number): string {
  return text.replace(/^(?=.)/gm, " ".repeat(by));
}
