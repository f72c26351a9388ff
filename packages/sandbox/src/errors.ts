/** The sandbox's error codes, collected from its error classes so the union cannot drift from them. */
import type { SandboxControlError } from "./controls/client.js";
import type { SandboxStateError } from "./state.js";

/** Every `code` a sandbox error carries: `ERR_SANDBOX_CONTROL` or `ERR_SANDBOX_STATE_FILE`. */
export type SandboxErrorCode = SandboxControlError["code"] | SandboxStateError["code"];
