/**
 * Renders Slack Block Kit and mrkdwn to HTML the way Slack's client shows them, for the Slack
 * preview. Pure string functions (no DOM), so they are unit-tested in Node. Everything from the bot is
 * escaped: the only markup in the output is what this module writes.
 */

/** A Block Kit block, loosely typed: unknown blocks are shown as such, never dropped silently. */
export type Block = { type: string; [key: string]: unknown };

/** How a user or channel id should be shown in a mention. */
export type NameLookup = (id: string) => string | undefined;

const EMOJI: Record<string, string> = {
  calendar: "📆",
  date: "📅",
  spiral_calendar_pad: "🗓️",
  spiral_calendar: "🗓️",
  clock1: "🕐",
  clock9: "🕘",
  alarm_clock: "⏰",
  hourglass: "⌛",
  hourglass_flowing_sand: "⏳",
  coffee: "☕",
  tea: "🍵",
  sandwich: "🥪",
  warning: "⚠",
  x: "❌",
  no_entry: "⛔",
  no_entry_sign: "🚫",
  white_check_mark: "✅",
  heavy_check_mark: "✔️",
  information_source: "ℹ️",
  bulb: "💡",
  mag: "🔍",
  wave: "👋",
  lock: "🔒",
  link: "🔗",
  arrows_counterclockwise: "🔄",
  hospital: "🏥",
  stethoscope: "🩺",
  round_pushpin: "📍",
  pushpin: "📌",
  busts_in_silhouette: "👥",
  bust_in_silhouette: "👤",
  sunny: "☀️",
  zzz: "💤",
  tada: "🎉",
  thinking_face: "🤔",
  large_green_circle: "🟢",
  red_circle: "🔴",
  white_circle: "⚪",
  small_blue_diamond: "🔹",
  small_orange_diamond: "🔸",
  heavy_minus_sign: "➖",
  grey_question: "❔",
  question: "❓",
};

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Slack sends `&`, `<` and `>` in text as entities; these are the characters they stand for. */
function decodeSlackEntities(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

const SAFE_URL = /^(https?:|mailto:|tel:)/i;

function renderAngle(inner: string, names: NameLookup): string {
  const [target = "", label] = splitOnce(inner, "|");
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return `<span class="bk-mention">@${escapeHtml(label ?? names(id) ?? id)}</span>`;
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    return `<span class="bk-mention">#${escapeHtml(label ?? names(id) ?? id)}</span>`;
  }
  if (target.startsWith("!")) {
    if (target.startsWith("!date^")) return escapeHtml(decodeSlackEntities(label ?? ""));
    const special = target.slice(1).split("^")[0] ?? "";
    return `<span class="bk-mention">@${escapeHtml(label ?? special)}</span>`;
  }
  const url = decodeSlackEntities(target);
  const text = escapeHtml(decodeSlackEntities(label ?? target));
  if (!SAFE_URL.test(url)) return text;
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${text}</a>`;
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const i = text.indexOf(sep);
  return i === -1 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

/** Bold, italic and strike apply between word boundaries, as Slack parses them. */
function applyEmphasis(html: string): string {
  const wrap = (marker: string) =>
    new RegExp(
      `(^|[\\s([{"'“‘>-])\\${marker}(?=\\S)([^${marker}\\n]*?\\S)\\${marker}(?=$|[\\s)\\]}.,;:!?"'”’<-])`,
      "g",
    );
  return html
    .replace(wrap("*"), "$1<b>$2</b>")
    .replace(wrap("_"), "$1<i>$2</i>")
    .replace(wrap("~"), "$1<s>$2</s>");
}

/**
 * Slack's mrkdwn to HTML: `*bold*`, `_italic_`, `~strike~`, `` `code` ``, ```` ```pre``` ````,
 * `> quotes`, `<url|links>`, `<@U…>` mentions, `:emoji:` and line breaks.
 * @example mrkdwn("*Today* at <https://x.test|the clinic>")
 */
export function mrkdwn(text: string, names: NameLookup = () => undefined): string {
  const held: string[] = [];
  const hold = (html: string): string => `\uE000${held.push(html) - 1}\uE000`;
  let s = text.replaceAll("\uE000", "");

  s = s.replace(/```([\s\S]*?)```/g, (_, code: string) =>
    hold(`<pre class="bk-pre">${escapeHtml(decodeSlackEntities(code.replace(/^\n/, "")))}</pre>`),
  );
  s = s.replace(/`([^`\n]+)`/g, (_, code: string) =>
    hold(`<code class="bk-code">${escapeHtml(decodeSlackEntities(code))}</code>`),
  );
  s = s.replace(/<([^<>\n]+)>/g, (_, inner: string) => hold(renderAngle(inner, names)));

  const lines = s.split("\n").map((line) => {
    const quote = /^(&gt;|>)\s?/.exec(line);
    const body = quote ? line.slice(quote[0].length) : line;
    let html = applyEmphasis(escapeHtml(decodeSlackEntities(body)));
    html = html.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
    return { quote: quote !== null, html };
  });

  let out = "";
  let inQuote = false;
  lines.forEach((line, i) => {
    if (line.quote && !inQuote) out += '<blockquote class="bk-quote">';
    else if (!line.quote && inQuote) out += "</blockquote>";
    else if (i > 0) out += "<br>";
    inQuote = line.quote;
    out += line.html;
  });
  if (inQuote) out += "</blockquote>";
  return out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => held[Number(i)] ?? "");
}

/** A text object: mrkdwn, or plain text (emoji shortcodes still shown, as Slack does with `emoji: true`). */
export function textObject(value: unknown, names: NameLookup = () => undefined): string {
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value !== "object" || value === null) return "";
  const t = value as { type?: string; text?: unknown; emoji?: boolean };
  const text = typeof t.text === "string" ? t.text : "";
  if (t.type === "mrkdwn") return mrkdwn(text, names);
  const escaped = escapeHtml(text);
  return t.emoji === false ? escaped : escaped.replace(/:([a-z0-9_+-]+):/g, (w, n: string) => EMOJI[n] ?? w);
}

function element(el: unknown, names: NameLookup): string {
  if (typeof el !== "object" || el === null) return "";
  const e = el as Record<string, unknown>;
  switch (e.type) {
    case "button": {
      const style = e.style === "primary" || e.style === "danger" ? ` bk-button--${e.style}` : "";
      const data = [
        ["data-action-id", e.action_id],
        ["data-value", e.value],
        ["data-url", e.url],
      ]
        .filter(([, v]) => typeof v === "string")
        .map(([k, v]) => ` ${k}="${escapeHtml(v as string)}"`)
        .join("");
      return `<button type="button" class="bk-button${style}"${data}>${textObject(e.text, names)}</button>`;
    }
    case "image":
      // No network in the demo: show the image's description instead of fetching it.
      return `<span class="bk-image" role="img" aria-label="${escapeHtml(String(e.alt_text ?? "image"))}"></span>`;
    case "mrkdwn":
    case "plain_text":
      return `<span>${textObject(e, names)}</span>`;
    case "overflow":
      return `<button type="button" class="bk-button bk-overflow" aria-label="More actions">⋯</button>`;
    case "static_select":
    case "datepicker":
    case "users_select": {
      const placeholder = textObject(e.placeholder, names) || escapeHtml(String(e.type));
      return `<span class="bk-select">${placeholder} ▾</span>`;
    }
    default:
      return `<span class="bk-unknown">[${escapeHtml(String(e.type ?? "element"))}]</span>`;
  }
}

function richText(block: Record<string, unknown>): string {
  const collect = (node: unknown): string => {
    if (typeof node !== "object" || node === null) return "";
    const n = node as Record<string, unknown>;
    if (typeof n.text === "string") return n.text;
    if (Array.isArray(n.elements)) return n.elements.map(collect).join("");
    return "";
  };
  return escapeHtml(collect(block)).replaceAll("\n", "<br>");
}

/** One block as HTML. */
export function renderBlock(block: Block, names: NameLookup = () => undefined): string {
  const b = block as Record<string, unknown>;
  switch (block.type) {
    case "header":
      return `<div class="bk-header">${textObject(b.text, names)}</div>`;
    case "divider":
      return '<hr class="bk-divider">';
    case "section": {
      const text = b.text ? `<div class="bk-text">${textObject(b.text, names)}</div>` : "";
      const fields = Array.isArray(b.fields)
        ? `<div class="bk-fields">${b.fields.map((f) => `<div class="bk-field">${textObject(f, names)}</div>`).join("")}</div>`
        : "";
      const accessory = b.accessory ? `<div class="bk-accessory">${element(b.accessory, names)}</div>` : "";
      return `<div class="bk-section"><div class="bk-section__main">${text}${fields}</div>${accessory}</div>`;
    }
    case "context": {
      const elements = Array.isArray(b.elements) ? b.elements.map((e) => element(e, names)).join("") : "";
      return `<div class="bk-context">${elements}</div>`;
    }
    case "actions": {
      const elements = Array.isArray(b.elements) ? b.elements.map((e) => element(e, names)).join("") : "";
      const blockId = typeof b.block_id === "string" ? ` data-block-id="${escapeHtml(b.block_id)}"` : "";
      return `<div class="bk-actions"${blockId}>${elements}</div>`;
    }
    case "image": {
      const title = b.title ? `<div class="bk-image-title">${textObject(b.title, names)}</div>` : "";
      return `<div class="bk-image-block">${title}${element({ type: "image", alt_text: b.alt_text }, names)}</div>`;
    }
    case "rich_text":
      return `<div class="bk-text">${richText(b)}</div>`;
    default:
      return `<div class="bk-unknown">[unsupported block: ${escapeHtml(String(block.type))}]</div>`;
  }
}

/**
 * A message (blocks, or its fallback text when it has none) as HTML.
 * @example renderMessage({ text: "fallback", blocks: [{ type: "divider" }] })
 */
export function renderMessage(
  message: { text?: unknown; blocks?: unknown },
  names: NameLookup = () => undefined,
): string {
  if (Array.isArray(message.blocks) && message.blocks.length > 0) {
    return message.blocks
      .filter((b): b is Block => typeof b === "object" && b !== null && typeof (b as Block).type === "string")
      .map((b) => renderBlock(b, names))
      .join("");
  }
  return typeof message.text === "string" ? `<div class="bk-text">${mrkdwn(message.text, names)}</div>` : "";
}
