/** Client (coreplus-api.md §4.4): what coreplus returns. */
import { z } from "zod";
import { Address } from "./address.js";
import { Boolish, CoreplusDate, Guid, OptionalText, optional, StringLike, Text } from "./common.js";

/** Genders coreplus documents (responses may carry others; they are passed through). */
export const CLIENT_GENDERS = ["Male", "Female", "Other", ""] as const;
/** A documented gender value. */
export type ClientGender = (typeof CLIENT_GENDERS)[number];

/** A related client reference. */
export const RelatedClient = z.object({ clientId: Guid });
export type RelatedClient = z.infer<typeof RelatedClient>;

const summaryShape = {
  clientId: Guid,
  title: Text,
  firstName: z.string(),
  middleName: Text,
  lastName: z.string(),
  preferredName: Text,
  gender: Text as z.ZodType<ClientGender | (string & {}), string | null | undefined>,
  /** "YYYY-MM-DD" (coreplus sends "YYYY-MM-DDT00:00:00"). */
  dateOfBirth: CoreplusDate,
  /** The primary practitioner, or null. */
  practitionerId: z
    .union([Guid, z.null()])
    .optional()
    .transform((v) => v ?? null),
  culture: Text,
  pronouns: Text,
  relatedClients: z
    .union([z.array(RelatedClient), z.null()])
    .optional()
    .transform((v) => v ?? []),
};

/** A row of `GET /Client/`. */
export const ClientSummary = z.object(summaryShape);
export type ClientSummary = z.infer<typeof ClientSummary>;

/** `GET /Client/{id}/`: the summary plus contact details, addresses and cards. */
export const ClientDetail = z.object({
  ...summaryShape,
  phoneNumberMobile: Text,
  phoneNumberHome: Text,
  phoneNumberWork: Text,
  email: Text,
  addressResidential: optional(Address),
  addressPostal: optional(Address),
  postalSameAsResidential: optional(Boolish),
  externalId: optional(StringLike),
  status: OptionalText,
  medicareCardNumber: optional(StringLike),
  medicareCardIRN: optional(StringLike),
  medicareCardExpireDate: optional(CoreplusDate),
  dvaCardNumber: optional(StringLike),
  notes1: OptionalText,
});
export type ClientDetail = z.infer<typeof ClientDetail>;

/** Response of `POST /Client/`: `{"client":{"clientId":…}}` (a bare `{"clientId":…}` is accepted too). */
export const ClientCreated = z.object({ clientId: Guid });
export type ClientCreated = z.infer<typeof ClientCreated>;
