/** The edge API's side of coreplus: each clinic's client, cached reads, and upstream failures as problems. */
export { type CachePolicy, read, readVersioned, type Versioned } from "./cached-read.js";
export {
  BudgetWaitAbortedError,
  type ClinicClientOptions,
  consumerKeyOf,
  createClinicClient,
  type UpstreamObserver,
  type UpstreamOutcome,
} from "./client.js";
export { upstreamProblem } from "./map-error.js";
export { hasPriority, priorityLane } from "./priority.js";
export { type ProblemData, problemData, problemError } from "./problem-data.js";
