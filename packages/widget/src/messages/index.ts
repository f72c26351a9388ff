/** Picks a message table for a BCP 47 tag: exact match, then same language, then en-AU. */
import { enAU, type Messages } from "./en-au.js";
import { enUS } from "./en-us.js";

export type { DobPart, Messages } from "./en-au.js";

/** The languages with a message table. */
export const messageTables: Readonly<Record<string, Messages>> = { "en-AU": enAU, "en-US": enUS };

/** The default locale when neither the element nor the page names one. */
export const defaultLocale = "en-AU";

/** The locale actually used and its messages; unknown tags fall back to en-AU. */
export function resolveMessages(tag: string | undefined | null): { locale: string; messages: Messages } {
  const wanted = (tag ?? "").trim().replace(/_/g, "-");
  const lower = wanted.toLowerCase();
  const exact = Object.keys(messageTables).find((k) => k.toLowerCase() === lower);
  if (exact) return { locale: exact, messages: messageTables[exact]! };
  const language = lower.split("-")[0];
  if (language === "en") {
    // en-GB, en-NZ and plain "en" read Australian English; the US spelling is only for en-US.
    return { locale: (wanted.includes("-") && safeLocale(wanted)) || defaultLocale, messages: enAU };
  }
  return { locale: defaultLocale, messages: enAU };
}

/** The tag when Intl accepts it, so dates follow en-NZ or en-GB conventions where asked. */
function safeLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
