/**
 * The Workflow Builder step "Get appointments": a practitioner's name and a date in, the day as text
 * and a count out. A workflow's outputs are usually posted into a channel, so the text carries times,
 * types (per SLACK_SHOW_TYPES) and locations only: never a patient.
 */
import { dateInZone } from "@coreplus-kit/core";
import { escapeMrkdwn as esc, longDate, plural } from "../blocks/format.js";
import { matchName } from "../command/match-names.js";
import { parseCommand } from "../command/parse-command.js";
import { resolveDate } from "../command/resolve-date.js";
import { buildPractitionerDay, isCancelled, toDayAppointment } from "../day/build-day.js";
import { fetchAppointments } from "../day/load-day.js";
import type { AnswerServices } from "./services.js";
import { withDeadline } from "./services.js";

/** What the step outputs. */
export type WorkflowOutcome = { ok: true; text: string; count: number } | { ok: false; error: string };

/**
 * Answers the step. `date` is anything `/appointments` reads as a date ("tomorrow", "next monday",
 * "3/12", "2026-12-03"; empty: today).
 */
export async function answerWorkflow(
  s: AnswerServices,
  inputs: { practitioner: string; date: string },
): Promise<WorkflowOutcome> {
  const parsed = parseCommand(inputs.date);
  if (parsed.kind !== "query" || parsed.who.kind !== "default" || parsed.location !== undefined)
    return {
      ok: false,
      error: `"${inputs.date.slice(0, 40)}" is not a date I can read (try tomorrow, next monday or 3/12).`,
    };
  return withDeadline(
    (async (): Promise<WorkflowOutcome> => {
      const directory = await s.directory.get();
      const match = matchName(inputs.practitioner, directory.practitioners);
      if (match.kind !== "one") {
        const hint =
          match.kind === "many" ? `, which matches ${match.items.map((p) => p.name).join(", ")}` : "";
        return {
          ok: false,
          error: `No single practitioner is called "${inputs.practitioner.slice(0, 60)}"${hint}.`,
        };
      }
      const practitioner = match.item;
      const zone = s.timezone ?? directory.locations[0]?.zone ?? "Australia/Melbourne";
      const date = resolveDate(parsed.date, dateInZone(s.now(), zone));
      const records = await fetchAppointments(
        s.client,
        directory,
        {
          date,
          practitioner: {
            id: practitioner.id,
            name: practitioner.name,
            ...(practitioner.locationIds ? { locationIds: practitioner.locationIds } : {}),
          },
        },
        s.signal,
      );
      // No patient label at all: the patient callback is never shown.
      const appointments = records
        .map((r) => toDayAppointment(r, directory, () => "", zone, s.showTypes))
        .filter((a) => !isCancelled(a.status));
      const day = buildPractitionerDay({ id: practitioner.id, name: practitioner.name }, appointments);
      const lines = day.items.flatMap((i) =>
        i.kind === "appointment"
          ? [
              `${i.appointment.startTime}–${i.appointment.endTime} ${esc(i.appointment.typeName)} · ${esc(i.appointment.locationName)}`,
            ]
          : [],
      );
      const heading = `${longDate(date)} · ${esc(practitioner.name)}: ${plural(day.activeCount, "appointment")}`;
      return { ok: true, text: [heading, ...lines].join("\n"), count: day.activeCount };
    })(),
    s.timeoutMs,
  ).catch((error: unknown) => ({
    ok: false as const,
    error: `coreplus could not be read (${(error as { code?: string }).code ?? "error"}); try again in a few minutes.`,
  }));
}
