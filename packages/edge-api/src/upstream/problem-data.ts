/**
 * A problem as data, and back: how a failure crosses a process or isolate boundary (a coalesced load's
 * outcome handed to the callers that waited for it, over Durable Object RPC or through Redis).
 */
import { ProblemError } from "../http/index.js";
import type { ProblemFieldError, ProblemType } from "../schemas/public.js";
import { upstreamProblem } from "./map-error.js";

/** A problem as data: how a coalesced failure reaches the callers that waited for it. */
export interface ProblemData {
  type: ProblemType;
  detail: string;
  status: number;
  retryAfter?: number;
  errors?: ProblemFieldError[];
}

/** The problem an error would be answered with, as data. */
export function problemData(err: unknown): ProblemData {
  const p = upstreamProblem(err);
  const data: ProblemData = { type: p.problemType, detail: p.detail, status: p.status };
  if (p.retryAfter !== undefined) data.retryAfter = p.retryAfter;
  if (p.errors) data.errors = p.errors;
  return data;
}

/** The error to throw for a problem received as data. */
export function problemError(data: ProblemData): ProblemError {
  return new ProblemError(data.type, data.detail, {
    status: data.status,
    ...(data.retryAfter !== undefined ? { retryAfter: data.retryAfter } : {}),
    ...(data.errors ? { errors: data.errors } : {}),
  });
}
