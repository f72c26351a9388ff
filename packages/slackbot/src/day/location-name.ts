/** Location names as staff say them. */
import type { ClinicDirectory } from "../types.js";

/**
 * A location's name without the words every location shares ("Harbourside Health Docklands" →
 * "Docklands"), as staff say it; the full name when that would leave nothing.
 */
export function shortLocationName(name: string, directory: ClinicDirectory): string {
  const names = directory.locations.map((l) => l.name.split(/\s+/));
  if (names.length < 2) return name;
  const words = name.split(/\s+/);
  let shared = 0;
  while (shared < words.length - 1 && names.every((n) => n[shared] === words[shared])) shared += 1;
  return words.slice(shared).join(" ");
}
