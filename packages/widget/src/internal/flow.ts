/**
 * Which steps a visitor sees. A step is skipped when its answer is fixed: a preselected id
 * (`location`, `practitioner`, `appointment-type` attributes) that the loaded lists really offer, or
 * a clinic with one location. An id the lists do not offer falls back to a normal choice.
 */
import type { ClinicProfile, PublicLocation } from "../api/types.js";
import type { BookingStep } from "../events.js";

/** The steps before the confirmation, in order. */
export const ORDER: readonly BookingStep[] = [
  "location",
  "service",
  "practitioner",
  "time",
  "details",
  "review",
];

/** The practitioner choice meaning "first available". */
export const ANY = "*";

/** What decides the visible steps. Lists are undefined until loaded. */
export interface FlowInputs {
  profile: ClinicProfile | undefined;
  location: string;
  appointmentType: string;
  practitioner: string;
  types: readonly { id: string }[] | undefined;
  practitioners: readonly { id: string }[] | undefined;
}

/** The location that needs no choice: the preselected one, or the only one. */
export function lockedLocation(
  profile: ClinicProfile | undefined,
  location: string,
): PublicLocation | undefined {
  const all = profile?.locations ?? [];
  return all.find((l) => l.id === location) ?? (all.length === 1 ? all[0] : undefined);
}

/** A preselected id, as long as the loaded list (if loaded yet) offers it. */
export function lockedId(id: string, list: readonly { id: string }[] | undefined): string | undefined {
  return id && (!list || list.some((x) => x.id === id)) ? id : undefined;
}

/** The steps this visitor sees, in order. */
export function visibleSteps(i: FlowInputs): BookingStep[] {
  return ORDER.filter(
    (s) =>
      (s !== "location" || !(i.profile ? lockedLocation(i.profile, i.location) : i.location)) &&
      (s !== "service" || !lockedId(i.appointmentType, i.types)) &&
      (s !== "practitioner" || !lockedId(i.practitioner, i.practitioners)),
  );
}

/** The first visible step after `from`. */
export function stepAfter(steps: readonly BookingStep[], from: BookingStep): BookingStep | undefined {
  return steps.find((s) => ORDER.indexOf(s) > ORDER.indexOf(from));
}
