/**
 * The manage views' card: the booking as the confirmation showed it, "Reschedule" (the times of the
 * same service and place, then a check) and "Cancel appointment" (a confirm step with an optional
 * reason, then "Your appointment is cancelled"), the phone instead of buttons inside the notice
 * period, and "Find my booking".
 */

import { html, nothing, type TemplateResult } from "lit";
import { EdgeRequestError } from "../api/edge-error.js";
import { formatWhen } from "../internal/dates.js";
import { TaskStatus } from "../internal/task.js";
import type { Messages } from "../messages/index.js";
import type { ManageMessages } from "../messages/manage.js";
import { bookingSummary, phoneLine, summaryRow } from "../steps/booking-summary.js";
import { problemNotice } from "../steps/shared.js";
import { timeStep } from "../steps/time-step.js";
import { card } from "../view/card.js";
import { load } from "../view/problem.js";
import { findForm } from "./find-form.js";
import type { ManageController } from "./manage-controller.js";
import { canChange, REASON_MAX } from "./outcomes.js";

/** Renders the whole card of the manage views, or undefined while the booking flow shows. */
export function manageView(c: ManageController): TemplateResult | undefined {
  const { locale, m, mm } = c.i18n();
  const { screen } = c.state;
  if (screen === "book") return undefined;
  const t = c.booking;
  // The token opens no booking (expired, or never issued). The token's read fails only on the view it opens:
  // every other screen is reached with the booking in hand, and "Find my booking" has no token.
  const missing = t.status === TaskStatus.ERROR && (t.error as EdgeRequestError).code === "ERR_NOT_FOUND";
  const back = screen === "find" ? c.fromBooking : !["view", "moved", "cancelled"].includes(screen);
  return card(
    locale,
    back ? () => c.back() : undefined,
    m.back,
    nothing,
    screen === "cancelled" || screen === "moved",
    mm.heading[missing ? "missing" : screen],
    body(c, missing, locale, m, mm),
    // The live region stays empty here: a visitor's action moves focus to the heading or the error summary.
    "",
  );
}

function body(
  c: ManageController,
  missing: boolean,
  locale: string,
  m: Messages,
  mm: ManageMessages,
): unknown {
  const s = c.state;
  if (s.screen === "find") return findForm(c, m, mm);
  const task = c.booking;
  // Opened by a token: its read, whose failure shows on the view it opens.
  if (!s.known) {
    if (missing)
      return html`<p>${mm.missing}</p>${button(mm.heading.find, () => c.open({ view: "find" }, true), "secondary")}`;
    // Not read yet: the failure as a problem, else the skeleton (the view is never reached here).
    if (task.status !== TaskStatus.COMPLETE) return load(task, m, undefined, () => nothing);
  }
  const b = c.current!;
  const contact = m.contact(b.location.name, b.location.phone);
  const failure = s.failure;
  // A failed change: "Try again" when that can help (the same key: nothing changes twice), else the phone.
  const changeProblem = (retry: () => void) =>
    failure instanceof EdgeRequestError && !failure.retryable
      ? problemNotice(mm.changeRefused(contact))
      : problemNotice(mm.changeError(contact), { label: m.tryAgain, onRetry: retry });
  const cancelled = [{ label: mm.statusLabel, value: mm.statusCancelled }];
  const bookNew = html`<div class="actions">${button(mm.bookNew, () => c.toBooking())}</div>`;
  switch (s.screen) {
    case "times":
      return timeStep(c, c.availability, m, locale, b.timezone, contact);
    case "confirm-move": {
      const pending = c.change.status === TaskStatus.PENDING;
      return html`
        <dl class="summary" part="summary">
          ${summaryRow(mm.newTime, formatWhen(s.chosen!.start, locale, b.timezone))}
          ${summaryRow(mm.oldTime, formatWhen(b.start, locale, b.timezone))}
          ${summaryRow(m.stepLabel.service, b.appointmentType.name)}
          ${summaryRow(m.done.where, b.location.name)}
        </dl>
        ${failure ? changeProblem(() => c.confirmMove()) : nothing}
        <slot name="challenge"></slot>
        ${button(pending ? mm.moving : mm.confirmMove, () => c.confirmMove(), "primary", pending)}
      `;
    }
    case "cancel": {
      const pending = c.change.status === TaskStatus.PENDING;
      return html`
        ${bookingSummary(b, m, locale)}
        <div class="field">
          <label for="reason" part="label">${mm.reason}</label>
          <p class="hint" id="reason-hint">${mm.reasonHint}</p>
          <textarea
            id="reason"
            part="input"
            rows="2"
            maxlength=${REASON_MAX}
            aria-describedby="reason-hint"
            .value=${s.reason}
            @input=${(e: Event) => c.editReason((e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        ${failure ? changeProblem(() => c.confirmCancel()) : nothing}
        <div class="actions">
          <slot name="challenge"></slot>
          ${button(pending ? mm.cancelling : mm.cancel, () => c.confirmCancel(), "primary", pending)}
          ${button(mm.keep, () => c.go("view"), "secondary")}
        </div>
      `;
    }
    case "cancelled":
      return html`<p class="lead">${mm.cancelledLead}</p>
        ${bookingSummary(b, m, locale, cancelled)}
        ${bookNew}`;
    default: {
      // "Your appointment" (and "… has moved"): the booking, then what can still be changed online.
      const allowed = canChange(b, s.tooLate);
      const policy = c.profile?.changes?.policy;
      const gone = b.status === "cancelled";
      return html`
        ${s.screen === "moved" ? html`<p class="lead">${mm.moved}</p>` : nothing}
        ${s.tooLate ? html`<div class="notice" part="notice" role="alert"><p>${mm.tooLate(contact)}</p></div>` : nothing}
        ${bookingSummary(b, m, locale, gone ? cancelled : [])}
        ${
          gone
            ? html`<p>${mm.alreadyCancelled}</p>${bookNew}`
            : html`${policy ? html`<p>${policy}</p>` : nothing}
                <div class="actions">
                  ${allowed.reschedule ? button(mm.reschedule, () => c.startMove()) : nothing}
                  ${allowed.cancel ? button(mm.cancel, () => c.go("cancel"), "secondary") : nothing}
                  <a class="button secondary" part="secondary-button" href=${c.calendarHref()}>${m.done.calendar}</a>
                </div>
                ${phoneLine(allowed.cancel || allowed.reschedule ? mm.byPhone : mm.callToChange, mm.on, b.location)}`
        }
      `;
    }
  }
}

/**
 * A button of these views; `pending` (a change under way) marks it aria-disabled (the controller ignores
 * a change's presses while it is under way).
 */
function button(
  label: string,
  onClick: () => void,
  kind: "primary" | "secondary" = "primary",
  pending?: boolean,
): TemplateResult {
  return html`<button type="button" class=${kind} part="${kind}-button" aria-disabled=${pending ? "true" : nothing} @click=${onClick}>${label}</button>`;
}
