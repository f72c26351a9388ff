/**
 * The clinic's own questions ("Do you have a GP referral?") and its privacy link, as written in the
 * configuration file. Answers go into the appointment's notes, so a configuration whose questions
 * could not all fit in coreplus's 300 characters is refused at start ({@link questionIssues}).
 */
import { z } from "zod";
import { notesWorstCase } from "../bookings/notes.js";
import { ANSWER_MAX, type PublicQuestion, QUESTION_KINDS } from "../schemas/booking-extras.js";

/** One question as configured. */
export const QuestionConfig = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, {
    error: "must be lower-case letters, digits and dashes (at most 40)",
  }),
  label: z.string().trim().min(1).max(120),
  kind: z.enum(QUESTION_KINDS),
  options: z.array(z.string().trim().min(1).max(60)).min(2).max(12).optional(),
  required: z.boolean().default(false),
  maxLength: z.number().int().min(1).max(ANSWER_MAX).optional(),
  appointmentTypeIds: z.array(z.string().min(1)).min(1).optional(),
  disciplineIds: z.array(z.string().min(1)).min(1).optional(),
});

/** A configured question, defaults applied. */
export type ClinicQuestion = z.output<typeof QuestionConfig>;

/** The fields this file adds to a clinic entry. */
export const clinicQuestionFields = {
  questions: z.array(QuestionConfig).max(20).default([]),
  privacyUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .nullable()
    .default(null),
};

/** Text questions without a maxLength take this many characters. */
export const DEFAULT_TEXT_MAX = 60;

/** The longest answer a question accepts. */
export function answerMax(q: ClinicQuestion): number {
  if (q.kind === "yes-no") return 3;
  if (q.kind === "choice") return Math.max(...(q.options ?? [""]).map((o) => o.length));
  return q.maxLength ?? DEFAULT_TEXT_MAX;
}

/** Problems with a clinic's questions, each with the path under `at` (e.g. `clinics[0].questions[1]`). */
export function questionIssues(questions: readonly ClinicQuestion[], at: string) {
  const issues: { path: string; message: string }[] = [];
  const ids = new Set<string>();
  questions.forEach((q, i) => {
    const here = `${at}.questions[${i}]`;
    if (ids.has(q.id)) issues.push({ path: `${here}.id`, message: `duplicate question id "${q.id}"` });
    ids.add(q.id);
    if (q.kind === "choice" && !q.options)
      issues.push({ path: `${here}.options`, message: "a choice question needs at least two options" });
    if (q.kind !== "choice" && q.options)
      issues.push({ path: `${here}.options`, message: `only a choice question has options` });
    if (q.kind !== "text" && q.maxLength !== undefined)
      issues.push({ path: `${here}.maxLength`, message: "only a text question has a maxLength" });
  });
  const worst = notesWorstCase(questions.map((q) => ({ label: q.label, answerMax: answerMax(q) })));
  if (worst.length > worst.max)
    issues.push({
      path: `${at}.questions`,
      message:
        `the longest answers need ${worst.length} characters of the appointment's notes, which hold ${worst.max}` +
        " (with the carer's line and the returning answer): shorten labels, options or maxLength, or ask fewer questions",
    });
  return issues;
}

/** The questions as the profile shows them (`maxLength` filled in for text questions). */
export function publicQuestions(questions: readonly ClinicQuestion[]): PublicQuestion[] {
  return questions.map((q) => {
    const out: PublicQuestion = { id: q.id, label: q.label, kind: q.kind, required: q.required };
    if (q.options) out.options = [...q.options];
    if (q.kind === "text") out.maxLength = answerMax(q);
    if (q.appointmentTypeIds) out.appointmentTypeIds = [...q.appointmentTypeIds];
    if (q.disciplineIds) out.disciplineIds = [...q.disciplineIds];
    return out;
  });
}
