/**
 * The manage views' card: the booking as the confirmation showed it, "Reschedule" (the times of the
 * same service and place, then a check) and "Cancel appointment" (a confirm step with an optional
 * reason, then "Your appointment is cancelled"), the phone instead of buttons inside the notice
 * period, and "Find my booking".
 */

import { html, nothing, type TemplateResult } from "lit";
import { EdgeRequestError } from "../api/edge-error.js";
import type { ManagedBooking } from "../api/manage-types.js";
import { formatWhen } from "../internal/dates.js";
import { TaskStatus } from "../internal/task.js";
import type { Messages } from "../messages/index.js";
import type { ManageMessages } from "../messages/manage.js";
import { bookingSummary, phoneLine } from "../steps/booking-summary.js";
import { fieldError } from "../steps/details-step.js";
import { choiceSkeleton, problemNotice } from "../steps/shared.js";
import { timeStep } from "../steps/time-step.js";
import { card } from "../view/card.js";
import { problem } from "../view/problem.js";
import { findForm } from "./find-form.js";
import type { ManageController } from "./manage-controller.js";
import type { ManageScreen } from "./manage-state.js";
import { canChange, REASON_MAX } from "./outcomes.js";

interface Ctx {
  c: ManageController;
  m: Messages;
  mm: ManageMessages;
  locale: string;
}

/** Renders the whole card of the manage views. */
export function manageView(c: ManageController): TemplateResult {
  const { locale, m, mm } = c.i18n();
  const x: Ctx = { c, m, mm, locale };
  const { screen, announcement } = c.state;
  const missing = screenIsBooking(screen) && isMissing(c);
  const heading = mm.heading[missing ? "missing" : screen];
  const back = screen === "find" ? c.cameFromBooking : !["view", "moved", "cancelled"].includes(screen);
  return card(
    locale,
    back ? () => c.back() : undefined,
    m.back,
    nothing,
    screen === "cancelled" || screen === "moved",
    heading,
    body(x),
    announcement,
  );
}

const screenIsBooking = (s: ManageScreen) => s === "view" || s === "moved";

function isMissing(c: ManageController): boolean {
  const t = c.booking;
  return (
    t.status === TaskStatus.ERROR && t.error instanceof EdgeRequestError && t.error.code === "ERR_NOT_FOUND"
  );
}

function body(x: Ctx): unknown {
  const { c, m, mm } = x;
  const s = c.state;
  if (s.screen === "find") return findForm(c, m, mm);
  const task = c.booking;
  if (screenIsBooking(s.screen) && !s.known) {
    if (task.status === TaskStatus.ERROR) {
      if (isMissing(c))
        return html`<p>${mm.missing}</p>
          <button type="button" class="secondary" part="secondary-button" @click=${() => c.find()}>${mm.findLink}</button>`;
      return problem(task.error, () => task.run(), m, undefined);
    }
    if (task.status !== TaskStatus.COMPLETE) return choiceSkeleton();
  }
  const b = c.current;
  if (!b) return choiceSkeleton();
  const contact = m.contact(b.location.name, b.location.phone);
  switch (s.screen) {
    case "times":
      return timeStep(c, c.availability, m, x.locale, b.timezone, contact);
    case "confirm-move":
      return confirmMove(x, b, contact);
    case "cancel":
      return cancel(x, b, contact);
    case "cancelled":
      return html`<p class="lead">${mm.cancelledLead}</p>
        ${bookingSummary(b, m, x.locale, [{ label: mm.statusLabel, value: mm.status.cancelled }])}
        ${bookNew(x)}`;
    default:
      return overview(x, b, contact);
  }
}

function overview(x: Ctx, b: ManagedBooking, contact: string): TemplateResult {
  const { c, m, mm } = x;
  const s = c.state;
  const allowed = canChange(b, s.tooLate);
  const policy = c.profile?.changes?.policy;
  const cancelled = b.status === "cancelled";
  return html`
    ${s.screen === "moved" ? html`<p class="lead">${mm.moved}</p>` : nothing}
    ${s.tooLate ? html`<div class="notice info" part="notice" role="alert"><p>${mm.tooLate(contact)}</p></div>` : nothing}
    ${bookingSummary(b, m, x.locale, cancelled ? [{ label: mm.statusLabel, value: mm.status.cancelled }] : [])}
    ${
      cancelled
        ? html`<p>${mm.alreadyCancelled}</p>${bookNew(x)}`
        : allowed.cancel || allowed.reschedule
          ? html`${policy ? html`<p>${policy}</p>` : nothing}
            <div class="actions">
              ${allowed.reschedule ? html`<button type="button" class="primary" part="primary-button" @click=${() => c.startMove()}>${mm.reschedule}</button>` : nothing}
              ${allowed.cancel ? html`<button type="button" class="secondary" part="secondary-button" @click=${() => c.go("cancel")}>${mm.cancel}</button>` : nothing}
            </div>
            ${phoneLine(mm.byPhone, mm.on, b.location)}`
          : html`${policy ? html`<p>${policy}</p>` : nothing}${phoneLine(mm.callToChange, mm.on, b.location)}`
    }
  `;
}

function confirmMove(x: Ctx, b: ManagedBooking, contact: string): TemplateResult {
  const { c, m, mm, locale } = x;
  const chosen = c.state.chosen;
  const pending = c.moveTask.status === TaskStatus.PENDING;
  return html`
    <dl class="summary" part="summary">
      <div class="row"><dt>${mm.newTime}</dt><dd>${chosen ? formatWhen(chosen.start, locale, b.timezone) : ""}</dd></div>
      <div class="row"><dt>${mm.oldTime}</dt><dd>${formatWhen(b.start, locale, b.timezone)}</dd></div>
      <div class="row"><dt>${m.review.service}</dt><dd>${b.appointmentType.name}</dd></div>
      <div class="row"><dt>${m.done.where}</dt><dd>${b.location.name}</dd></div>
    </dl>
    ${c.state.failure ? changeProblem(c.state.failure, () => c.confirmMove(), mm, m, contact) : nothing}
    <slot name="challenge"></slot>
    <button type="button" class="primary" part="primary-button" aria-disabled=${pending ? "true" : "false"} @click=${() => pending || c.confirmMove()}>
      ${pending ? mm.moving : mm.confirmMove}
    </button>
  `;
}

function cancel(x: Ctx, b: ManagedBooking, contact: string): TemplateResult {
  const { c, m, mm, locale } = x;
  const s = c.state;
  const pending = c.cancelTask.status === TaskStatus.PENDING;
  return html`
    ${bookingSummary(b, m, locale)}
    <div class="field ${s.reasonError ? "has-error" : ""}">
      <label for="reason" part="label">${mm.reason}</label>
      <p class="hint" id="reason-hint">${mm.reasonHint}</p>
      <textarea
        id="reason"
        part="input"
        rows="2"
        maxlength=${REASON_MAX}
        aria-describedby="reason-hint${s.reasonError ? " reason-error" : ""}"
        aria-invalid=${s.reasonError ? "true" : "false"}
        .value=${s.reason}
        @input=${(e: Event) => c.editReason((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${fieldError("reason", s.reasonError || undefined, m)}
    </div>
    ${s.failure ? changeProblem(s.failure, () => c.confirmCancel(), mm, m, contact) : nothing}
    <div class="actions">
      <slot name="challenge"></slot>
      <button type="button" class="primary" part="primary-button" aria-disabled=${pending ? "true" : "false"} @click=${() => pending || c.confirmCancel()}>
        ${pending ? mm.cancelling : mm.cancel}
      </button>
      <button type="button" class="secondary" part="secondary-button" @click=${() => c.go("view")}>${mm.keep}</button>
    </div>
  `;
}

function bookNew({ c, mm }: Ctx): TemplateResult {
  return html`<div class="actions">
    <button type="button" class="primary" part="primary-button" @click=${() => c.bookNew()}>${mm.bookNew}</button>
  </div>`;
}

/** A failed change: "Try again" when that can help (the same key: nothing changes twice), else the phone. */
function changeProblem(
  e: unknown,
  retry: () => void,
  mm: ManageMessages,
  m: Messages,
  contact: string,
): TemplateResult {
  if (e instanceof EdgeRequestError && !e.retryable) return problemNotice(mm.changeRefused(contact));
  return problemNotice(mm.changeError(contact), { label: m.tryAgain, onRetry: retry });
}
