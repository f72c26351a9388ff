import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type PageName, renderPage, SITE_PAGES } from "./site-layout.ts";

const names = Object.keys(SITE_PAGES) as PageName[];

function page(name: PageName): string {
  return renderPage(name, readFileSync(new URL(`../site/${name}.html`, import.meta.url), "utf8"));
}

/** The demo bar's links, as `label` or `label (current)`. */
function demoBar(html: string): string[] {
  const bar = /<nav class="demo-bar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
  return [...bar.matchAll(/<a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a>/g)].map(
    ([, href, current, label]) => `${href} ${label}${current ? " (current)" : ""}`,
  );
}

const STANDALONE = `<!-- A page for the test -->
<html lang="en-AU">
  <head>
    <title>Test page</title>
    <meta name="x-own" content="1" />
    <link rel="stylesheet" href="/styles/own.css" />
    <script type="module" src="/scripts/own.ts"></script>
  </head>
  <body>
    <main id="main"><p>Own content</p></main>

    <footer>
      <p id="own-footer">Own footer line</p>
    </footer>
  </body>
</html>
`;

describe("the demo site's layout", () => {
  it.each(names)("gives %s its title, one head and body, and the demo bar with it marked", (name) => {
    const html = page(name);
    expect(
      html.startsWith('<!doctype html>\n<html lang="en-AU">\n  <head>\n    <meta charset="utf-8" />'),
    ).toBe(true);
    expect(html.match(/<head>/g)).toHaveLength(1);
    expect(html.match(/<body /g)).toHaveLength(1);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain(`<body class="${SITE_PAGES[name].look}">`);
    expect(html).toContain('<a class="skip-link" href="#main">Skip to content</a>');
    expect(html).toContain('<main id="main"');
    const bar = demoBar(html);
    expect(bar).toHaveLength(names.length);
    expect(bar.filter((l) => l.endsWith("(current)"))).toEqual([
      `${SITE_PAGES[name].path} ${SITE_PAGES[name].label} (current)`,
    ]);
  });

  it("puts the shared stylesheets before the page's own, and the widget's script before the page's", () => {
    const slack = page("slack");
    const order = ["/styles/base.css", "/styles/tools.css", "/styles/slack.css", "/scripts/slack-preview.ts"];
    const at = order.map((href) => slack.indexOf(href));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(slack).not.toContain("coreplus-booking.js");
    expect(slack).not.toContain('name="coreplus-api"');

    const manage = page("manage");
    expect(manage.indexOf('src="/cdn/coreplus-booking.js" vite-ignore')).toBeGreaterThan(0);
    expect(manage.indexOf('src="/cdn/coreplus-booking.js"')).toBeLessThan(
      manage.indexOf("/scripts/manage.ts"),
    );
    expect(manage).toContain('<meta name="coreplus-api" content="http://127.0.0.1:8787" />');
    expect(manage).not.toContain('rel="modulepreload"');
  });

  it("gives only the home page the widget's loading hints", () => {
    for (const name of names) {
      for (const file of ["coreplus-booking.js", "coreplus-element.js"]) {
        const hint = page(name).includes(`<link rel="modulepreload" href="/cdn/${file}" vite-ignore />`);
        expect(hint, `${name}: ${file}`).toBe(SITE_PAGES[name].widget === "preloaded");
      }
    }
    expect(page("index")).toContain('<link rel="preconnect" href="http://127.0.0.1:8787" crossorigin />');
  });

  it("gives the clinic's pages its header and footer; its links stay on the home page there", () => {
    for (const name of names) {
      const html = page(name);
      const clinic = SITE_PAGES[name].look === "clinic";
      expect(html.includes('<header class="site-header">'), name).toBe(clinic);
      expect(html.includes('<footer class="site-footer">'), name).toBe(clinic);
    }
    expect(page("index")).toContain('<li><a href="#team">Our team</a></li>');
    expect(page("practitioner")).toContain('<li><a href="/#team">Our team</a></li>');
    // The home page's own footer line (the widget's privacy link points at it) joins the shared footer.
    expect(page("index")).toMatch(
      /Lifeline: 13 11 14\.<\/p>\n {8}<p id="privacy">[^<]+<\/p>\n {6}<\/div>\n {4}<\/footer>/,
    );
    expect(page("manage")).not.toContain('id="privacy"');
  });

  it("keeps the page's own tags in its order, around the shared ones", () => {
    const html = renderPage("practitioner", STANDALONE);
    const at = [
      "<title>Test page",
      'name="x-own"',
      "/styles/clinic.css",
      "/styles/own.css",
      "/scripts/own.ts",
    ].map((s) => html.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(html).toContain('<main id="main"><p>Own content</p></main>');
    expect(html).toMatch(
      /<p id="own-footer">Own footer line<\/p>\n {6}<\/div>\n {4}<\/footer>\n {2}<\/body>/,
    );
    expect(html).not.toContain("<footer>");
    // A tool page has no clinic footer: a footer there is the page's own.
    expect(renderPage("today", STANDALONE)).toContain("    <footer>\n");
  });

  it("refuses a page it does not know, or a source of another shape, saying what it wants", () => {
    expect(() => renderPage("about", STANDALONE)).toThrow(
      /site\/about\.html is not a page of the demo site; add it to SITE_PAGES/,
    );
    expect(() => renderPage("today", STANDALONE.replace(' lang="en-AU"', ""))).toThrow(
      /site\/today\.html must be <html lang="…"> holding one <head> and one <body> without attributes/,
    );
    expect(() => renderPage("today", STANDALONE.replace("<body>", '<body class="x">'))).toThrow(
      /without attributes/,
    );
    expect(() => renderPage("today", STANDALONE.replace("    <title>Test page</title>\n", ""))).toThrow(
      "site/today.html must open its <head> with its <title>",
    );
  });
});
