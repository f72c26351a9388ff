/** The clinic's "Manage booking" page: says where each change shows up (today's list, the bot). */
import { byId, h } from "./dom.js";

const note = byId("manage-note");
const say = (what: string) => {
  note.replaceChildren(
    `${what} Watch it on `,
    h("a", { href: "/today" }, "today's appointments"),
    " or ask the bot in the ",
    h("a", { href: "/slack" }, "Slack preview"),
    ".",
  );
};

document.addEventListener("coreplus-rescheduled", (e) => say(`Moved (reference ${e.detail.reference}).`));
document.addEventListener("coreplus-cancelled", (e) => say(`Cancelled (reference ${e.detail.reference}).`));
