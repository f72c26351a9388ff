/** The edge API's configuration: its schema, the parser that resolves secrets, and the sandbox default. */
export { type DefaultSandboxConfigOptions, defaultSandboxConfig } from "./default-sandbox.js";
export {
  EdgeConfigError,
  type EdgeConfigIssue,
  parseEdgeConfig,
  parseEdgeConfigText,
} from "./parse-config.js";
export { answerMax, type ClinicQuestion, publicQuestions } from "./questions.js";
export type { ClinicConfig, EdgeConfig, EdgeConfigFile, VisitorLimit } from "./schema.js";
