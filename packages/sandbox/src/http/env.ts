/** Hono typing shared by the sandbox's routes, and small helpers every route uses. */
import type { Context, Hono } from "hono";
import type { SandboxRuntime } from "../internal/runtime.js";
import { badRequest, SandboxHttpError } from "./result.js";

/** Per-request values set by the middleware. */
export type SandboxEnv = { Variables: { consumerId: string } };

/** Adds a resource's routes to the versioned API app. */
export type RouteRegistrar = (api: Hono<SandboxEnv>, runtime: SandboxRuntime) => void;

/** The request body as JSON (an object or array); empty or broken → 400. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") throw badRequest("A JSON body is required");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("The request body is not valid JSON");
  }
}

/** A handler answering 405 with the `result` body and an Allow header. */
export function methodNotAllowed(allow: string): (c: Context) => never {
  return function methodNotAllowed() {
    throw new SandboxHttpError(405, "Method not allowed", { allow });
  };
}
