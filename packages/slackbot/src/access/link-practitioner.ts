/**
 * Links a Slack user to a coreplus practitioner: SLACK_PRACTITIONER_MAP first, else the Slack
 * profile email (users.info, scope users:read.email) equal to the practitioner's coreplus email.
 * Links are remembered for a while so users.info is not called on every command.
 */
import { sameId } from "../day/build-day.js";
import type { ClinicDirectory, ClinicPractitioner } from "../types.js";

/** Reads a Slack user's profile email (undefined when the profile has none or is unreadable). */
export type LookupEmail = (userId: string) => Promise<string | undefined>;

/** The outcome of linking: the practitioner, or the email that matched nobody (to tell the user). */
export type PractitionerLink =
  | { linked: true; practitioner: ClinicPractitioner; via: "map" | "email" }
  | { linked: false; email?: string };

/** Options of `createPractitionerLinker`. */
export interface PractitionerLinkerOptions {
  practitionerMap: Readonly<Record<string, string>>;
  /** How long a found link is reused, default 10 minutes. */
  ttlMs?: number;
  /** How long "not linked" is reused, default 1 minute, so a fixed email takes effect soon. */
  negativeTtlMs?: number;
  now?: () => number;
}

/** Resolves and caches links. */
export interface PractitionerLinker {
  link(userId: string, directory: ClinicDirectory, lookupEmail: LookupEmail): Promise<PractitionerLink>;
  clear(): void;
}

/** Finds the practitioner whose coreplus email equals `email` (case-insensitive, trimmed). */
export function practitionerByEmail(
  directory: ClinicDirectory,
  email: string,
): ClinicPractitioner | undefined {
  const wanted = email.trim().toLowerCase();
  if (wanted === "") return undefined;
  const matches = directory.practitioners.filter((p) => p.email?.toLowerCase() === wanted);
  // Two practitioner records sharing an email cannot say which one is this person: link neither.
  return matches.length === 1 ? matches[0] : undefined;
}

/** A linker with a small in-memory cache. */
export function createPractitionerLinker(opts: PractitionerLinkerOptions): PractitionerLinker {
  const ttlMs = opts.ttlMs ?? 10 * 60_000;
  const negativeTtlMs = opts.negativeTtlMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { link: PractitionerLink; at: number }>();
  const inFlight = new Map<string, Promise<PractitionerLink>>();

  async function resolve(
    userId: string,
    directory: ClinicDirectory,
    lookupEmail: LookupEmail,
  ): Promise<PractitionerLink> {
    const mapped = opts.practitionerMap[userId];
    if (mapped !== undefined) {
      const practitioner = directory.practitioners.find((p) => sameId(p.id, mapped));
      if (practitioner) return { linked: true, practitioner, via: "map" };
    }
    const email = await lookupEmail(userId);
    if (email === undefined) return { linked: false };
    const practitioner = practitionerByEmail(directory, email);
    return practitioner ? { linked: true, practitioner, via: "email" } : { linked: false, email };
  }

  return {
    link(userId, directory, lookupEmail) {
      const hit = cache.get(userId);
      if (hit && now() - hit.at < (hit.link.linked ? ttlMs : negativeTtlMs)) return Promise.resolve(hit.link);
      const pending = inFlight.get(userId);
      if (pending) return pending;
      const promise = resolve(userId, directory, lookupEmail).then(
        (link) => {
          cache.set(userId, { link, at: now() });
          inFlight.delete(userId);
          return link;
        },
        (error: unknown) => {
          inFlight.delete(userId);
          throw error;
        },
      );
      inFlight.set(userId, promise);
      return promise;
    },
    clear() {
      cache.clear();
    },
  };
}
