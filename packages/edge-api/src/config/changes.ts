/**
 * The clinic's policy for changes patients make online (managing a booking): whether they may cancel
 * or reschedule, until how many hours before the start, and the policy text they are shown.
 */
import { z } from "zod";

/** `changes` as written in the configuration file. */
export const ChangesPolicyEntry = z.strictObject({
  cancel: z.boolean().default(true),
  reschedule: z.boolean().default(true),
  noticeHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30)
    .default(24),
  policy: z.string().trim().min(1).max(500).optional(),
});

/** A clinic's policy for changes made online, resolved; `policy` is the text patients see. */
export interface ChangesPolicy {
  cancel: boolean;
  reschedule: boolean;
  noticeHours: number;
  policy: string;
}

/** The policy text when the configuration gives none. */
export function defaultPolicyText(noticeHours: number): string {
  if (noticeHours === 0) return "You can change or cancel your appointment online until it starts.";
  const days = noticeHours / 24;
  const notice = Number.isInteger(days)
    ? `${days} day${days === 1 ? "" : "s"}`
    : `${noticeHours} hour${noticeHours === 1 ? "" : "s"}`;
  return `You can change or cancel your appointment online up to ${notice} before it starts. After that, please call us.`;
}
