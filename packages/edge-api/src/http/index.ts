/** HTTP vocabulary: problem details (RFC 9457) and zod issues as field errors. */

export { type CacheKind, cacheControl, cachedJson, etagOf, noneMatch } from "./cached-answer.js";
export {
  httpProblem,
  PROBLEM_BASE,
  ProblemError,
  type ProblemOptions,
  problemAnswer,
  problemResponse,
  validationProblem,
} from "./problem.js";
export { parseQuery, zodProblem } from "./validation.js";
