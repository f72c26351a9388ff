/** A message table's shape as "path:type" lines, so two languages' tables can be compared key for key. */
export const leaves = (v: unknown, path = ""): string[] =>
  typeof v === "function"
    ? [`${path}:fn`]
    : v && typeof v === "object"
      ? Object.entries(v).flatMap(([k, x]) => leaves(x, `${path}.${k}`))
      : [`${path}:${typeof v}`];
