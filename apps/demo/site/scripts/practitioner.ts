/**
 * A practitioner's page: their profile from the edge API and the clinic's copy, and a "Book now"
 * button opening the widget, preset to them, in a dialog.
 */
import type { PublicPractitioner } from "@coreplus-kit/edge-api";
import { avatarInitials, avatarTone, byId, h } from "./dom.js";
import { CLINIC, edgeApiUrl, getAppointmentTypes, getClinic, getPractitioners } from "./edge.js";
import { profileFor } from "./team.js";

async function pickPractitioner(): Promise<PublicPractitioner | undefined> {
  const wanted = new URLSearchParams(location.search).get("id");
  const { practitioners } = await getPractitioners();
  const found = practitioners.find((p) => p.id === wanted) ?? practitioners[0];
  if (found && found.id !== wanted) {
    // Keep the address bar shareable: it names whose page this is.
    history.replaceState(null, "", `/practitioner?id=${encodeURIComponent(found.id)}`);
  }
  return found;
}

function openBooking(p: PublicPractitioner): void {
  const dialog = byId<HTMLDialogElement>("booking-dialog");
  const body = byId("dialog-body");
  if (!body.querySelector("coreplus-booking")) {
    const widget = document.createElement("coreplus-booking");
    widget.setAttribute("api", edgeApiUrl());
    widget.setAttribute("clinic", CLINIC);
    widget.setAttribute("practitioner", p.id);
    body.append(widget);
  }
  dialog.showModal();
}

/**
 * Closes the dialog on a click on its backdrop (which lands on the dialog itself), but only when the
 * press began there too: a drag that starts in the booking form (selecting a field's text) and ends
 * outside would otherwise close it. Esc and the Close button are the dialog's own (native) ways out.
 */
function closeOnBackdrop(dialog: HTMLDialogElement): void {
  let pressedOnBackdrop = false;
  dialog.addEventListener("pointerdown", (event) => {
    pressedOnBackdrop = event.target === dialog;
  });
  dialog.addEventListener("click", (event) => {
    if (pressedOnBackdrop && event.target === dialog) dialog.close();
    pressedOnBackdrop = false;
  });
}

async function main(): Promise<void> {
  const p = await pickPractitioner();
  const name = byId("practitioner-name");
  if (!p) {
    name.textContent = "No practitioners are taking online bookings";
    return;
  }
  const profile = profileFor(p);
  document.title = `${p.displayName} · ${profile.profession} · Harbourside Health`;
  name.textContent = p.displayName;
  byId("crumb-name").textContent = p.displayName;
  byId("dialog-name").textContent = p.displayName;
  byId("practitioner-role").textContent = profile.profession;
  byId("practitioner-bio").textContent = profile.bio;
  const avatar = byId("avatar");
  avatar.textContent = avatarInitials(p.displayName);
  avatar.dataset.tone = avatarTone(p.id);
  byId("practitioner-interests").replaceChildren(...profile.interests.map((i) => h("li", {}, i)));

  const button = byId<HTMLButtonElement>("book-now");
  button.textContent = `Book now with ${p.displayName.replace(/^(Dr|Mr|Mrs|Ms|Miss)\s+/, "").split(" ")[0]}`;
  button.disabled = false;
  button.addEventListener("click", () => openBooking(p));

  const dialog = byId<HTMLDialogElement>("booking-dialog");
  byId("dialog-close").addEventListener("click", () => dialog.close());
  closeOnBackdrop(dialog);

  const [types, clinic] = await Promise.allSettled([
    getAppointmentTypes({ practitionerId: p.id }),
    getClinic(),
  ]);
  const services = byId("practitioner-services");
  if (types.status === "fulfilled") {
    services.replaceChildren(
      ...types.value.appointmentTypes.map((t) =>
        h("li", {}, t.name, h("span", {}, `${t.durationMinutes} min`)),
      ),
    );
  } else services.replaceChildren(h("li", {}, "Call us for services and fees."));
  services.removeAttribute("aria-busy");
  if (clinic.status === "fulfilled") {
    byId("practitioner-locations").replaceChildren(
      ...clinic.value.clinic.locations
        .filter((l) => p.locationIds.includes(l.id))
        .map((l) => h("li", {}, l.name.replace(/^Harbourside Health\s+/, ""), h("span", {}, l.phone))),
    );
  }
}

void main();
