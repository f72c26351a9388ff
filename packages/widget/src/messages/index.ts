/**
 * The message tables and the table for a BCP 47 tag: exact match, then same language, then en-AU.
 * Loaded with the later views (the first screen reads first-screen.ts only).
 */
import { enAU, type Messages } from "./en-au.js";
import { enUS } from "./en-us.js";
import { defaultLocale, resolveLocale } from "./first-screen.js";

export type { DobPart, Messages } from "./en-au.js";
export type { FirstMessages } from "./first-screen.js";
export { defaultLocale };

/** The languages with a message table. */
export const messageTables: Readonly<Record<string, Messages>> = { "en-AU": enAU, "en-US": enUS };

/** The messages of a locale {@link resolveLocale} chose (en-AU's for any without a table). */
export function messagesFor(locale: string): Messages {
  return messageTables[locale] ?? enAU;
}

/** The locale actually used and its messages; unknown tags fall back to en-AU. */
export function resolveMessages(tag: string | undefined | null): { locale: string; messages: Messages } {
  const locale = resolveLocale(tag);
  return { locale, messages: messagesFor(locale) };
}
