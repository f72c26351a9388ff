/** The clinic's home page: fills the team and locations from the public edge API. */
import type { PublicLocation, PublicPractitioner } from "@coreplus-kit/edge-api";
import type { CoreplusBookedDetail } from "@coreplus-kit/widget";
import { avatarInitials, avatarTone, byId, h } from "./dom.js";
import { getClinic, getPractitioners } from "./edge.js";
import { profileFor } from "./team.js";

function teamCard(p: PublicPractitioner): HTMLLIElement {
  const profile = profileFor(p.displayName, p.title);
  return h(
    "li",
    { class: "team-card" },
    h(
      "span",
      { class: "avatar", "data-tone": avatarTone(p.id), "aria-hidden": "true" },
      avatarInitials(p.displayName),
    ),
    h("h3", {}, h("a", { href: `/practitioner?id=${encodeURIComponent(p.id)}` }, p.displayName)),
    h("p", {}, profile.profession),
    h("p", { class: "team-card__interests" }, profile.interests.slice(0, 2).join(" · ")),
  );
}

function locationCard(l: PublicLocation): HTMLLIElement {
  const tel = l.phone.replace(/\s+/g, "");
  return h(
    "li",
    { class: "location-card" },
    h("h3", {}, l.name.replace(/^Harbourside Health\s+/, "")),
    h("p", {}, l.address),
    h("p", {}, h("a", { href: `tel:${tel}` }, l.phone)),
  );
}

async function fill(): Promise<void> {
  const team = byId<HTMLUListElement>("team-list");
  const locations = byId<HTMLUListElement>("location-list");
  const [people, clinic] = await Promise.allSettled([getPractitioners(), getClinic()]);
  if (people.status === "fulfilled") team.replaceChildren(...people.value.practitioners.map(teamCard));
  else
    team.replaceChildren(
      h("li", {}, "Our team's details could not be loaded. Please call us on 03 5550 1200."),
    );
  if (clinic.status === "fulfilled")
    locations.replaceChildren(...clinic.value.clinic.locations.map(locationCard));
  else locations.replaceChildren(h("li", {}, "Our clinics' details could not be loaded."));
  team.removeAttribute("aria-busy");
  locations.removeAttribute("aria-busy");
}

/** The demo's note after a booking: where to watch it arrive. */
function noteBookings(): void {
  const note = byId("booked-note");
  document.addEventListener("coreplus-booked", (event) => {
    const reference = (event as CustomEvent<CoreplusBookedDetail>).detail?.reference;
    note.replaceChildren(
      `Booked${reference ? ` (reference ${reference})` : ""}. Watch it arrive on `,
      h("a", { href: "/today" }, "today's appointments"),
      " or ask the bot in the ",
      h("a", { href: "/slack" }, "Slack preview"),
      ".",
    );
    note.hidden = false;
  });
}

noteBookings();
void fill();
