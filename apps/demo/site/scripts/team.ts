/**
 * A practitioner as the clinic's website shows them: the profession and bio the clinic configured in
 * the edge API (read from it, never hard-coded here), and the site's own list of interests, which is
 * marketing copy the booking system does not hold. Interests are matched by surname.
 */
import type { PublicPractitioner } from "@coreplus-kit/edge-api";

/** What the team card and the practitioner page show. */
export interface TeamProfile {
  profession: string;
  bio: string;
  interests: string[];
}

const INTERESTS: Record<string, string[]> = {
  nguyen: ["Anxiety and stress", "Sleep", "Workplace burnout"],
  "o'connor": ["Running injuries", "Knee and ankle rehab", "Return to sport"],
  sharma: ["Back and neck pain", "Post-surgical rehab", "Hydrotherapy"],
  wilson: ["Gut health", "Diabetes", "Family nutrition"],
  papadopoulos: ["Chronic conditions", "Strength", "Return to work"],
  thompson: ["Falls prevention", "Cardiac rehab", "Healthy ageing"],
  chen: ["Young adults", "Parenting", "Life transitions"],
  russo: ["Heel pain", "Orthotics", "Diabetic foot care"],
  mitchell: ["Hand therapy", "Home set-up", "NDIS support"],
};

/** The page's profile of a practitioner from the edge API's answer. */
export function profileFor(
  p: Pick<PublicPractitioner, "displayName" | "title" | "profession" | "bio">,
): TeamProfile {
  const surname = p.displayName.trim().split(/\s+/).at(-1)?.toLowerCase() ?? "";
  return {
    profession: p.profession ?? p.title ?? "Practitioner",
    bio: p.bio ?? `${p.displayName} is part of the Harbourside Health team.`,
    interests: INTERESTS[surname] ?? [],
  };
}
