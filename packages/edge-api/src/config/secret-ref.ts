/** A secret in the configuration: written inline, or named as the variable (or Workers secret) holding it. */
import { z } from "zod";

/** A secret written inline, or the name of the environment variable (or Workers secret) holding it. */
export const SecretRef = z.union([
  z.string().min(1),
  z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "must be a variable name" }) }),
]);
export type SecretRef = z.infer<typeof SecretRef>;
