/**
 * Checks a booking's answers against the clinic's questions for the booked service: every answer
 * names a question asked for it, once, with a value of the question's kind; every required question
 * is answered. Failures are field errors (`/answers/1/value`), and never repeat the value.
 */
import { answerMax, type ClinicQuestion } from "../config/index.js";
import type { BookingAnswer } from "../schemas/booking-extras.js";
import type { ProblemFieldError } from "../schemas/public.js";
import type { NotedAnswer } from "./notes.js";

/** What decides which questions are asked. */
export interface AnswerScope {
  appointmentTypeId: string;
  disciplineId?: string | undefined;
}

/** Whether `q` is asked for a booking of `scope` (no scope: every booking). */
export function isAsked(q: ClinicQuestion, scope: AnswerScope): boolean {
  if (!q.appointmentTypeIds && !q.disciplineIds) return true;
  if (q.appointmentTypeIds?.includes(scope.appointmentTypeId)) return true;
  return scope.disciplineId !== undefined && (q.disciplineIds?.includes(scope.disciplineId) ?? false);
}

/** The answers ready for the notes, or the field errors that refuse them. */
export function checkAnswers(
  questions: readonly ClinicQuestion[],
  answers: readonly BookingAnswer[],
  scope: AnswerScope,
): { errors: ProblemFieldError[]; noted: NotedAnswer[] } {
  const errors: ProblemFieldError[] = [];
  const noted: NotedAnswer[] = [];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const at = `/answers/${i}`;
    const q = questions.find((x) => x.id === a.questionId);
    if (!q) {
      errors.push({
        pointer: `${at}/questionId`,
        code: "unknown_question",
        detail: "is not one of the clinic's questions",
      });
      return;
    }
    if (!isAsked(q, scope)) {
      errors.push({
        pointer: `${at}/questionId`,
        code: "not_asked",
        detail: "is not asked for this service",
      });
      return;
    }
    if (seen.has(q.id)) {
      errors.push({ pointer: `${at}/questionId`, code: "duplicate", detail: "is answered more than once" });
      return;
    }
    seen.add(q.id);
    const value = a.value.replace(/\s+/g, " ").trim();
    const problem = valueProblem(q, value);
    if (problem) errors.push({ pointer: `${at}/value`, ...problem });
    else if (value !== "")
      noted.push({ label: q.label, value: q.kind === "yes-no" ? value.toLowerCase() : value });
  });
  for (const q of questions) {
    if (!q.required || !isAsked(q, scope)) continue;
    if (!seen.has(q.id))
      errors.push({
        pointer: "/answers",
        code: "answer_required",
        detail: `question "${q.id}" must be answered`,
      });
  }
  return { errors, noted };
}

function valueProblem(q: ClinicQuestion, value: string): { code: string; detail: string } | undefined {
  if (value === "") return q.required ? { code: "required", detail: "is required" } : undefined;
  if (q.kind === "yes-no" && !/^(yes|no)$/i.test(value))
    return { code: "invalid_value", detail: 'must be "yes" or "no"' };
  if (q.kind === "choice" && !q.options?.includes(value))
    return { code: "invalid_value", detail: "must be one of the question's options" };
  if (q.kind === "text" && value.length > answerMax(q))
    return { code: "too_long", detail: `must be at most ${answerMax(q)} characters` };
  return undefined;
}
