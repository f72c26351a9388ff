/**
 * coreplus's error body, `{"result":[{"severity":2,"reason":"…"}]}`, and the one exception type the
 * routes throw to produce it. `app.onError` turns every error into this body.
 */
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";

/** The documented reason for a booking or reschedule that does not fit (coreplus-api.md §4.6). */
export const NOT_AVAILABLE = "The selected time is not available for booking an appointment";
/** The reason of every 401 (coreplus-api.md §2). */
export const INVALID_TOKEN = "Invalid token";
/** The reason of a 404 for an unknown route. */
export const NOT_FOUND = "Not found";

/** The `result` error body. */
export function resultBody(reason: string): { result: { severity: number; reason: string }[] } {
  return { result: [{ severity: 2, reason }] };
}

/** A JSON response with the `result` body. */
export function resultResponse(
  status: number,
  reason: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(resultBody(reason)), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** An error a route throws to answer with the `result` body and a status. */
export class SandboxHttpError extends HTTPException {
  readonly reason: string;
  constructor(status: ContentfulStatusCode, reason: string, headers: Record<string, string> = {}) {
    super(status, { message: reason, res: resultResponse(status, reason, headers) });
    this.name = this.constructor.name;
    this.reason = reason;
  }
}

/** 400 with the `result` body. */
export const badRequest = (reason: string): SandboxHttpError => new SandboxHttpError(400, reason);
/** 404 with the `result` body. */
export const notFound = (reason = NOT_FOUND): SandboxHttpError => new SandboxHttpError(404, reason);
/** 409 with the documented "not available" reason. */
export const notAvailable = (): SandboxHttpError => new SandboxHttpError(409, NOT_AVAILABLE);

/** Parses `value` with `schema`, or throws 400 naming each failing field. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message));
  throw badRequest(`Invalid request: ${issues.join("; ")}`);
}
