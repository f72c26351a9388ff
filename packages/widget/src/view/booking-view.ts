/** The card around every step: Back, the progress line, the heading, the body, the live region. */

import { html, nothing, type TemplateResult } from "lit";
import type { BookingController } from "../controller/index.js";
import type { BookingStep } from "../events.js";
import { card } from "./card.js";
import { load } from "./problem.js";
import { stepViews } from "./step-views.js";

/**
 * Renders the element's shadow content. `configured` is false without `api` and `clinic`; `onFind`
 * opens "Find my booking" (a link on the first step).
 */
export function bookingView(
  c: BookingController,
  configured: boolean,
  rerender: () => void,
  onFind?: () => void,
): TemplateResult {
  const { locale, m } = c.i18n();
  const { step, announcement } = c.state;
  const profile = c.profile;
  const steps = c.steps();
  const index = steps.indexOf(step);
  const body = configured
    ? load(c.data.profile, m, c.contact(m), (profile) => stepViews[step]({ c, m, locale, profile, rerender }))
    : html`<p class="notice error" part="notice">${m.notFound}</p>`;
  return card(
    locale,
    c.canGoBack() ? () => c.back() : undefined,
    m.back,
    html`<p class="progress" part="progress">${profile && index >= 0 ? m.progress(index + 1, steps.length, m.stepLabel[step as Exclude<BookingStep, "done">]) : "\u00a0"}</p>`,
    step === "done",
    profile ? m.heading[step] : m.heading.start,
    body,
    announcement,
    onFind && profile && index === 0
      ? html`<p><button type="button" class="link" @click=${onFind}>${m.findBooking}</button></p>`
      : nothing,
  );
}
