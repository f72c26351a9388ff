/**
 * The seeded patients: 120 adults spread over the four locations' neighbourhoods, plus children
 * linked to a parent (same surname, address and mobile). Dates of birth are fixed (not relative to
 * today), so the same seed always gives the same people.
 */
import type { Rng } from "../internal/rng.js";
import type { SandboxStore } from "../store.js";
import type { AddressRecord, ClientGender, ClientRecord } from "../types.js";
import type { LocationKey } from "./clinic.js";
import {
  CULTURES,
  FEMALE_NAMES,
  MALE_NAMES,
  NEUTRAL_NAMES,
  PREFERRED,
  STREETS,
  SUBURBS,
  SURNAMES,
} from "./people.js";

const ADULTS = 120;
const FAMILIES = 12;
/** Ages are counted from this year so dates of birth never move with the clock. */
const REFERENCE_YEAR = 2025;
const DAY = 86_400_000;

const HOME_WEIGHTS: readonly [LocationKey, number][] = [
  ["docklands", 0.34],
  ["williamstown", 0.24],
  ["hamilton", 0.21],
  ["portAdelaide", 0.21],
];

const AREA_CODE: Readonly<Record<string, string>> = { VIC: "03", QLD: "07", SA: "08" };

/** Seeded clients; `store` must already hold the locations, practitioners and rosters. */
export function generateClients(
  rng: Rng,
  store: SandboxStore,
  locationIds: Map<LocationKey, string>,
  now: number,
): ClientRecord[] {
  const usedNames = new Set<string>();
  const usedMobiles = new Set<string>();
  const usedEmails = new Set<string>();
  const clients: ClientRecord[] = [];

  const mobile = (): string => {
    for (;;) {
      // 0491 57x xxx: the block Australia's regulator sets aside for fictional mobile numbers.
      const n = `0491 57${rng.int(0, 9)} ${String(rng.int(0, 999)).padStart(3, "0")}`;
      if (!usedMobiles.has(n)) {
        usedMobiles.add(n);
        return n;
      }
    }
  };
  const email = (first: string, last: string): string => {
    const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
    const domain = rng.pick(["example.com", "example.net", "example.org", "example.com.au"]);
    for (let n = 0; ; n++) {
      const candidate = `${local}${n === 0 ? "" : n}@${domain}`;
      if (!usedEmails.has(candidate)) {
        usedEmails.add(candidate);
        return candidate;
      }
    }
  };
  const practitionersAt = (key: LocationKey): string[] => {
    const id = locationIds.get(key);
    return [...store.practitioners.values()]
      .filter((p) => id && p.locationIds.includes(id))
      .map((p) => p.practitionerId);
  };

  for (let i = 0; i < ADULTS; i++) {
    const home = pickHome(rng);
    const genderRoll = rng.next();
    const gender: ClientGender = genderRoll < 0.49 ? "Female" : genderRoll < 0.98 ? "Male" : "Other";
    let firstName = "";
    let lastName = "";
    do {
      firstName = rng.pick(
        gender === "Female" ? FEMALE_NAMES : gender === "Male" ? MALE_NAMES : NEUTRAL_NAMES,
      );
      lastName = rng.pick(SURNAMES);
    } while (usedNames.has(`${firstName} ${lastName}`));
    usedNames.add(`${firstName} ${lastName}`);
    const age = rng.int(18, 89);
    const hasMobile = age < 80 || rng.chance(0.6);
    const address = randomAddress(rng, home);
    const client = baseClient(rng, {
      firstName,
      lastName,
      gender,
      dateOfBirth: birthDate(rng, age),
      title: adultTitle(rng, gender, age),
      phoneNumberMobile: hasMobile ? mobile() : "",
      phoneNumberHome: !hasMobile || rng.chance(0.15) ? landline(rng, address.state) : "",
      email: rng.chance(0.9) ? email(firstName, lastName) : "",
      address,
      practitionerId: rng.pick(practitionersAt(home)),
      modifiedAt: now - rng.int(1, 700) * DAY,
    });
    if (age >= 65 && rng.chance(0.12)) client.dvaCardNumber = `V${rng.int(100000, 999999)}`;
    if (i % 41 === 40) client.status = "Closed";
    clients.push(client);
  }

  const parents = clients.filter((c) => c.status === "Current" && c.phoneNumberMobile !== "");
  for (let f = 0; f < FAMILIES; f++) {
    const parent = parents[(f * 7 + 3) % parents.length] as ClientRecord;
    const gender: ClientGender = rng.chance(0.5) ? "Female" : "Male";
    let firstName = "";
    do {
      firstName = rng.pick(gender === "Female" ? FEMALE_NAMES : MALE_NAMES);
    } while (usedNames.has(`${firstName} ${parent.lastName}`));
    usedNames.add(`${firstName} ${parent.lastName}`);
    const age = rng.int(4, 15);
    const child = baseClient(rng, {
      firstName,
      lastName: parent.lastName,
      gender,
      dateOfBirth: birthDate(rng, age),
      title: gender === "Female" ? "Miss" : "Master",
      phoneNumberMobile: parent.phoneNumberMobile,
      phoneNumberHome: parent.phoneNumberHome,
      email: "",
      address: { ...parent.addressResidential },
      practitionerId: parent.practitionerId,
      modifiedAt: parent.modifiedAt,
    });
    child.relatedClients.push(parent.clientId);
    parent.relatedClients.push(child.clientId);
    clients.push(child);
  }
  return clients;
}

function baseClient(
  rng: Rng,
  c: {
    firstName: string;
    lastName: string;
    gender: ClientGender;
    dateOfBirth: string;
    title: string;
    phoneNumberMobile: string;
    phoneNumberHome: string;
    email: string;
    address: AddressRecord;
    practitionerId: string | null;
    modifiedAt: number;
  },
): ClientRecord {
  const hasMedicare = rng.chance(0.75);
  return {
    clientId: rng.uuid(),
    title: c.title,
    firstName: c.firstName,
    middleName: rng.chance(0.35) ? rng.pick(c.gender === "Female" ? FEMALE_NAMES : MALE_NAMES) : "",
    lastName: c.lastName,
    preferredName: rng.chance(0.6) ? (PREFERRED[c.firstName] ?? "") : "",
    gender: c.gender,
    dateOfBirth: c.dateOfBirth,
    practitionerId: c.practitionerId,
    culture: rng.pick(CULTURES),
    pronouns: c.gender === "Female" ? "she" : c.gender === "Male" ? "he" : "they",
    relatedClients: [],
    phoneNumberMobile: c.phoneNumberMobile,
    phoneNumberHome: c.phoneNumberHome,
    phoneNumberWork: "",
    email: c.email,
    addressResidential: c.address,
    addressPostal: { ...c.address },
    postalSameAsResidential: true,
    externalId: "",
    status: "Current",
    medicareCardNumber: hasMedicare ? String(rng.int(2, 6)) + String(rng.int(100000000, 999999999)) : "",
    medicareCardIRN: hasMedicare ? String(rng.int(1, 5)) : "",
    medicareCardExpireDate: hasMedicare ? `${rng.int(2026, 2030)}-${pad(rng.int(1, 12))}-01` : "",
    dvaCardNumber: "",
    notes1: "",
    modifiedAt: c.modifiedAt,
  };
}

function pickHome(rng: Rng): LocationKey {
  let roll = rng.next();
  for (const [key, weight] of HOME_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return "docklands";
}

function randomAddress(rng: Rng, home: LocationKey): AddressRecord {
  const suburb = rng.pick(SUBURBS[home]);
  const unit = rng.chance(0.25) ? `${rng.int(1, 24)}/` : "";
  return {
    streetAddress: `${unit}${rng.int(1, 240)} ${rng.pick(STREETS)}`,
    suburb: suburb.suburb,
    state: suburb.state,
    postcode: suburb.postcode,
  };
}

/** Fictional landline: area code + 5550 xxxx (reserved for fiction in every area). */
function landline(rng: Rng, state: string): string {
  return `${AREA_CODE[state] ?? "03"} 5550 ${String(rng.int(2000, 9999))}`;
}

function birthDate(rng: Rng, age: number): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, month === 2 ? 28 : [4, 6, 9, 11].includes(month) ? 30 : 31);
  return `${REFERENCE_YEAR - age}-${pad(month)}-${pad(day)}`;
}

function adultTitle(rng: Rng, gender: ClientGender, age: number): string {
  if (rng.chance(0.03)) return "Dr";
  if (gender === "Male") return "Mr";
  if (gender === "Female") return age < 25 ? "Miss" : rng.pick(["Ms", "Ms", "Mrs"]);
  return "";
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
