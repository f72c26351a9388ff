/**
 * Secret redaction for error text. Errors travel into logs and HTTP responses, so anything that could
 * be a credential, or a patient detail from a query string (a name, a date of birth), is replaced
 * before it is stored on an error.
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

// An absolute URL as it is quoted in text: up to whitespace, a quote or an angle bracket.
const URL_PATTERN = /\bhttps?:\/\/[^\s"<>`]+/gi;
// Punctuation that ends a sentence or a parenthesis rather than the URL.
const URL_TAIL = /[).,;:!']+$/;

/** `url` with each query value replaced (the names stay: they say what was asked, not about whom). */
export function redactQuery(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const hash = url.indexOf("#", q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const names = query
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const eq = pair.indexOf("=");
      return `${eq < 0 ? pair : pair.slice(0, eq)}=${REDACTED}`;
    });
  return `${url.slice(0, q)}?${names.join("&")}`;
}

/**
 * The query values of `url`, decoded and as sent, to scrub wherever else they are echoed (coreplus's
 * reasons may quote one). Short values and booleans (`pageSize=10`, `includeInactive=true`) are left:
 * replacing them would shred ordinary text, and they are never patient details.
 */
export function queryValuesOf(url: string | URL | undefined): string[] {
  if (url === undefined) return [];
  const text = String(url);
  const q = text.indexOf("?");
  if (q < 0) return [];
  const values = new Set<string>();
  for (const pair of text
    .slice(q + 1)
    .split("#")[0]
    ?.split("&") ?? []) {
    const raw = pair.slice(pair.indexOf("=") + 1);
    values.add(raw);
    try {
      values.add(decodeURIComponent(raw.replace(/\+/g, " ")));
    } catch {
      // A malformed escape: the raw form is all there is to hide.
    }
  }
  return [...values].filter((v) => v.length >= 4 && v !== "true" && v !== "false");
}

/** A text redactor: known secrets, query values, URL queries, JWTs and Authorization header values. */
export type Redact = (text: string) => string;

/** Builds a {@link Redact} over the given secret values and query values (see {@link queryValuesOf}). */
export function redactor(secrets: readonly string[] = [], queryValues: readonly string[] = []): Redact {
  // Very short secrets would shred ordinary text; real credentials are long.
  const exact = [...secrets.filter((s) => s.length >= 6), ...queryValues].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text.replace(URL_PATTERN, (match) => {
      const tail = URL_TAIL.exec(match)?.[0] ?? "";
      return redactQuery(match.slice(0, match.length - tail.length)) + tail;
    });
    for (const value of exact) out = out.split(value).join(REDACTED);
    return out
      .replace(JWT_PATTERN, REDACTED)
      .replace(AUTH_SCHEME_PATTERN, (_m, scheme: string, space: string) => `${scheme}${space}${REDACTED}`)
      .replace(SECRET_PARAM_PATTERN, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`);
  };
}

/** Redacts known secret values, URL query values, and anything shaped like a JWT or an Authorization value. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  return redactor(secrets)(text);
}

function isErrorLike(value: unknown): value is Error {
  return value instanceof Error;
}

/**
 * Returns `cause` unchanged when nothing in its text needs redacting, otherwise a copy (same name,
 * redacted message, nested causes treated the same way) so `String(cause)` and logs stay clean.
 */
export function redactCause(cause: unknown, redact: Redact = redactor(), depth = 0): unknown {
  if (cause === undefined || cause === null) return cause;
  if (typeof cause === "string") return redact(cause);
  if (!isErrorLike(cause)) {
    // Arbitrary objects may hold request options with headers; keep only a redacted description.
    return redact(safeString(cause));
  }
  const message = redact(cause.message);
  const stack = cause.stack === undefined ? undefined : redact(cause.stack);
  const inner: unknown =
    depth < 4 ? redactCause((cause as { cause?: unknown }).cause, redact, depth + 1) : undefined;
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
