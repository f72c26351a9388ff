import { describe, expect, it } from "vitest";
import { escapeHtml, mrkdwn, renderBlock, renderMessage, textObject } from "./block-kit.js";

describe("mrkdwn", () => {
  it("formats bold, italic, strike and code", () => {
    expect(mrkdwn("*Dr Amelia Nguyen* · _3 appointments_ ~cancelled~ `09:00–09:30`")).toBe(
      '<b>Dr Amelia Nguyen</b> · <i>3 appointments</i> <s>cancelled</s> <code class="bk-code">09:00–09:30</code>',
    );
  });

  it("leaves markers inside words and code alone", () => {
    expect(mrkdwn("snake_case_name and 2*3*4")).toBe("snake_case_name and 2*3*4");
    expect(mrkdwn("`*not bold*`")).toBe('<code class="bk-code">*not bold*</code>');
  });

  it("escapes HTML from the bot, including inside formatting", () => {
    const out = mrkdwn('*<img src=x onerror="alert(1)">* &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).not.toMatch(/<img|<script/i);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("decodes Slack's entities once, then escapes for HTML", () => {
    expect(mrkdwn("Tom &amp; Jerry &lt;3")).toBe("Tom &amp; Jerry &lt;3");
  });

  it("renders links safely and refuses unsafe schemes", () => {
    expect(mrkdwn("<https://example.test/a?b=1&amp;c=2|the docs>")).toBe(
      '<a href="https://example.test/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the docs</a>',
    );
    expect(mrkdwn("<javascript:alert(1)|click>")).toBe("click");
  });

  it("shows mentions by name when known", () => {
    expect(mrkdwn("Hi <@U1>, see <#C1|front-desk> <!here>", (id) => (id === "U1" ? "Jess" : undefined))).toBe(
      'Hi <span class="bk-mention">@Jess</span>, see <span class="bk-mention">#front-desk</span> <span class="bk-mention">@here</span>',
    );
  });

  it("turns line breaks, quotes and emoji into HTML", () => {
    expect(mrkdwn("line one\n&gt; quoted\n> also\nafter :coffee:")).toBe(
      'line one<blockquote class="bk-quote">quoted<br>also</blockquote>after ☕',
    );
    expect(mrkdwn(":not_an_emoji:")).toBe(":not_an_emoji:");
  });

  it("renders preformatted blocks verbatim", () => {
    expect(mrkdwn("```\n/appointments *today*\n```")).toBe(
      '<pre class="bk-pre">/appointments *today*\n</pre>',
    );
  });
});

describe("blocks", () => {
  it("renders a header, sections with fields, a context and a divider", () => {
    const html = renderMessage({
      text: "fallback",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Tuesday 3 March" } },
        {
          type: "section",
          text: { type: "mrkdwn", text: "*09:00–09:30* Standard Consultation" },
          fields: [{ type: "mrkdwn", text: "*Patient*\nS.C." }],
        },
        { type: "context", elements: [{ type: "mrkdwn", text: "free 11:00–12:00" }] },
        { type: "divider" },
      ],
    });
    expect(html).toBe(
      '<div class="bk-header">Tuesday 3 March</div>' +
        '<div class="bk-section"><div class="bk-section__main"><div class="bk-text"><b>09:00–09:30</b> Standard Consultation</div>' +
        '<div class="bk-fields"><div class="bk-field"><b>Patient</b><br>S.C.</div></div></div></div>' +
        '<div class="bk-context"><span>free 11:00–12:00</span></div>' +
        '<hr class="bk-divider">',
    );
  });

  it("falls back to the text when there are no blocks", () => {
    expect(renderMessage({ text: "*Nothing* today" })).toBe(
      '<div class="bk-text"><b>Nothing</b> today</div>',
    );
  });

  it("renders buttons with their action ids and escapes their values", () => {
    const html = renderBlock({
      type: "actions",
      block_id: "home",
      elements: [
        {
          type: "button",
          action_id: "refresh",
          value: '"><x',
          style: "primary",
          text: { type: "plain_text", text: "Refresh" },
        },
      ],
    });
    expect(html).toBe(
      '<div class="bk-actions" data-block-id="home"><button type="button" class="bk-button bk-button--primary" ' +
        'data-action-id="refresh" data-value="&quot;&gt;&lt;x">Refresh</button></div>',
    );
  });

  it("marks unknown blocks instead of dropping them", () => {
    expect(renderBlock({ type: "video" })).toBe('<div class="bk-unknown">[unsupported block: video]</div>');
  });

  it("keeps plain text plain", () => {
    expect(textObject({ type: "plain_text", text: "*not bold* <b>" })).toBe("*not bold* &lt;b&gt;");
    expect(escapeHtml(`'"&`)).toBe("&#39;&quot;&amp;");
  });
});
