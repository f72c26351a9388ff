/**
 * "What do you need help with?": the clinic's disciplines, first, when it has any (ux.md, "The right
 * kind of help first"). Services, practitioners and "first available" then follow from the choice.
 */
import { choiceList } from "../steps/shared.js";
import type { ViewContext } from "./types.js";

/** The discipline step's body. */
export function disciplineView({ c, profile }: ViewContext): unknown {
  return choiceList(
    (profile.disciplines ?? []).map((d) => ({ id: d.id, label: d.name, hint: d.description })),
    c.state.disciplineId,
    (id) => c.pickDiscipline(id),
  );
}
