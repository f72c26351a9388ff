/**
 * Case-insensitive property names for request bodies: coreplus's docs mix `ExternalId`/`externalId`
 * and `Status`/`status`, so bodies are rewritten to our canonical spelling before validation.
 */

/** Whether a value is a plain (non-array) object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Returns a function that renames the keys of an object to their canonical spelling (matched
 * case-insensitively, plus `aliases`). When two keys map to one name, the exact spelling wins.
 * Unknown keys are kept as they are; non-objects pass through untouched.
 */
export function canonicalKeys(
  names: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): (input: unknown) => unknown {
  const byLower = new Map<string, string>(names.map((n) => [n.toLowerCase(), n]));
  for (const [alias, target] of Object.entries(aliases)) byLower.set(alias.toLowerCase(), target);
  return (input) => {
    if (!isRecord(input)) return input;
    const out: Record<string, unknown> = {};
    const exact = new Set<string>();
    for (const [key, value] of Object.entries(input)) {
      const canonical = byLower.get(key.toLowerCase()) ?? key;
      if (key === canonical) {
        exact.add(key);
        out[key] = value;
      } else if (!exact.has(canonical) && !Object.hasOwn(out, canonical)) {
        out[canonical] = value;
      }
    }
    return out;
  };
}
