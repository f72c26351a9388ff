/** The edge API's configuration: its schema, the parser that resolves secrets, and the sandbox default. */
export { type DefaultSandboxConfigOptions, defaultSandboxConfig } from "./default-sandbox.js";
export {
  EdgeConfigError,
  type EdgeConfigIssue,
  parseEdgeConfig,
  parseEdgeConfigText,
} from "./parse-config.js";
export type {
  ClinicConfig,
  ClinicLimits,
  EdgeConfig,
  EdgeConfigFile,
  VisitorLimit,
} from "./schema.js";
