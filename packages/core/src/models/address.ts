/** Postal/residential address. coreplus writes `city` and reads back `suburb`: both are accepted and exposed. */
import { z } from "zod";
import { canonicalKeys } from "../internal/canonical-keys.js";
import { StringLike } from "./common.js";

const field = z
  .union([StringLike, z.null()])
  .optional()
  .transform((v) => v ?? undefined);

const fields = ["streetAddress", "suburb", "city", "state", "postcode"] as const;

/** An address; whichever of `city`/`suburb` arrives fills both. Property names are case-insensitive. */
export const Address = z.preprocess(
  canonicalKeys(fields),
  z
    .object({
      streetAddress: field,
      suburb: field,
      city: field,
      state: field,
      postcode: field,
    })
    .transform((a) => {
      const locality = a.suburb ?? a.city ?? "";
      return {
        streetAddress: a.streetAddress ?? "",
        suburb: locality,
        city: locality,
        state: a.state ?? "",
        postcode: a.postcode ?? "",
      };
    }),
);
export type Address = z.infer<typeof Address>;
