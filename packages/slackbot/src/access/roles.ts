/**
 * Who may see what. A linked practitioner sees their own day; SLACK_VIEWERS (reception, managers)
 * and SLACK_ADMINS may see any practitioner's day and everyone's.
 */

/** The access configuration: Slack user ids, and the explicit Slack-user → practitioner links. */
export interface AccessPolicy {
  viewers: ReadonlySet<string>;
  admins: ReadonlySet<string>;
  /** Slack user id → coreplus practitioner id (SLACK_PRACTITIONER_MAP); wins over the email link. */
  practitionerMap: Readonly<Record<string, string>>;
}

/** A user's role: `staff` is everyone not listed as a viewer or admin. */
export type StaffRole = "admin" | "viewer" | "staff";

/** Builds a policy from plain lists (ids are trimmed; empty ones dropped). */
export function accessPolicy(init: {
  viewers?: readonly string[];
  admins?: readonly string[];
  practitionerMap?: Readonly<Record<string, string>>;
}): AccessPolicy {
  const ids = (list: readonly string[] | undefined): Set<string> =>
    new Set((list ?? []).map((s) => s.trim()).filter(Boolean));
  return {
    viewers: ids(init.viewers),
    admins: ids(init.admins),
    practitionerMap: { ...(init.practitionerMap ?? {}) },
  };
}

/** The role of a Slack user under the policy. */
export function roleOf(userId: string, policy: AccessPolicy): StaffRole {
  if (policy.admins.has(userId)) return "admin";
  if (policy.viewers.has(userId)) return "viewer";
  return "staff";
}

/** True when the role may see other practitioners' days and `all`. */
export function canSeeOthers(role: StaffRole): boolean {
  return role === "admin" || role === "viewer";
}

/** Whose day a request targets, once names are resolved. */
export type DayTarget = { kind: "all" } | { kind: "practitioner"; practitionerId: string };

/**
 * Whether a user with `role`, linked to `linkedPractitionerId` (if any), may see `target`.
 * @example mayView("staff", "p1", { kind: "practitioner", practitionerId: "P1" }) // true: ids compare case-insensitively
 */
export function mayView(
  role: StaffRole,
  linkedPractitionerId: string | undefined,
  target: DayTarget,
): boolean {
  if (canSeeOthers(role)) return true;
  return (
    target.kind === "practitioner" &&
    linkedPractitionerId !== undefined &&
    linkedPractitionerId.toLowerCase() === target.practitionerId.toLowerCase()
  );
}
