/**
 * How deep a request body may nest. Checked on the parsed body before anything walks it (the
 * idempotency hash, validation), so that a 4,000-deep body is a 400 rather than a stack overflow.
 */

/** Deepest nesting a request body may have (bookings need 3). */
export const MAX_JSON_DEPTH = 16;

/** Whether a parsed JSON value nests at most `max` arrays/objects deep (checked without recursion). */
export function jsonDepthWithin(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== "object") continue;
    if (depth + 1 > max) return false;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}
