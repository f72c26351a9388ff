/** Private helper: an error's name and code for logs. */

/** A name and code for logs, never a message that could hold data. */
export function errorName(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === "string" ? `${err.name}(${code})` : err.name;
  }
  return typeof err;
}
