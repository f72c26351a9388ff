/**
 * The step registry: which view renders each step's body. The templates (src/steps) are pure
 * functions of data; a view here reads the controller and hands them data and handlers. A new step
 * joins with an entry here (the `Record` makes one required) and a rule in internal/flow.ts. Views
 * after the first choices load their templates with `import()`, to become chunks of their own.
 */

import { html } from "lit";
import type { BookingStep } from "../events.js";
import { ANY, offeredLocations } from "../internal/flow.js";
import { loadLater } from "../internal/later-chunk.js";
import { TaskStatus } from "../internal/task.js";
import type { FirstMessages } from "../messages/first-screen.js";
import { type ChoiceItem, choiceList, choiceSkeleton } from "../steps/shared.js";
import { timeStep } from "../steps/time-step.js";
import { disciplineView } from "./discipline-view.js";
import type { LaterStep } from "./later-views.js";
import { lazyView } from "./lazy-view.js";
import { load } from "./problem.js";
import type { StepView, ViewContext } from "./types.js";

function locationView({ c }: ViewContext): unknown {
  // While the clinic-wide practitioners load, the list may still shrink (or be skipped).
  if (c.data.everyone.status === TaskStatus.PENDING) return choiceSkeleton();
  return choiceList(
    offeredLocations(c.flow()).map((l): ChoiceItem => ({ id: l.id, label: l.name, hint: l.address })),
    c.state.locationId,
    (id) => c.pick("locationId", id, "location"),
  );
}

function serviceView({ c, m, locale }: ViewContext): unknown {
  const minutes = new Intl.NumberFormat(locale, { style: "unit", unit: "minute", unitDisplay: "long" });
  return load(c.data.types, m, c.contact(m), (types) => {
    // The preselected practitioner, once the list has them.
    const who = c.data.practitioners.value?.find((p) => p.id === c.flow().practitioner);
    const returning = c.state.returning;
    // "Have you seen us before?" answered: only the services for that kind of patient.
    // `audience` arrives with the disciplines release; absent, every service fits.
    const fits = (t: object) =>
      returning === undefined || (t as { audience?: string }).audience !== (returning ? "new" : "existing");
    const offered = (who ? types.filter((t) => who.appointmentTypeIds.includes(t.id)) : types).filter(fits);
    if (offered.length === 0)
      return html`<p class="notice" part="notice">${m.noServices} ${c.contact(m) ?? ""}</p>`;
    const items = offered.map(
      (t): ChoiceItem => ({
        id: t.id,
        label: t.name,
        hint: [minutes.format(t.durationMinutes), t.price && formatPrice(t.price, locale, m)]
          .filter(Boolean)
          .join(" · "),
        detail: t.description,
      }),
    );
    return choiceList(items, c.state.typeId, (id) => c.pick("typeId", id, "service"));
  });
}

/** "$95" or "$95.50" in the visitor's locale; "No charge" for 0. */
function formatPrice(
  price: { amountCents: number; currency: string },
  locale: string,
  m: FirstMessages,
): string {
  if (price.amountCents === 0) return m.noCharge;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: price.currency,
    trailingZeroDisplay: "stripIfInteger",
  }).format(price.amountCents / 100);
}

function practitionerView({ c, m }: ViewContext): unknown {
  const { typeId } = c.state;
  return load(c.data.practitioners, m, c.contact(m), (list) => {
    const items: ChoiceItem[] = [
      { id: ANY, label: m.firstAvailable, hint: m.firstAvailableHint },
      ...list
        .filter((p) => !typeId || p.appointmentTypeIds.includes(typeId))
        .map((p) => ({
          id: p.id,
          label: p.displayName,
          // The profession ("Physiotherapist"), never an honorific alone; the title only from older APIs.
          hint: p.profession ?? p.title,
          more: p.bio ? { label: m.about(p.displayName), text: p.bio } : undefined,
        })),
    ];
    return choiceList(items, c.state.practitionerId, (id) => c.pick("practitionerId", id, "practitioner"));
  });
}

// The later steps' views live with their templates in the later chunk (later-views.ts): one view
// renders whichever of them the step is.
const laterView = lazyView(loadLater, (mod, x) => mod.laterViews[x.c.state.step as LaterStep](x));

/** "Have you seen us before?": two choices; the answer narrows the services. */
function returningView({ c, m }: ViewContext): unknown {
  const { returning } = c.state;
  return choiceList(
    [
      { id: "yes", label: m.returning.yes },
      { id: "no", label: m.returning.no },
    ],
    returning === undefined ? undefined : returning ? "yes" : "no",
    (id) => c.pickReturning(id === "yes"),
  );
}

/** Every step's view. */
export const stepViews: Record<BookingStep, StepView> = {
  discipline: disciplineView,
  location: locationView,
  returning: returningView,
  service: serviceView,
  practitioner: practitionerView,
  time: ({ c, m, locale }) =>
    timeStep(c, c.data.availability, m, locale, c.loc?.timezone ?? "UTC", c.contact(m)),
  details: laterView,
  review: laterView,
  done: laterView,
};
