/**
 * Orderings of the API's lists. Code-point comparison of lower-cased text, never localeCompare: the
 * order must be identical on every runtime (Node and workerd ship different ICU data).
 */

/** Compares two strings case-insensitively by code point. */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Compares by each key in turn. */
export function byKeys<T>(...keys: ((t: T) => string)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const c = compareText(key(a), key(b));
      if (c !== 0) return c;
    }
    return 0;
  };
}
