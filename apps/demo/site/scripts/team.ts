/**
 * The clinic's own words about its people, as a clinic's website keeps them (coreplus holds the
 * diary, not the marketing copy). Matched by surname; anyone new gets a plain default.
 */
export interface TeamProfile {
  profession: string;
  bio: string;
  interests: string[];
}

const PROFILES: Record<string, TeamProfile> = {
  nguyen: {
    profession: "Clinical Psychologist",
    bio: "Amelia helps adults with anxiety, low mood and burnout, using CBT and acceptance-based therapy. She is known for practical sessions and plain language.",
    interests: ["Anxiety and stress", "Sleep", "Workplace burnout"],
  },
  "o'connor": {
    profession: "Physiotherapist",
    bio: "Liam treats sports and running injuries and loves getting people back to the activities they miss. He played state-league football before turning to physio.",
    interests: ["Running injuries", "Knee and ankle rehab", "Return to sport"],
  },
  sharma: {
    profession: "Physiotherapist",
    bio: "Priya has a special interest in back and neck pain and in rehabilitation after surgery, and runs our warm-water hydrotherapy classes in Williamstown.",
    interests: ["Back and neck pain", "Post-surgical rehab", "Hydrotherapy"],
  },
  wilson: {
    profession: "Dietitian",
    bio: "Charlotte is an Accredited Practising Dietitian who makes eating well realistic for busy families, with a focus on gut health and diabetes.",
    interests: ["Gut health", "Diabetes", "Family nutrition"],
  },
  papadopoulos: {
    profession: "Exercise Physiologist",
    bio: "Nick builds exercise programs for people living with chronic conditions and for those returning to work after injury.",
    interests: ["Chronic conditions", "Strength", "Return to work"],
  },
  thompson: {
    profession: "Exercise Physiologist",
    bio: "Jack works with older adults and people with heart and lung conditions, helping them stay strong, steady and independent.",
    interests: ["Falls prevention", "Cardiac rehab", "Healthy ageing"],
  },
  chen: {
    profession: "Psychologist",
    bio: "Mei supports young adults and parents through stress, life changes and relationships, with a warm and collaborative approach.",
    interests: ["Young adults", "Parenting", "Life transitions"],
  },
  russo: {
    profession: "Podiatrist",
    bio: "Marco treats heel and foot pain, prescribes orthotics and looks after diabetic feet across Port Adelaide and the western suburbs.",
    interests: ["Heel pain", "Orthotics", "Diabetic foot care"],
  },
  mitchell: {
    profession: "Occupational Therapist",
    bio: "Sophie helps people manage everyday tasks after injury or illness, from hand therapy to home and workplace set-up.",
    interests: ["Hand therapy", "Home set-up", "NDIS support"],
  },
};

/** The clinic's profile for a practitioner, by display name ("Dr Amelia Nguyen"). */
export function profileFor(displayName: string, title?: string): TeamProfile {
  const surname = displayName.trim().split(/\s+/).at(-1)?.toLowerCase() ?? "";
  return (
    PROFILES[surname] ?? {
      profession: title ?? "Practitioner",
      bio: `${displayName} is part of the Harbourside Health team.`,
      interests: [],
    }
  );
}
