/** coreplus wraps some single resources (`{"appointment":{…}}`) and not others: accept both. */
import { z } from "zod";

/** `schema`, read from `value[key]` when the response is wrapped in that key, else from the value itself. */
export function wrappedOrBare<T extends z.ZodType>(key: string, schema: T) {
  return z.preprocess((v) => {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const inner = (v as Record<string, unknown>)[key];
      if (typeof inner === "object" && inner !== null && !Array.isArray(inner)) return inner;
    }
    return v;
  }, schema);
}
