/**
 * Which steps a visitor sees. A step is skipped when its answer is fixed: a preselected id
 * (`location`, `practitioner`, `appointment-type` attributes) that the loaded lists really offer, or
 * only one location to choose from (the clinic has one, or only one offers the preselected
 * practitioner or type). An id the lists do not offer falls back to a normal choice.
 */
import type { ClinicProfile, PublicLocation, PublicPractitioner } from "../api/types.js";
import type { BookingStep } from "../events.js";

/** The practitioner choice meaning "first available". */
export const ANY = "*";

/** What decides the visible steps. Lists are undefined until loaded. */
export interface FlowInputs {
  profile: ClinicProfile | undefined;
  location: string;
  appointmentType: string;
  practitioner: string;
  /** The `discipline` attribute, and the discipline chosen so far. */
  discipline?: string;
  disciplineId?: string | undefined;
  types: readonly { id: string; audience?: string }[] | undefined;
  practitioners: readonly { id: string }[] | undefined;
  /** The clinic's practitioners at every location (loaded only to narrow the location step). */
  everyone?: readonly Staff[] | undefined;
}

/** A practitioner as the location step reads one. */
type Staff = Pick<PublicPractitioner, "id" | "locationIds" | "appointmentTypeIds"> &
  Partial<Pick<PublicPractitioner, "disciplineIds">>;

/**
 * "What do you need help with?" needs no asking: the clinic has no disciplines, the `discipline`
 * attribute names one of them, or a preselected practitioner already says who (and so which kind of help).
 */
export function disciplineFixed(i: FlowInputs): boolean {
  // None from an edge API that predates them.
  const list = i.profile?.disciplines ?? [];
  return !list.length || !!lockedId(i.discipline ?? "", list) || !!lockedId(i.practitioner, i.practitioners);
}

/**
 * The locations to choose from: where the preselected practitioner works and where someone who
 * offers the preselected type works (the clinic-wide list gives each practitioner's types over all
 * their locations, so a type kept to some locations may still be listed at others; the service
 * step then asks). A preselection nobody matches narrows nothing, like a list not loaded.
 */
export function offeredLocations(i: FlowInputs): readonly PublicLocation[] {
  const all = i.profile?.locations ?? [];
  let who = i.everyone ?? [];
  for (const keep of [
    (p: Staff) => !!i.disciplineId && !!p.disciplineIds?.includes(i.disciplineId),
    (p: Staff) => p.id === i.practitioner,
    (p: Staff) => p.appointmentTypeIds.includes(i.appointmentType),
  ]) {
    const some = who.filter(keep);
    if (some.length) who = some;
  }
  const at = all.filter((l) => who.some((p) => p.locationIds.includes(l.id)));
  return who === i.everyone || !at.length ? all : at;
}

/** The location that needs no choice: the preselected one, or the only one offered. */
export function lockedLocation(i: FlowInputs): PublicLocation | undefined {
  const offered = offeredLocations(i);
  return (
    i.profile?.locations.find((l) => l.id === i.location) ?? (offered.length === 1 ? offered[0] : undefined)
  );
}

/** A preselected id, as long as the loaded list (if loaded yet) offers it. */
export function lockedId(id: string, list: readonly { id: string }[] | undefined): string | undefined {
  return id && (!list || list.some((x) => x.id === id)) ? id : undefined;
}

/**
 * The steps before the confirmation, in order, each with when its answer needs no question (it is skipped;
 * undefined: always asked). A new step joins here, in the `BookingStep` union, in the view registry
 * (view/step-views.ts) and in the message tables.
 */
const FIXED: Record<Exclude<BookingStep, "done">, ((i: FlowInputs) => boolean) | undefined> = {
  discipline: disciplineFixed,
  location: (i) => !!(i.profile ? lockedLocation(i) : i.location),
  returning: (i) => !someAudience(i.types),
  service: (i) => !!lockedId(i.appointmentType, i.types),
  practitioner: (i) => !!lockedId(i.practitioner, i.practitioners),
  time: undefined,
  details: undefined,
  review: undefined,
};

/** Whether any service is only for new or only for returning patients ("Have you seen us before?" matters). */
export function someAudience(types: readonly { audience?: string }[] | undefined): boolean {
  return !!types?.some((t) => t.audience === "new" || t.audience === "existing");
}

type Asked = keyof typeof FIXED;

/** The steps before the confirmation, in order (one array: the visible steps are filtered from it). */
export const ORDER: readonly BookingStep[] = Object.keys(FIXED) as Asked[];

/** The steps this visitor sees, in order. */
export function visibleSteps(i: FlowInputs): BookingStep[] {
  return (ORDER as readonly Asked[]).filter((s) => !FIXED[s]?.(i));
}

/** The first visible step after `from`. */
export function stepAfter(steps: readonly BookingStep[], from: BookingStep): BookingStep | undefined {
  return steps.find((s) => ORDER.indexOf(s) > ORDER.indexOf(from));
}

/** The first step before the review still waiting for an answer (`answered` maps a step to its answer). */
export function firstUnanswered(answered: Partial<Record<BookingStep, unknown>>): BookingStep | undefined {
  // "Have you seen us before?" is asked only sometimes: it waits for an answer only when listed.
  return ORDER.slice(0, ORDER.indexOf("review")).find(
    (s) => (s !== "returning" || s in answered) && !answered[s],
  );
}

/**
 * The step to show instead of `step`: a hidden step gives way to the next one shown, and the flow
 * never stays ahead of the first unanswered step (`missing`): a preselection the lists turned out
 * not to offer, a choice a reloaded list no longer has.
 */
export function settledStep(
  step: BookingStep,
  steps: readonly BookingStep[],
  missing: BookingStep | undefined,
): BookingStep {
  if (step === "done") return step;
  const shown = steps.includes(step) ? step : (stepAfter(steps, step) ?? "time");
  return missing && ORDER.indexOf(missing) < ORDER.indexOf(shown) ? missing : shown;
}
