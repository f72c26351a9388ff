/** The clinic's "Manage booking" page: says where each change shows up (today's list, the bot). */
import type { CoreplusManagedDetail } from "@coreplus-kit/widget";
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

const reference = (e: Event) => (e as CustomEvent<CoreplusManagedDetail>).detail.reference;
document.addEventListener("coreplus-rescheduled", (e) => say(`Moved (reference ${reference(e)}).`));
document.addEventListener("coreplus-cancelled", (e) => say(`Cancelled (reference ${reference(e)}).`));
