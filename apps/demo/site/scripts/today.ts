/**
 * Today's appointments, polled from the demo server (which reads coreplus server-side with the
 * clinic's credentials). Rows that were not there on the previous poll are marked new, rows whose
 * time changed are marked moved, and both (and cancellations) are announced.
 */
import { byId, h } from "./dom.js";

interface TodayAppointment {
  id: string;
  reference: string;
  startTime: string;
  endTime: string;
  practitioner: { id: string; name: string };
  type: string;
  status: string;
  patient: string;
}

interface TodayLocation {
  id: string;
  name: string;
  zone: string;
  date: string;
  appointments: TodayAppointment[];
}

const POLL_MS = 3000;
const seen = new Set<string>();
const fresh = new Map<string, number>();
/** Each appointment's start and status as last seen, to tell a move or a cancellation. */
const last = new Map<string, { start: string; status: string }>();
const moved = new Map<string, number>();
let firstLoad = true;

function longDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  // Noon UTC keeps the calendar date whatever the viewer's zone.
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)).toLocaleDateString("en-AU", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

function zoneName(zone: string): string {
  return zone.split("/").at(-1)?.replaceAll("_", " ") ?? zone;
}

function row(a: TodayAppointment): HTMLTableRowElement {
  const isNew = fresh.has(a.id);
  const isMoved = !isNew && moved.has(a.id);
  const cancelled = a.status.toLowerCase() === "cancelled";
  return h(
    "tr",
    {
      class: [isNew ? "is-new" : "", cancelled ? "is-cancelled" : ""].join(" ").trim() || undefined,
      "data-id": a.id,
    },
    h(
      "td",
      { class: "nowrap" },
      `${a.startTime}–${a.endTime}`,
      isNew ? h("span", { class: "badge badge--new" }, "New") : null,
      isMoved ? h("span", { class: "badge badge--new" }, "Moved") : null,
    ),
    h("td", {}, a.practitioner.name),
    h("td", {}, a.type),
    h("td", { class: "patient" }, a.patient),
    h("td", {}, h("span", { class: `status status--${a.status.toLowerCase()}` }, a.status)),
    h("td", { class: "ref" }, a.reference),
  );
}

function card(l: TodayLocation): HTMLElement {
  const booked = l.appointments.filter((a) => a.status.toLowerCase() !== "cancelled").length;
  const body =
    l.appointments.length === 0
      ? h("p", { class: "empty" }, "No appointments today.")
      : h(
          "table",
          {},
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ...["Time", "Practitioner", "Service", "Patient", "Status", "Ref."].map((t) =>
                h("th", { scope: "col" }, t),
              ),
            ),
          ),
          h("tbody", {}, ...l.appointments.map(row)),
        );
  return h(
    "section",
    { class: "panel day-card", "aria-labelledby": `loc-${l.id}` },
    h(
      "header",
      {},
      h("h2", { id: `loc-${l.id}` }, l.name.replace(/^Harbourside Health\s+/, "")),
      h("p", {}, `${longDate(l.date)} · ${zoneName(l.zone)} time · ${booked} booked`),
    ),
    h("div", { class: "table-wrap" }, body),
  );
}

async function poll(): Promise<void> {
  const error = byId("load-error");
  try {
    const res = await fetch("/api/today", { cache: "no-store" });
    const body = (await res.json()) as { locations?: TodayLocation[]; error?: string };
    if (!res.ok || !body.locations) throw new Error(body.error ?? `HTTP ${res.status}`);
    const all = body.locations.flatMap((l) => l.appointments);
    const arrived = all.filter((a) => !seen.has(a.id));
    const now = Date.now();
    if (!firstLoad) for (const a of arrived) fresh.set(a.id, now);
    const changed: string[] = [];
    for (const a of all) {
      const before = last.get(a.id);
      if (before && before.start !== a.startTime) {
        moved.set(a.id, now);
        changed.push(`Moved: now ${a.startTime} with ${a.practitioner.name}, ${a.type}`);
      }
      if (before && before.status !== a.status && a.status.toLowerCase() === "cancelled")
        changed.push(`Cancelled: ${a.startTime} with ${a.practitioner.name}, ${a.type}`);
      last.set(a.id, { start: a.startTime, status: a.status });
    }
    for (const map of [fresh, moved]) for (const [id, at] of map) if (now - at > 60_000) map.delete(id);
    for (const a of all) seen.add(a.id);

    const today = byId("today");
    today.replaceChildren(...body.locations.map(card));
    today.removeAttribute("aria-busy");
    byId("stat-booked").textContent = String(
      all.filter((a) => a.status.toLowerCase() !== "cancelled").length,
    );
    byId("stat-cancelled").textContent = String(
      all.filter((a) => a.status.toLowerCase() === "cancelled").length,
    );
    byId("stat-updated").textContent = new Date().toLocaleTimeString("en-AU");
    const news = arrived.map((a) => `New booking: ${a.startTime} with ${a.practitioner.name}, ${a.type}`);
    if (!firstLoad && news.length + changed.length > 0) {
      byId("announce").textContent = [...news, ...changed].join(". ");
    }
    firstLoad = false;
    error.hidden = true;
  } catch (err) {
    error.textContent = `Couldn't refresh: ${err instanceof Error ? err.message : String(err)}`;
    error.hidden = false;
  } finally {
    setTimeout(() => void poll(), POLL_MS);
  }
}

void poll();
