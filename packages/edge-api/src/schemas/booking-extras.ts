/**
 * The booking body's additions for "booking for someone else" and the clinic's questions
 * (architecture.md, "Additions since the first release"): `bookedBy`, `returning`, `answers`,
 * `attribution`, and the public shape of a question in the clinic profile.
 */
import { z } from "@hono/zod-openapi";

/** Longest relationship accepted ("Mother", "Guardian", "Foster Mother"…). */
export const RELATIONSHIP_MAX = 30;
/** Longest attribution value (utm_source, utm_medium, utm_campaign). */
export const ATTRIBUTION_MAX = 40;
/** Longest answer a text question may allow. */
export const ANSWER_MAX = 200;

/** An email address as the public form takes it. */
export const ContactEmail = z.email({ error: "must be an email address" }).max(50);

/** A mobile number as the public form takes it (8 to 15 digits, spaces and brackets allowed). */
export const ContactMobile = z
  .string()
  .max(50)
  .regex(/^\+?[\d\s().-]+$/, { error: "must be a phone number" })
  .refine((s) => digitCount(s) >= 8 && digitCount(s) <= 15, {
    error: "must have 8 to 15 digits",
    params: { code: "invalid_phone" },
  })
  .openapi({ example: "0400 000 000" });

/** The carer booking for the patient (never logged, never stored by the edge API). */
export const BookedBy = z
  .object({
    firstName: z.string().trim().min(1, { error: "is required" }).max(50),
    lastName: z.string().trim().min(1, { error: "is required" }).max(50),
    relationship: z
      .string()
      .trim()
      .min(1, { error: "is required" })
      .max(RELATIONSHIP_MAX)
      .openapi({ example: "Mother" }),
    email: ContactEmail,
    mobile: ContactMobile,
  })
  .openapi("BookedBy", { description: "The person booking for the patient; their contact is used." });
export type BookedBy = z.infer<typeof BookedBy>;

/** One answer to a clinic question: "yes"/"no", one of the options, or short text. */
export const BookingAnswer = z
  .object({
    questionId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: "must be a question id" }),
    value: z.string().max(ANSWER_MAX),
  })
  .openapi("BookingAnswer");
export type BookingAnswer = z.infer<typeof BookingAnswer>;

const attributionValue = z
  .string()
  .trim()
  .max(ATTRIBUTION_MAX)
  .regex(/^[\w .:+/-]*$/, { error: "may use letters, digits, spaces and . _ - + : /" })
  .optional();

/** Where the visitor came from (the page's utm_source, utm_medium, utm_campaign). */
export const Attribution = z
  .object({ source: attributionValue, medium: attributionValue, campaign: attributionValue })
  .openapi("Attribution");
export type Attribution = z.infer<typeof Attribution>;

/** The kinds of question a clinic may ask. */
export const QUESTION_KINDS = ["yes-no", "choice", "text"] as const;

/** A clinic question as the profile shows it. */
export const PublicQuestion = z
  .object({
    id: z.string().openapi({ example: "referral" }),
    label: z.string().openapi({ example: "Do you have a GP referral?" }),
    kind: z.enum(QUESTION_KINDS),
    options: z.array(z.string()).optional(),
    required: z.boolean(),
    maxLength: z.number().int().positive().optional(),
    appointmentTypeIds: z.array(z.string()).optional(),
    disciplineIds: z.array(z.string()).optional(),
  })
  .openapi("PublicQuestion");
export type PublicQuestion = z.infer<typeof PublicQuestion>;

function digitCount(s: string): number {
  return s.replace(/\D/g, "").length;
}
