/**
 * The views of the steps after the first choices (details, review, confirmation): what they read of
 * the controller and hand their templates. In the later chunk with those templates (step-views.ts
 * loads them through src/later.ts), so the first screen carries none of it.
 */
import type { TemplateResult } from "lit";
import { EdgeRequestError } from "../api/edge-error.js";
import type {
  ClinicProfile,
  OfferedAppointmentType,
  PublicLocation,
  PublicPractitioner,
} from "../api/types.js";
import type { BookingLater } from "../controller/booking-later.js";
import type { FlowState } from "../controller/flow-state.js";
import type { BookingStep } from "../events.js";
import { formatDate, formatWhen } from "../internal/dates.js";
import { dobIso } from "../internal/details.js";
import type { DetailsDraft } from "../internal/details-draft.js";
import { TaskStatus } from "../internal/task.js";
import type { FirstMessages } from "../messages/first-screen.js";
import { type Messages, messagesFor } from "../messages/index.js";
import { detailsStep } from "../steps/details-step.js";
import { doneStep } from "../steps/done-step.js";
import { type ReviewRow, reviewStep } from "../steps/review-step.js";
import { problemNotice } from "../steps/shared.js";
import type { Loadable } from "./problem.js";

/**
 * What these views read of the flow: the part of BookingController (view/types.ts's ViewContext) they
 * use, spelled out so the later chunk's modules never import the controller's (no import cycle).
 */
interface LaterFlow {
  readonly state: Readonly<FlowState>;
  readonly data: {
    types: Loadable<OfferedAppointmentType[]>;
    practitioners: Loadable<PublicPractitioner[]>;
    booking: Loadable<unknown>;
  };
  readonly loc: PublicLocation | undefined;
  readonly profile: ClinicProfile | undefined;
  steps(): BookingStep[];
  contact(m: FirstMessages): string | undefined;
  change(step: BookingStep): void;
  editDetails(key: keyof DetailsDraft, value: string | boolean): void;
  submitDetails(): void;
  focus(id: string): void;
  confirm(): void;
  askAnother(): void;
  another(forWhom?: "me" | "other"): void;
  /** The later half (it is in whenever these views show). */
  readonly later: BookingLater | undefined;
}

/** The part of a ViewContext these views use. */
interface ViewContext {
  c: LaterFlow;
  locale: string;
  profile: ClinicProfile;
}

/** "Your details". */
export function detailsView({ c, locale }: ViewContext): unknown {
  return detailsStep(c, messagesFor(locale));
}

/** "Check your booking". */
export function reviewView({ c, locale, profile }: ViewContext): unknown {
  const { bookFailure } = c.state;
  const m = messagesFor(locale);
  return reviewStep({
    m,
    rows: reviewRows(c, m, locale, profile),
    pending: c.data.booking.status === TaskStatus.PENDING,
    failure: bookFailure ? bookingProblem(bookFailure, m, c.contact(m)) : undefined,
    onChange: (step) => c.change(step),
    onConfirm: () => c.confirm(),
  });
}

/** The rows of the review's summary list, in the order the visitor answered. */
function reviewRows(c: LaterFlow, m: Messages, locale: string, profile: ClinicProfile): ReviewRow[] {
  const { state: s, data, loc } = c;
  const d = s.details;
  const shown = c.steps();
  const rows: ReviewRow[] = [];
  /** A row whose Change link goes back to `step` (when this visitor saw that step): by default the details. */
  const add = (label: string, value: string, step: BookingStep = "details") =>
    rows.push({ label, value, step: shown.includes(step) ? step : undefined });
  /** A row of a choice, labelled as its step is. */
  const choice = (step: keyof Messages["stepLabel"], value: string) => add(m.stepLabel[step], value, step);
  // The first question when the clinic has disciplines ("What do you need help with?").
  const discipline = profile.disciplines?.find((x) => x.id === s.disciplineId)?.name;
  if (discipline) choice("discipline", discipline);
  choice("location", loc ? `${loc.name}, ${loc.address}` : "");
  // While "Have you seen us before?" is asked (the review needs it answered).
  if (shown.includes("returning")) choice("returning", m.returning[s.returning ? "yes" : "no"]);
  choice("service", data.types.value?.find((t) => t.id === s.typeId)?.name ?? "");
  choice(
    "practitioner",
    data.practitioners.value?.find((p) => p.id === s.chosen?.practitionerId)?.displayName ?? "",
  );
  choice("time", s.chosen && loc ? formatWhen(s.chosen.start, locale, loc.timezone) : "");
  add(m.review.name, `${d.firstName.trim()} ${d.lastName.trim()}`);
  if (d.forWhom === "other")
    add(
      m.review.bookedBy,
      `${d.carerFirstName?.trim()} ${d.carerLastName?.trim()} (${d.relationship?.trim()})`,
    );
  const dob = dobIso(d);
  add(m.field.dob, dob ? formatDate(dob, locale, { dateStyle: "long" }) : "");
  add(m.field.email, d.email.trim());
  add(m.field.mobile, d.mobile.trim());
  // The clinic's questions asked for this booking.
  for (const q of c.later!.questions()) {
    const value = d[`q:${q.id}`]?.trim();
    if (value) add(q.label, q.kind === "yes-no" ? m[value as "yes" | "no"] : value);
  }
  const note = d.note.trim();
  if (note) add(m.review.note, note);
  return rows;
}

/**
 * A failed booking: its retry is the review's own Confirm booking button (one button does the retry),
 * so the notice has none; a refusal replays for the same request (idempotency), so it gives the phone.
 */
function bookingProblem(e: unknown, m: Messages, contact: string | undefined): TemplateResult {
  return problemNotice(
    e instanceof EdgeRequestError && e.code === "ERR_NOT_FOUND"
      ? m.notFound
      : e instanceof EdgeRequestError && !e.retryable
        ? m.bookRefused(contact)
        : m.bookError(contact),
  );
}

/** "You're booked". */
export function doneView({ c, locale, profile }: ViewContext): unknown {
  return doneStep({
    m: messagesFor(locale),
    locale,
    booking: c.state.booked!,
    clinic: profile,
    links: c.later!.links(),
    askAnother: !!c.state.askAnother,
    onAnother: () => c.askAnother(),
    onAnotherFor: (forWhom) => c.another(forWhom),
  });
}

/** The steps these views render. */
export type LaterStep = "details" | "review" | "done";

/** These views by step (one lazy view on the first screen renders them: step-views.ts). */
export const laterViews: Record<LaterStep, (x: ViewContext) => unknown> = {
  details: detailsView,
  review: reviewView,
  done: doneView,
};
