/**
 * The checks every JSON-bodied route makes before anything is stored, body size first: the media
 * type, then a JSON object. `check` turns the object (and the request) into what the handler gets,
 * handed on as `checked`. One middleware (the size limit runs inside it) so that the handler's env is typed.
 */
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { jsonDepthWithin, ProblemError } from "../http/index.js";
import type { EdgeEnv } from "../types.js";

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/** The parsed body when it is a JSON object, else malformed-body (400). */
export function parseJsonObject(rawBody: string): object {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new ProblemError("malformed-body", "The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new ProblemError("malformed-body", "The request body must be a JSON object.");
  // Before anything walks it (the canonical hash, validation): a 4,000-deep body is a 400, not a 500.
  if (!jsonDepthWithin(body)) throw new ProblemError("malformed-body", "The request body nests too deeply.");
  return body;
}

/** Size limit, media type and JSON object, then `check(body, c)` → the `checked` variable. */
export const jsonObjectBody = <V>(
  bodyLimitBytes: number,
  what: string,
  check: (body: object, c: Context<EdgeEnv>) => V,
) => {
  const limit = bodyLimit({
    maxSize: bodyLimitBytes,
    onError: () => {
      throw new ProblemError("payload-too-large", `The body may be at most ${bodyLimitBytes} bytes.`);
    },
  });
  return createMiddleware<EdgeEnv & { Variables: { checked: V } }>(async function jsonObjectBody(c, next) {
    return limit(c, async () => {
      if (!JSON_TYPE.test(c.req.header("content-type") ?? ""))
        throw new ProblemError("unsupported-media-type", `Send the ${what} as application/json.`);
      c.set("checked", check(parseJsonObject(await c.req.text()), c as unknown as Context<EdgeEnv>));
      await next();
    });
  });
};
