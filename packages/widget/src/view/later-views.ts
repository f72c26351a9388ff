/**
 * The views of the steps after the first choices (details, review, confirmation): what they read of
 * the controller and hand their templates. In the later chunk with those templates (step-views.ts
 * loads them through src/later.ts), so the first screen carries none of it.
 */
import type { ProfileWithChanges } from "../api/manage-types.js";
import { TaskStatus } from "../internal/task.js";
import { messagesFor } from "../messages/index.js";
import { detailsStep } from "../steps/details-step.js";
import { doneStep } from "../steps/done-step.js";
import { reviewRows, reviewStep } from "../steps/review-step.js";
import { problem } from "./problem.js";
import type { ViewContext } from "./types.js";

/** "Your details". */
export function detailsView({ c, locale }: ViewContext): unknown {
  return detailsStep({
    m: messagesFor(locale),
    draft: c.state.details,
    errors: c.state.errors,
    showSummary: c.state.showSummary,
    onInput: (key, value) => c.editDetails(key, value),
    onSubmit: () => c.submitDetails(),
    onFocusField: (id) => c.focus(id),
  });
}

/** "Check your booking". */
export function reviewView({ c, locale }: ViewContext): unknown {
  const { data, state: s } = c;
  const m = messagesFor(locale);
  return reviewStep({
    m,
    rows: reviewRows({
      m,
      locale,
      shown: c.steps(),
      location: c.loc,
      typeName: data.types.value?.find((t) => t.id === s.typeId)?.name ?? "",
      practitionerName:
        data.practitioners.value?.find((p) => p.id === s.chosen?.practitionerId)?.displayName ?? "",
      slot: s.chosen,
      details: s.details,
    }),
    pending: data.booking.status === TaskStatus.PENDING,
    failure: s.bookFailure ? problem(s.bookFailure, () => c.confirm(), m, c.contact(m), true) : undefined,
    onChange: (step) => c.change(step),
    onConfirm: () => c.confirm(),
  });
}

/** "You're booked". */
export function doneView({ c, locale, profile }: ViewContext): unknown {
  return doneStep({
    m: messagesFor(locale),
    locale,
    booking: c.state.booked!,
    clinicName: profile.name,
    stamp: c.now(),
    manageHref: c.manageHref(),
    changes: (profile as ProfileWithChanges).changes,
    onAnother: () => c.another(),
  });
}
