/**
 * HTTP vocabulary: problem details (RFC 9457), zod issues as field errors, how deep a body may nest,
 * and the answer's headers.
 */

export {
  type CacheKind,
  cacheControl,
  cachedJson,
  type EncodedText,
  encodedOf,
  etagOf,
  noneMatch,
} from "./cached-answer.js";
export { answer, finishHeaders, type HeaderContext, type HeaderRecord, serverTiming } from "./headers.js";
export { jsonDepthWithin } from "./json-depth.js";
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
