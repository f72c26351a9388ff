/** Client request bodies (coreplus-api.md §4.4): `POST /Client/` and `POST /Client/{id}/`. */
import { z } from "zod";
import { canonicalKeys } from "../internal/canonical-keys.js";
import { Address } from "./address.js";
import { Boolish, CoreplusDate, optional, StringLike } from "./common.js";

/** Titles coreplus accepts. */
export const CLIENT_TITLES = ["Acs Prof", "Dr", "Master", "Miss", "Mr", "Mrs", "Ms", "Prof", "Rev"] as const;
/** Pronouns coreplus accepts. */
export const CLIENT_PRONOUNS = ["e", "he", "she", "they", "xe", "ze", "other"] as const;
/** Client statuses; `Deleted` hides a client from lists. */
export const CLIENT_STATUSES = ["Current", "Closed", "Deleted", "Deceased"] as const;

const upTo = (max: number) => z.string().max(max, `At most ${max} characters`);

const createShape = {
  firstName: z.string().trim().min(1, "Required").max(50, "At most 50 characters"),
  lastName: z.string().trim().min(1, "Required").max(50, "At most 50 characters"),
  /** "YYYY-MM-DD". */
  dateOfBirth: CoreplusDate,
  externalId: optional(StringLike),
  title: optional(z.enum(CLIENT_TITLES)),
  preferredName: optional(upTo(50)),
  middleName: optional(upTo(50)),
  gender: optional(z.enum(["Male", "Female", "Other", ""])),
  pronouns: optional(z.enum(CLIENT_PRONOUNS)),
  culture: optional(upTo(20)),
  medicareCardNumber: optional(StringLike.pipe(upTo(20))),
  medicareCardIRN: optional(StringLike.pipe(upTo(1))),
  medicareCardExpireDate: optional(CoreplusDate),
  dvaCardNumber: optional(StringLike.pipe(upTo(20))),
  phoneNumberHome: optional(upTo(50)),
  phoneNumberWork: optional(upTo(50)),
  phoneNumberMobile: optional(upTo(50)),
  status: optional(z.enum(CLIENT_STATUSES)),
  email: optional(upTo(50)),
  addressResidential: optional(Address),
  addressPostal: optional(Address),
  postalSameAsResidential: optional(Boolish),
  notes1: optional(upTo(300)),
};

// Property names are matched case-insensitively; "pronoun" is documented as an alias of "pronouns".
const canonical = canonicalKeys(Object.keys(createShape), { pronoun: "pronouns" });

/** Body of `POST /Client/`. Booleans may be "true"/"false" strings; property names are case-insensitive. */
export const ClientCreate = z.preprocess(canonical, z.object(createShape));
export type ClientCreate = z.infer<typeof ClientCreate>;

/** Body of `POST /Client/{id}/`: any subset of the create fields. */
export const ClientUpdate = z.preprocess(canonical, z.object(createShape).partial());
export type ClientUpdate = z.infer<typeof ClientUpdate>;
