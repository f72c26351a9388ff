/**
 * From a parsed command to whose day at which location, with the permission check: names matched
 * against the clinic's directory, the user's link and role applied.
 */
import type { PractitionerLink } from "../access/link-practitioner.js";
import type { StaffRole } from "../access/roles.js";
import { canSeeOthers, mayView } from "../access/roles.js";
import type { BotProblem } from "../blocks/messages.js";
import { matchName, nearKeyword } from "../command/match-names.js";
import type { ParsedCommand } from "../command/parse-command.js";
import { KEYWORDS } from "../command/parse-command.js";
import type { ClinicDirectory, ClinicLocation, ClinicPractitioner } from "../types.js";

/** Whose day, resolved. */
export type ResolvedTarget = { kind: "all" } | { kind: "practitioner"; practitioner: ClinicPractitioner };

/** A resolved request, or the problem to answer with. */
export type Resolution =
  | { ok: true; target: ResolvedTarget; location?: ClinicLocation }
  | { ok: false; problem: BotProblem };

/** What resolution needs to know about the asking user. */
export interface Asker {
  userId: string;
  role: StaffRole;
  /** Links a Slack user (the asker, or one they mentioned) to a practitioner. */
  link: (userId: string) => Promise<PractitionerLink>;
}

type Query = Extract<ParsedCommand, { kind: "query" }>;

function resolveLocation(text: string, directory: ClinicDirectory): ClinicLocation | BotProblem {
  const names = directory.locations.map((l) => l.name);
  const match = matchName(text, directory.locations);
  if (match.kind === "one") return match.item;
  if (match.kind === "many")
    return { kind: "ambiguous-location", text, matches: match.items.map((l) => l.name) };
  return {
    kind: "unknown-location",
    text,
    suggestions: match.suggestions.map((l) => l.name),
    locations: names,
  };
}

function isProblem(value: object): value is BotProblem {
  return "kind" in value && typeof (value as { kind: unknown }).kind === "string";
}

/**
 * Resolves whose day the query asks for and checks the asker may see it.
 * Defaults: no name means the asker's own day; an unlinked viewer or admin (reception) gets everyone's.
 */
export async function resolveRequest(
  query: Query,
  directory: ClinicDirectory,
  asker: Asker,
): Promise<Resolution> {
  let location: ClinicLocation | undefined;
  if (query.location !== undefined) {
    const resolved = resolveLocation(query.location, directory);
    if (isProblem(resolved)) return { ok: false, problem: resolved };
    location = resolved;
  }
  const done = (target: ResolvedTarget): Resolution =>
    location ? { ok: true, target, location } : { ok: true, target };

  const who = query.who;
  if (who.kind === "all") {
    return canSeeOthers(asker.role)
      ? done({ kind: "all" })
      : { ok: false, problem: { kind: "forbidden", userId: asker.userId } };
  }

  if (who.kind === "default" || who.kind === "me") {
    const link = await asker.link(asker.userId);
    if (link.linked) return done({ kind: "practitioner", practitioner: link.practitioner });
    if (who.kind === "default" && canSeeOthers(asker.role)) return done({ kind: "all" });
    const problem: BotProblem = { kind: "unlinked", userId: asker.userId };
    if (link.email !== undefined) problem.email = link.email;
    return { ok: false, problem };
  }

  let practitioner: ClinicPractitioner;
  if (who.kind === "practitioner-id") {
    const found = directory.practitioners.find((p) => p.id.toLowerCase() === who.id.toLowerCase());
    if (!found)
      return {
        ok: false,
        problem: { kind: "unknown-practitioner", text: "that practitioner", suggestions: [] },
      };
    practitioner = found;
  } else if (who.kind === "slack-user") {
    const link = await asker.link(who.userId);
    if (!link.linked) return { ok: false, problem: { kind: "mention-unlinked", userId: who.userId } };
    practitioner = link.practitioner;
  } else {
    const match = matchName(who.text, directory.practitioners);
    if (match.kind === "many") {
      return {
        ok: false,
        problem: { kind: "ambiguous-practitioner", text: who.text, matches: match.items.map((p) => p.name) },
      };
    }
    if (match.kind === "none") {
      if (match.suggestions.length > 0) {
        return {
          ok: false,
          problem: {
            kind: "unknown-practitioner",
            text: who.text,
            suggestions: match.suggestions.map((p) => p.name),
          },
        };
      }
      // Not a name at all: maybe a mistyped keyword ("tomorow", "monady").
      const keywords = who.text
        .split(/\s+/)
        .map((w) => nearKeyword(w, KEYWORDS))
        .filter((k): k is string => k !== undefined);
      return {
        ok: false,
        problem: { kind: "not-understood", text: who.text, suggestions: [...new Set(keywords)] },
      };
    }
    practitioner = match.item;
  }

  const target: ResolvedTarget = { kind: "practitioner", practitioner };
  if (!canSeeOthers(asker.role)) {
    const own = await asker.link(asker.userId);
    const ownId = own.linked ? own.practitioner.id : undefined;
    if (!mayView(asker.role, ownId, { kind: "practitioner", practitionerId: practitioner.id })) {
      return { ok: false, problem: { kind: "forbidden", userId: asker.userId } };
    }
  }
  return done(target);
}
