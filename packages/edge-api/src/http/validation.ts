/**
 * zod issues as problem+json field errors: a JSON Pointer (`/patient/email`, or `/query/from` for
 * query parameters), a stable code and a message that never repeats the submitted value.
 */
import type { z } from "zod";
import type { BoundedMap } from "../internal/bounded-map.js";
import type { ProblemFieldError } from "../schemas/public.js";
import { type ProblemError, validationProblem } from "./problem.js";

/** A validation problem from a zod error; `prefix` is "" for bodies and "/query" for query strings. */
export function zodProblem(error: z.ZodError, prefix: string): ProblemError {
  const seen = new Set<string>();
  const errors: ProblemFieldError[] = [];
  for (const issue of error.issues) {
    const pointer =
      prefix + issue.path.map((p) => `/${String(p).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
    // One error per field is enough for a form; the first is the most basic.
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    errors.push({ pointer, code: codeOf(issue), detail: detailOf(issue) });
  }
  return validationProblem(errors);
}

function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === "invalid_type" && /received undefined/.test(issue.message);
}

function codeOf(issue: z.core.$ZodIssue): string {
  if (isMissing(issue)) return "required";
  switch (issue.code) {
    case "invalid_format":
      return issue.format === "email" ? "invalid_email" : "invalid_format";
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1 ? "required" : "too_short";
    case "too_big":
      return "too_long";
    case "invalid_value":
      return "invalid_value";
    case "custom":
      return typeof issue.params?.code === "string" ? issue.params.code : "invalid";
    default:
      return issue.code;
  }
}

function detailOf(issue: z.core.$ZodIssue): string {
  if (isMissing(issue)) return "is required";
  if (issue.code === "invalid_type") return `must be ${issue.expected}`;
  if (issue.code === "too_big" && issue.origin === "string")
    return `must be at most ${issue.maximum} characters`;
  // Our schemas' messages are written as predicates ("must be …"); zod's own never include the value.
  return issue.message;
}

/**
 * The request's query parsed with `schema` (repeated keys become arrays, which single-valued
 * parameters refuse), remembered per raw query string: a hot query is validated once, not per request.
 */
export function parseQuery<S extends z.ZodType>(
  url: string,
  queries: () => Record<string, string[]>,
  schema: S,
  memo: BoundedMap<z.infer<S>>,
): z.infer<S> {
  const at = url.indexOf("?");
  const raw = at < 0 ? "" : url.slice(at);
  const known = memo.get(raw);
  if (known !== undefined) return known;
  const input: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(queries())) input[k] = v.length === 1 ? (v[0] as string) : v;
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw zodProblem(parsed.error, "/query");
  memo.set(raw, parsed.data);
  return parsed.data;
}
