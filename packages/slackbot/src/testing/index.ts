/**
 * @coreplus-kit/slackbot/testing: what tests, benchmarks and demos need to talk to the bot as Slack
 * would: the v0 request signer, the bodies Slack posts, and a fake Slack Web API over HTTP.
 * @example
 * import { signSlackRequest, slashCommandBody, startFakeSlack } from "@coreplus-kit/slackbot/testing";
 */
export {
  createFakeSlack,
  type FakeSlack,
  type FakeSlackHandler,
  type FakeSlackOptions,
  type FakeSlackUser,
  type RecordedCall,
  startFakeSlack,
  type WaitForOptions,
} from "./fake-slack.js";
export {
  blockActionBody,
  eventCallbackBody,
  functionExecutedBody,
  type SlackSignatureHeaders,
  type SlashCommandFields,
  signSlackRequest,
  slashCommandBody,
} from "./sign-request.js";
