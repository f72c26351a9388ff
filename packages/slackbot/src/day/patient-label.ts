/** How a patient appears in Slack: initials by default, the name only when the clinic opts in. */

/** `initials` (default) or `full` (SLACK_SHOW_CLIENT_NAMES=full). */
export type ClientNameMode = "initials" | "full";

/** The parts of a coreplus client record the label is made from; nothing else is read. */
export interface ClientNameParts {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  preferredName?: string | null | undefined;
}

function firstLetter(word: string): string {
  // Array.from splits by code point, so an accented or non-Latin initial stays whole.
  const letter = Array.from(word.trim()).find((ch) => /\p{L}|\p{N}/u.test(ch));
  return letter === undefined ? "" : letter.toLocaleUpperCase("en-AU");
}

/**
 * "S.C." for Sarah Chen. Only the first and last names count: middle names would make initials closer
 * to identifying someone, and a hyphenated surname gives one initial.
 * @example initials({ firstName: "sarah", lastName: "van der Berg" }) // "S.V."
 */
export function initials(client: ClientNameParts): string {
  const parts = [client.firstName ?? "", client.lastName ?? ""].map(firstLetter).filter(Boolean);
  return parts.length === 0 ? "?" : parts.map((p) => `${p}.`).join("");
}

/** "Sarah Chen" (the preferred name, when set, stands in for the first name). */
export function fullName(client: ClientNameParts): string {
  const first = (client.preferredName ?? "").trim() || (client.firstName ?? "").trim();
  const name = [first, (client.lastName ?? "").trim()].filter(Boolean).join(" ");
  return name === "" ? "?" : name;
}

/** The label for a client record in the given mode. */
export function patientLabel(client: ClientNameParts, mode: ClientNameMode): string {
  return mode === "full" ? fullName(client) : initials(client);
}
