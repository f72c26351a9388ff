/** Which of the clinic's questions are asked for a service (the edge API's rule, for the form). */
import type { ClinicProfile, PublicQuestion } from "../api/types.js";

/** The questions asked for `type`: unscoped ones, and those naming the type or one of its disciplines. */
export function askedQuestions(
  profile: ClinicProfile | undefined,
  type: { id: string; disciplineIds?: readonly string[] } | undefined,
): PublicQuestion[] {
  if (!type) return [];
  return (profile?.questions ?? []).filter(
    (q) =>
      (!q.appointmentTypeIds && !q.disciplineIds) ||
      q.appointmentTypeIds?.includes(type.id) ||
      q.disciplineIds?.some((d) => type.disciplineIds?.includes(d)),
  );
}
