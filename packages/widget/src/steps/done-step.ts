/**
 * The confirmation: a tick, the reference, when, with whom, where (with a map), reminders, the edge
 * API's calendar file, and how to change or cancel (the manage link, the clinic's notice policy, the
 * location's phone).
 */
import { html, nothing, type TemplateResult } from "lit";
import type { ProfileWithChanges } from "../api/manage-types.js";
import type { BookingSummary } from "../api/types.js";
import type { Messages } from "../messages/index.js";
import { type ManageMessages, manageMessages } from "../messages/manage.js";
import { bookingSummary, phoneLine } from "./booking-summary.js";

export { mapUrl } from "./booking-summary.js";

/** What the confirmation shows. */
export interface DoneStepProps {
  m: Messages;
  locale: string;
  booking: BookingSummary;
  /** The clinic (its name, and its policy for changes when its profile has one). */
  clinic: ProfileWithChanges;
  /** The "Change or cancel" link and the calendar file's (both with the manage token), when the edge API gave one. */
  links: { manage: string; calendar: string } | undefined;
  /** "Book another appointment" was pressed: ask "For you again, or someone else?". */
  askAnother: boolean;
  onAnother(): void;
  onAnotherFor(forWhom: "me" | "other"): void;
}

/** Renders the step body. */
export function doneStep(p: DoneStepProps): TemplateResult {
  const { m, booking: b } = p;
  const mm = manageMessages(p.locale);
  const r = b.reminders;
  const reminders = m.done.reminders[r.email && r.sms ? "both" : r.email ? "email" : r.sms ? "sms" : "none"];
  return html`
    <p class="lead">${m.done.lead}</p>
    ${bookingSummary(b, m, p.locale)}
    <p>${reminders}</p>
    ${changeOrCancel(p, mm)}
    <div class="actions">
      ${
        p.links
          ? html`<a class="button secondary" part="secondary-button" href=${p.links.calendar}>${m.done.calendar}</a>`
          : nothing
      }
      ${
        p.askAnother
          ? nothing
          : html`<button type="button" class="secondary" part="secondary-button" @click=${p.onAnother}>${m.done.another}</button>`
      }
    </div>
    ${
      p.askAnother
        ? html`<fieldset>
          <legend>${m.who.again}</legend>
          <div class="actions">
            <button type="button" id="another" class="secondary" part="secondary-button" @click=${() => p.onAnotherFor("me")}>${m.who.me}</button>
            <button type="button" class="secondary" part="secondary-button" @click=${() => p.onAnotherFor("other")}>${m.who.other}</button>
          </div>
        </fieldset>`
        : nothing
    }
  `;
}

/** How to change or cancel: the manage link and the policy when the clinic allows it, the phone always. */
function changeOrCancel(p: DoneStepProps, mm: ManageMessages): TemplateResult {
  const c = p.clinic.changes;
  const manage = p.links?.manage;
  const online = !!manage && (!c || c.cancel || c.reschedule);
  return html`<div class="changes">
    ${
      online
        ? html`<p><a href=${manage!}>${mm.changeOrCancel}</a></p>
          ${c ? html`<p>${c.policy || mm.onlineUntil(c.noticeHours)}</p>` : nothing}`
        : c?.policy
          ? html`<p>${c.policy}</p>`
          : nothing
    }
    ${phoneLine(mm.byPhone, mm.on, p.booking.location)}
  </div>`;
}
