/** The edge API's configuration: its schema, the parser that resolves secrets, and the sandbox default. */

export { type BudgetOptions, budgetFromEnv } from "./budget-env.js";
export {
  ALTCHA_DEFAULT,
  ALTCHA_DEVELOPMENT,
  type ChallengeConfig,
  TURNSTILE_SITEVERIFY_URL,
} from "./challenge.js";
export { type ChangesPolicy, defaultPolicyText } from "./changes.js";
export { type DefaultSandboxConfigOptions, defaultSandboxConfig } from "./default-sandbox.js";
export type { Audience, DisciplineConfig } from "./disciplines-schema.js";
export { DEFAULT_LOOKUPS } from "./limits.js";
export {
  deploymentSecrets,
  EdgeConfigError,
  type EdgeConfigIssue,
  parseEdgeConfig,
  parseEdgeConfigText,
} from "./parse-config.js";
export { answerMax, type ClinicQuestion, publicQuestions } from "./questions.js";
export type {
  ClinicConfig,
  ClinicLimits,
  EdgeConfig,
  EdgeConfigFile,
  VisitorLimit,
} from "./schema.js";
export { requireDeploymentSecrets, startupWarnings } from "./startup-warnings.js";
