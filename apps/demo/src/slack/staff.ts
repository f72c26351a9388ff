/**
 * The demo's Slack workspace: one member per practitioner (linked to coreplus by their profile email,
 * as the bot's contract says), plus a receptionist who may see everyone's day (SLACK_VIEWERS) and a
 * practice manager (SLACK_ADMINS).
 */

/** The demo's Slack workspace (what the fake Slack answers as its team). */
export const DEMO_TEAM = { id: "T0HARBOUR", name: "Harbourside Health" } as const;

/** What a member may ask the bot for. */
export type StaffRole = "practitioner" | "viewer" | "admin";

/** A member of the demo workspace and their role (users.info answers with id, name, realName, email). */
export interface StaffMember {
  id: string;
  /** Handle, e.g. "amelia.chen". */
  name: string;
  realName: string;
  email: string;
  title?: string;
  role: StaffRole;
  /** The linked practitioner's coreplus id (practitioners only). */
  practitionerId?: string;
}

/** A practitioner as coreplus lists them (only what the workspace needs). */
export interface PractitionerForStaff {
  practitionerId: string;
  firstName: string;
  lastName: string;
  title?: string | undefined;
  email?: string | undefined;
}

/** Builds the workspace; practitioners without an email cannot be linked, so they are left out. */
export function buildStaff(practitioners: readonly PractitionerForStaff[]): StaffMember[] {
  const members: StaffMember[] = [];
  practitioners.forEach((p, i) => {
    if (!p.email) return;
    members.push({
      id: `U0HH${String(i + 1).padStart(4, "0")}`,
      name: handle(p.firstName, p.lastName),
      realName: [p.title, p.firstName, p.lastName].filter(Boolean).join(" "),
      email: p.email,
      title: "Practitioner",
      role: "practitioner",
      practitionerId: p.practitionerId,
    });
  });
  members.push(
    {
      id: "U0HHDESK1",
      name: "jess.walker",
      realName: "Jess Walker",
      email: "reception@harbourside.example",
      title: "Reception",
      role: "viewer",
    },
    {
      id: "U0HHMGR01",
      name: "marcus.bell",
      realName: "Marcus Bell",
      email: "practice.manager@harbourside.example",
      title: "Practice manager",
      role: "admin",
    },
  );
  return members;
}

function handle(first: string, last: string): string {
  return `${first}.${last}`
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z.]/g, "");
}
