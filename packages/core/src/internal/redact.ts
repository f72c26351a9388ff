/**
 * Secret redaction for error text. Errors travel into logs and HTTP responses, so anything that could
 * be a credential is replaced before it is stored on an error.
 */

/** What replaces a redacted value. */
export const REDACTED = "[REDACTED]";

// A JWS compact string: three base64url segments, the first two being JSON objects ("eyJ" = `{"`).
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
// Authorization header values in any spelling a message might quote.
const AUTH_SCHEME_PATTERN = /\b(JwToken|Bearer|Basic)(\s+)[^\s"',;]+/gi;
// Query parameters or JSON-ish pairs whose name says they hold a credential.
const SECRET_PARAM_PATTERN =
  /\b(access_?token|consumer_?secret|client_?secret|jw_?token|jwt)(["']?\s*[=:]\s*["']?)[^\s"'&,;}]+/gi;

/** Redacts known secret values and anything shaped like a JWT or an Authorization header value. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would shred ordinary text; real credentials are long.
    if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(JWT_PATTERN, REDACTED)
    .replace(AUTH_SCHEME_PATTERN, (_m, scheme: string, space: string) => `${scheme}${space}${REDACTED}`)
    .replace(SECRET_PARAM_PATTERN, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`);
}

function isErrorLike(value: unknown): value is Error {
  return value instanceof Error;
}

/**
 * Returns `cause` unchanged when nothing in its text needs redacting, otherwise a copy (same name,
 * redacted message, nested causes treated the same way) so `String(cause)` and logs stay clean.
 */
export function redactCause(cause: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (cause === undefined || cause === null) return cause;
  if (typeof cause === "string") return redactText(cause, secrets);
  if (!isErrorLike(cause)) {
    // Arbitrary objects may hold request options with headers; keep only a redacted description.
    const text = safeString(cause);
    return redactText(text, secrets);
  }
  const message = redactText(cause.message, secrets);
  const stack = cause.stack === undefined ? undefined : redactText(cause.stack, secrets);
  const inner: unknown =
    depth < 4 ? redactCause((cause as { cause?: unknown }).cause, secrets, depth + 1) : undefined;
  const code = (cause as { code?: unknown }).code;
  if (
    message === cause.message &&
    stack === cause.stack &&
    inner === (cause as { cause?: unknown }).cause &&
    !hasSuspiciousOwnProps(cause)
  ) {
    return cause;
  }
  const copy = new Error(message, inner === undefined ? undefined : { cause: inner });
  copy.name = cause.name;
  if (stack !== undefined) copy.stack = stack;
  if (typeof code === "string" || typeof code === "number") {
    Object.defineProperty(copy, "code", { value: code, enumerable: true });
  }
  return copy;
}

// Errors from HTTP libraries sometimes carry the request (with its headers) as an own property.
function hasSuspiciousOwnProps(err: Error): boolean {
  return ["headers", "request", "config", "options", "init"].some((k) => Object.hasOwn(err, k));
}

function safeString(value: unknown): string {
  try {
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
