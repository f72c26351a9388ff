/** coreplus timezone GUIDs and their IANA names (coreplus-api.md §1). */

/**
 * coreplus timezone GUID (lower case) → IANA zone. Only the Melbourne GUID is known to be real; the
 * others are the sandbox's own.
 */
export const COREPLUS_TIMEZONES: Readonly<Record<string, string>> = Object.freeze({
  "39d62534-501c-49cd-9da9-6fa8d6a81f48": "Australia/Melbourne",
  "b4a3c1a2-0a6f-4c55-9d7e-2b1f0c7f1a01": "Australia/Sydney",
  "b4a3c1a2-0a6f-4c55-9d7e-2b1f0c7f1a02": "Australia/Brisbane",
  "b4a3c1a2-0a6f-4c55-9d7e-2b1f0c7f1a03": "Australia/Perth",
  "b4a3c1a2-0a6f-4c55-9d7e-2b1f0c7f1a04": "Australia/Adelaide",
});

const BY_IANA: ReadonlyMap<string, string> = new Map(
  Object.entries(COREPLUS_TIMEZONES).map(([guid, iana]) => [iana.toLowerCase(), guid]),
);

/** The coreplus timezone GUID for an IANA zone (case-insensitive), or undefined. */
export function timezoneIdFor(ianaZone: string): string | undefined {
  return BY_IANA.get(ianaZone.trim().toLowerCase());
}

/** The IANA zone for a coreplus timezone GUID (case-insensitive), or undefined. */
export function ianaZoneFor(timezoneId: string): string | undefined {
  const key = timezoneId.trim().toLowerCase();
  return Object.hasOwn(COREPLUS_TIMEZONES, key) ? COREPLUS_TIMEZONES[key] : undefined;
}
