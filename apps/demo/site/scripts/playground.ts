/**
 * The widget playground: presets, language and theme change the preview live, and the snippet shows
 * exactly what a clinic would paste. Presets rebuild the element (a preset is read when a booking
 * starts); theme values are CSS custom properties and change in place.
 */
import type { PublicAppointmentType, PublicLocation, PublicPractitioner } from "@coreplus-kit/edge-api";
import type { CoreplusEventDetails } from "@coreplus-kit/widget";
import { byId, h } from "./dom.js";
import { CLINIC, edgeApiUrl, getAppointmentTypes, getClinic, getPractitioners } from "./edge.js";
import { accentWarning, buildSnippet, darkThemeAccent, publicUrls, type WidgetSettings } from "./snippet.js";

const form = byId<HTMLFormElement>("controls");
const frame = byId("frame");
const stage = byId("stage");
const snippet = byId("snippet");
const log = byId("event-log");

let locations: PublicLocation[] = [];
let practitioners: PublicPractitioner[] = [];
let typesRequest: AbortController | undefined;

/** The widget's own defaults: the snippet needs no CSS for these. */
const WIDGET_DEFAULTS = { accent: "#0b5cad", radius: "10px" };
const prefersDark = matchMedia("(prefers-color-scheme: dark)");

function field<T extends HTMLInputElement | HTMLSelectElement>(name: string): T {
  const el = form.elements.namedItem(name);
  if (!el) throw new Error(`form field ${name} is missing`);
  return el as T;
}

function radio(name: string): string {
  return (form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? "").trim();
}

function settings(): WidgetSettings {
  return {
    api: edgeApiUrl(),
    clinic: CLINIC,
    location: field<HTMLSelectElement>("location").value,
    practitioner: field<HTMLSelectElement>("practitioner").value,
    appointmentType: field<HTMLSelectElement>("appointment-type").value,
    lang: field<HTMLSelectElement>("lang").value,
    theme: radio("theme"),
    accent: field<HTMLInputElement>("accent").value,
    radius: `${field<HTMLInputElement>("radius").value}px`,
    font: field<HTMLSelectElement>("font").value,
    defaults: WIDGET_DEFAULTS,
  };
}

let presetKey = "";

/** A `<meta name=…>`'s content. */
function meta(name: string): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
}

/** Where the snippet points: the demo's configured public addresses, else marked placeholders. */
const published = publicUrls({ api: meta("coreplus-public-api"), script: meta("coreplus-public-script") });

/** Builds (or restyles) the preview and rewrites the snippet. */
function render(): void {
  const s = settings();
  const key = JSON.stringify([s.location, s.practitioner, s.appointmentType, s.lang]);
  let widget = frame.querySelector<HTMLElement>("coreplus-booking");
  if (!widget || key !== presetKey) {
    presetKey = key;
    widget = document.createElement("coreplus-booking");
    for (const [name, value] of Object.entries({
      api: s.api,
      clinic: s.clinic,
      location: s.location,
      practitioner: s.practitioner,
      "appointment-type": s.appointmentType,
      lang: s.lang,
    })) {
      if (value) widget.setAttribute(name, value);
    }
    frame.replaceChildren(widget);
  }
  widget.setAttribute("theme", s.theme);
  const darkNow = s.theme === "dark" || (s.theme === "auto" && prefersDark.matches);
  const accent = darkNow ? darkThemeAccent(s.accent) : s.accent;
  widget.style.setProperty("--coreplus-accent", accent);
  byId("accent-warning").textContent = accentWarning(accent, darkNow) ?? "";
  widget.style.setProperty("--coreplus-radius", s.radius);
  if (s.font) widget.style.setProperty("--coreplus-font", s.font);
  else widget.style.removeProperty("--coreplus-font");

  stage.dataset.theme = s.theme;
  const width = radio("width");
  frame.style.maxWidth = width ? `${width}px` : "";
  byId("radius-value").textContent = `${field<HTMLInputElement>("radius").value} px`;
  snippet.textContent = buildSnippet({ ...s, api: published.api }, published.script, published.placeholders);
}

function fillSelect(select: HTMLSelectElement, options: { value: string; label: string }[]): void {
  const current = select.value;
  select.replaceChildren(
    h("option", { value: "" }, "Patient chooses"),
    ...options.map((o) => h("option", { value: o.value }, o.label)),
  );
  select.value = options.some((o) => o.value === current) ? current : "";
}

function refreshPractitioners(): void {
  const loc = field<HTMLSelectElement>("location").value;
  fillSelect(
    field("practitioner"),
    practitioners
      .filter((p) => !loc || p.locationIds.includes(loc))
      .map((p) => ({ value: p.id, label: p.displayName })),
  );
}

async function refreshTypes(): Promise<void> {
  typesRequest?.abort();
  const controller = new AbortController();
  typesRequest = controller;
  const locationId = field<HTMLSelectElement>("location").value;
  const practitionerId = field<HTMLSelectElement>("practitioner").value;
  try {
    const { appointmentTypes } = await getAppointmentTypes(
      { ...(locationId ? { locationId } : {}), ...(practitionerId ? { practitionerId } : {}) },
      controller.signal,
    );
    fillSelect(
      field("appointment-type"),
      appointmentTypes.map((t: PublicAppointmentType) => ({
        value: t.id,
        label: `${t.name} (${t.durationMinutes} min)`,
      })),
    );
  } catch {
    if (!controller.signal.aborted) fillSelect(field("appointment-type"), []);
  }
}

form.addEventListener("input", async (event) => {
  const name = (event.target as HTMLInputElement).name;
  if (name === "location") refreshPractitioners();
  if (name === "location" || name === "practitioner") await refreshTypes();
  render();
});
form.addEventListener("submit", (event) => event.preventDefault());

for (const swatch of form.querySelectorAll<HTMLButtonElement>(".swatch")) {
  swatch.style.background = swatch.dataset.colour ?? "";
  swatch.addEventListener("click", () => {
    field<HTMLInputElement>("accent").value = swatch.dataset.colour ?? WIDGET_DEFAULTS.accent;
    render();
  });
}

byId("copy").addEventListener("click", async () => {
  const status = byId("copy-status");
  try {
    await navigator.clipboard.writeText(snippet.textContent ?? "");
    status.textContent = "Copied";
  } catch {
    // Clipboard access needs a secure context or permission; selecting lets the user copy by hand.
    getSelection()?.selectAllChildren(snippet);
    status.textContent = "Selected: press Ctrl+C or ⌘C to copy";
  }
  setTimeout(() => {
    status.textContent = "";
  }, 4000);
});

// Every event the widget declares, no more: the compiler checks this list against its event map.
const EVENTS = {
  "coreplus-ready": true,
  "coreplus-step-change": true,
  "coreplus-slot-selected": true,
  "coreplus-booked": true,
  "coreplus-error": true,
  "coreplus-cancelled": true,
  "coreplus-rescheduled": true,
} satisfies Record<keyof CoreplusEventDetails, true>;
for (const name of Object.keys(EVENTS)) {
  frame.addEventListener(name, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    const summary = detail && typeof detail === "object" ? JSON.stringify(detail).slice(0, 140) : "";
    log.replaceChildren(h("code", {}, name), summary ? ` ${summary}` : "");
  });
}

async function main(): Promise<void> {
  render();
  const [clinic, people] = await Promise.allSettled([getClinic(), getPractitioners()]);
  if (clinic.status === "fulfilled") {
    locations = clinic.value.clinic.locations;
    fillSelect(
      field("location"),
      locations.map((l) => ({ value: l.id, label: l.name.replace(/^Harbourside Health\s+/, "") })),
    );
  }
  if (people.status === "fulfilled") {
    practitioners = people.value.practitioners;
    refreshPractitioners();
  }
  await refreshTypes();
}

prefersDark.addEventListener("change", render);
void main();
