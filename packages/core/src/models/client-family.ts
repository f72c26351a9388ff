/**
 * ClientFamily (coreplus-api.md §4.4a): a family member or carer recorded on a client, a contact rather
 * than another client. `POST /ClientFamily/` creates one; coreplus answers with the record.
 */
import { z } from "zod";
import { canonicalKeys, isRecord } from "../internal/canonical-keys.js";
import { Boolish, CoreplusDate, Guid, optional, StringLike, Text } from "./common.js";

/** Titles coreplus accepts on a family record (not the client list: `Mx` and `Sir`, no `Prof`). */
export const FAMILY_TITLES = ["Dr", "Master", "Miss", "Mr", "Mrs", "Ms", "Mx", "Sir", "Rev"] as const;

/** The relationships coreplus suggests; any other short text is accepted too. */
export const FAMILY_RELATIONSHIPS = [
  "Auntie",
  "Boyfriend",
  "Brother",
  "Client",
  "Daughter",
  "Father",
  "Fiance",
  "Foster Father",
  "Foster Mother",
  "Friend",
  "Girlfriend",
  "Grand Father",
  "Grand Mother",
  "Guardian",
  "Husband",
  "Mother",
  "Partner",
  "Sister",
  "Stepfather",
  "Stepmother",
  "Son",
  "Uncle",
  "Wife",
  "Next of KIN",
] as const;

const upTo = (max: number) => z.string().max(max, `At most ${max} characters`);

/** The client a record belongs to: the id as a string (the doc's example) or `{"clientId": "…"}`. */
const ClientRef = z.preprocess(
  (v) => (isRecord(v) ? canonicalKeys(["clientId"])(v) : v),
  z.union([Guid, z.object({ clientId: Guid }).transform((o) => o.clientId)], {
    error: 'clientId must be a GUID or {"clientId": "<guid>"}',
  }),
);

const createShape = {
  /** Normalised to the bare id. */
  clientId: ClientRef,
  firstName: z.string().trim().min(1, "Required").max(50, "At most 50 characters"),
  surname: z.string().trim().min(1, "Required").max(50, "At most 50 characters"),
  title: optional(z.enum(FAMILY_TITLES)),
  /** "YYYY-MM-DD". */
  dateOfBirth: optional(CoreplusDate),
  relationship: optional(upTo(50)),
  medicareCardNumber: optional(StringLike.pipe(upTo(20))),
  medicareCardIRN: optional(StringLike.pipe(upTo(1))),
  homePhone: optional(upTo(50)),
  workPhone: optional(upTo(50)),
  mobile: optional(upTo(50)),
  email: optional(upTo(50)),
  address: optional(upTo(200)),
  suburb: optional(upTo(50)),
  postcode: optional(StringLike.pipe(upTo(10))),
  notes: optional(upTo(300)),
  emergencyContact: optional(Boolish),
  invoiceRecipient: optional(Boolish),
  mainContact: optional(Boolish),
};

/**
 * Body of `POST /ClientFamily/`: `clientId`, `firstName` and `surname` required. Property names are
 * matched case-insensitively; booleans may be "true"/"false" strings.
 *
 * @example
 * ClientFamilyCreate.parse({ clientId: { clientId: childId }, firstName: "Ann", surname: "Lee", relationship: "Mother", mainContact: true });
 */
export const ClientFamilyCreate = z.preprocess(
  canonicalKeys(Object.keys(createShape)),
  z.object(createShape),
);
/** What {@link ClientFamilyCreate} accepts: `clientId` as the id or as `{ clientId }`. */
export type ClientFamilyCreate = Omit<z.infer<typeof ClientFamilyCreate>, "clientId"> & {
  clientId: string | { clientId: string };
};

/** "" or null read as absent (coreplus sends empty strings for unset dates). */
const OptionalDate = z.preprocess((v) => (v === "" || v === null ? undefined : v), CoreplusDate.optional());

const flag = optional(Boolish).transform((v) => v ?? false);

/** A family record as coreplus answers it (unset text fields read as ""). */
export const ClientFamily = z.object({
  familyId: Guid,
  /** Not in the documented answer; kept when it is there. */
  clientId: optional(Guid),
  firstName: Text,
  surname: Text,
  title: Text,
  dateOfBirth: OptionalDate,
  relationship: Text,
  medicareCardNumber: optional(StringLike),
  medicareCardIRN: optional(StringLike),
  homePhone: Text,
  workPhone: Text,
  mobile: Text,
  email: Text,
  address: Text,
  suburb: Text,
  postcode: optional(StringLike).transform((v) => v ?? ""),
  notes: Text,
  emergencyContact: flag,
  invoiceRecipient: flag,
  mainContact: flag,
});
export type ClientFamily = z.infer<typeof ClientFamily>;
