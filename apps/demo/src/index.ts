/**
 * @coreplus-kit/demo: the sales demo as a library, for tests and scripts. `startDemo()` runs the
 * sandbox, edge API, Slack bot and demo site in this process; the Slack pieces are exported for reuse.
 */
export { PortInUseError } from "@coreplus-kit/core/node";
export type { DemoUrls } from "./site/site-app.js";
export {
  createSlackPreview,
  type SlackExchange,
  type SlackMessage,
  type SlackPreview,
  type SlackPreviewOptions,
  UnknownSlackUserError,
} from "./slack/slack-preview.js";
export { buildStaff, DEMO_TEAM, type StaffMember, type StaffRole } from "./slack/staff.js";
export {
  DEFAULT_PORTS,
  type DemoPorts,
  defaultSiteDir,
  type RunningDemo,
  type StartDemoOptions,
  startDemo,
} from "./start-demo.js";
export {
  createTodayFeed,
  type TodayAppointment,
  type TodayFeed,
  type TodayLocation,
  type TodayResponse,
} from "./today/todays-appointments.js";
