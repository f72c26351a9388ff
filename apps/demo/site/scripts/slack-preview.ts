/**
 * The Slack preview page: pick a staff member, send `/appointments …` through the demo server (which
 * signs it and posts it to the real bot), and show what the bot answered, rendered like Slack.
 */
import { escapeHtml, renderMessage } from "./block-kit.js";
import { byId, h } from "./dom.js";

interface StaffMember {
  id: string;
  name: string;
  realName: string;
  title?: string;
  role: "practitioner" | "viewer" | "admin";
}

interface Exchange {
  ack: { status: number; ms: number };
  replies: {
    via: string;
    ms: number;
    message: { text?: string; blocks?: unknown[]; response_type?: string };
  }[];
  views: { ms: number; view: { blocks?: unknown[] } }[];
  apiCalls: { method: string; ok: boolean }[];
  timedOut: boolean;
}

const form = byId<HTMLFormElement>("command-form");
const staffSelect = byId<HTMLSelectElement>("staff");
const input = byId<HTMLInputElement>("command");
const send = byId<HTMLButtonElement>("send");
const messages = byId("messages");
const home = byId("home");
const trace = byId("trace");
const tabMessages = byId<HTMLButtonElement>("tab-messages");
const tabHome = byId<HTMLButtonElement>("tab-home");
let staff: StaffMember[] = [];

/** The app's avatar: a calendar drawn inline (no emoji font is needed, nothing is fetched). */
const APP_AVATAR =
  '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><rect x="3.5" y="5" width="17" height="15" rx="2.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M3.5 10h17M8 3v4M16 3v4" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';

const names = (id: string): string | undefined => staff.find((s) => s.id === id)?.realName;
const current = (): StaffMember | undefined => staff.find((s) => s.id === staffSelect.value);

function roleHint(member: StaffMember | undefined): string {
  if (!member) return "";
  if (member.role === "practitioner") {
    return `Linked to their coreplus diary by their Slack email: sees their own day.`;
  }
  if (member.role === "viewer") return "Reception (SLACK_VIEWERS): may ask for any practitioner, or all.";
  return "Practice manager (SLACK_ADMINS): may ask for any practitioner, or all.";
}

function chipsFor(member: StaffMember | undefined): string[] {
  const someone = staff.find((s) => s.role === "practitioner" && s.id !== member?.id);
  const other = someone ? someone.realName.replace(/^(Dr|Mr|Mrs|Ms|Miss)\s+/, "") : "";
  const base = ["today", "tomorrow", "monday"];
  const extra = member?.role === "practitioner" ? [] : ["today all", ...(other ? [`today ${other}`] : [])];
  return [...base, ...extra, "help"].map((t) => `/appointments ${t}`);
}

function renderChips(): void {
  const chips = byId("chips");
  chips.replaceChildren(
    ...chipsFor(current()).map((command) => {
      const chip = h("button", { type: "button", class: "chip" }, command);
      chip.addEventListener("click", () => {
        input.value = command;
        form.requestSubmit();
      });
      return chip;
    }),
  );
  byId("staff-hint").textContent = roleHint(current());
}

function clock(): string {
  return new Date().toLocaleTimeString("en-AU", { hour: "numeric", minute: "2-digit" });
}

function messageHtml(avatar: string, who: string, badge: string, body: string, note = ""): string {
  return `<article class="slack-msg">
    <span class="slack-msg__avatar" aria-hidden="true">${avatar}</span>
    <div class="slack-msg__content">
      <header><strong>${escapeHtml(who)}</strong>${badge}<time>${escapeHtml(clock())}</time></header>
      ${note}
      <div class="slack-msg__body">${body}</div>
    </div>
  </article>`;
}

function showCommand(member: StaffMember, command: string): void {
  messages.querySelector(".slack__empty")?.remove();
  const initials = member.realName
    .replace(/^(Dr|Mr|Mrs|Ms|Miss)\s+/, "")
    .split(" ")
    .map((w) => w[0])
    .join("")
    .slice(0, 2);
  messages.insertAdjacentHTML(
    "beforeend",
    messageHtml(
      escapeHtml(initials),
      member.realName,
      "",
      `<span class="slack-command">${escapeHtml(command)}</span>`,
    ),
  );
}

function showReplies(result: Exchange): void {
  if (result.replies.length === 0) {
    const why = result.timedOut
      ? "The bot did not answer within 10 seconds."
      : `The bot acknowledged with HTTP ${result.ack.status} and sent nothing.`;
    messages.insertAdjacentHTML(
      "beforeend",
      messageHtml(
        APP_AVATAR,
        "Appointments",
        '<span class="slack-badge">APP</span>',
        `<p class="slack-error">${escapeHtml(why)}</p>`,
      ),
    );
  }
  for (const reply of result.replies) {
    const ephemeral = reply.via !== "chat.postMessage" && reply.message.response_type !== "in_channel";
    const note = ephemeral ? '<p class="slack-msg__only-you">Only visible to you</p>' : "";
    messages.insertAdjacentHTML(
      "beforeend",
      messageHtml(
        APP_AVATAR,
        "Appointments",
        '<span class="slack-badge">APP</span>',
        renderMessage(reply.message, names),
        note,
      ),
    );
  }
  messages.lastElementChild?.scrollIntoView({ block: "nearest" });
}

function showTrace(result: Exchange, what: string): void {
  const rows: [string, string][] = [
    ["Request", `${what}, signed (v0, HMAC-SHA256), POST to the bot's /slack/events`],
    ["Acknowledged", `HTTP ${result.ack.status} in ${result.ack.ms} ms`],
    [
      "Web API calls",
      result.apiCalls.map((c) => `${c.method}${c.ok ? "" : " (error)"}`).join(", ") || "none",
    ],
    [
      "Answers",
      result.replies.map((r) => `${r.via} after ${r.ms} ms`).join(", ") ||
        result.views.map((v) => `views.publish after ${v.ms} ms`).join(", ") ||
        "none",
    ],
  ];
  trace.replaceChildren(...rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

async function post(path: string, body: unknown): Promise<Exchange> {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Exchange | { error: string };
  if ("error" in json) throw new Error(json.error);
  return json;
}

function selectTab(which: "messages" | "home"): void {
  const isHome = which === "home";
  tabMessages.setAttribute("aria-selected", String(!isHome));
  tabHome.setAttribute("aria-selected", String(isHome));
  tabMessages.tabIndex = isHome ? -1 : 0;
  tabHome.tabIndex = isHome ? 0 : -1;
  messages.hidden = isHome;
  home.hidden = !isHome;
}

async function openHome(): Promise<void> {
  const member = current();
  if (!member) return;
  selectTab("home");
  home.setAttribute("aria-busy", "true");
  try {
    const result = await post("/api/slack/home", { userId: member.id });
    showTrace(result, "app_home_opened event");
    const view = result.views.at(-1)?.view;
    home.innerHTML = view
      ? renderMessage(view, names)
      : `<p class="slack-error">The bot published no Home view${result.timedOut ? " within 10 seconds" : ""}.</p>`;
  } catch (err) {
    home.innerHTML = `<p class="slack-error">${escapeHtml(err instanceof Error ? err.message : String(err))}</p>`;
  } finally {
    home.removeAttribute("aria-busy");
  }
}

home.addEventListener("click", async (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-action-id]");
  const member = current();
  if (!button || !member) return;
  button.disabled = true;
  try {
    const result = await post("/api/slack/action", {
      userId: member.id,
      actionId: button.dataset.actionId,
      blockId: button.closest<HTMLElement>("[data-block-id]")?.dataset.blockId,
      value: button.dataset.value,
    });
    showTrace(result, "block_actions payload");
    const view = result.views.at(-1)?.view;
    if (view) home.innerHTML = renderMessage(view, names);
  } finally {
    button.disabled = false;
  }
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const member = current();
  const command = input.value.trim();
  const match = /^\/appointments\b\s*(.*)$/i.exec(command);
  if (!member) return;
  if (!match) {
    input.setCustomValidity("Start with /appointments, for example: /appointments today");
    input.reportValidity();
    return;
  }
  input.setCustomValidity("");
  selectTab("messages");
  showCommand(member, command);
  send.disabled = true;
  send.textContent = "Sending…";
  try {
    const result = await post("/api/slack/command", { userId: member.id, text: match[1] ?? "" });
    showReplies(result);
    showTrace(result, "Slash command");
  } catch (err) {
    messages.insertAdjacentHTML(
      "beforeend",
      `<p class="slack-error">${escapeHtml(err instanceof Error ? err.message : String(err))}</p>`,
    );
  } finally {
    send.disabled = false;
    send.textContent = "Send";
  }
});

input.addEventListener("input", () => input.setCustomValidity(""));
staffSelect.addEventListener("change", () => {
  renderChips();
  if (!home.hidden) void openHome();
});
byId("open-home").addEventListener("click", () => void openHome());
tabHome.addEventListener("click", () => void openHome());
tabMessages.addEventListener("click", () => selectTab("messages"));

async function main(): Promise<void> {
  const res = await fetch("/api/slack/staff");
  const body = (await res.json()) as { staff: StaffMember[] };
  staff = body.staff;
  const groups: [string, StaffMember[]][] = [
    ["Practitioners", staff.filter((s) => s.role === "practitioner")],
    ["Front desk and management", staff.filter((s) => s.role !== "practitioner")],
  ];
  staffSelect.replaceChildren(
    ...groups.map(([label, members]) =>
      h(
        "optgroup",
        { label },
        ...members.map((m) =>
          h(
            "option",
            { value: m.id },
            `${m.realName}${m.role !== "practitioner" && m.title ? ` — ${m.title}` : ""}`,
          ),
        ),
      ),
    ),
  );
  const wanted = new URLSearchParams(location.search).get("as");
  if (wanted && staff.some((s) => s.id === wanted)) staffSelect.value = wanted;
  renderChips();
}

void main();
