/**
 * The bot's process entry: `pnpm --filter @coreplus-kit/slackbot start` (builds, then runs
 * dist/node.js). Reads the environment, starts HTTP mode on 127.0.0.1:SLACKBOT_PORT (default 3000)
 * at /slack/events, or Socket Mode when SLACK_APP_TOKEN is set, and stops cleanly on SIGINT/SIGTERM.
 */
import process from "node:process";
import { createSlackbot } from "./create-slackbot.js";
import { slackbotConfigFromEnv } from "./env.js";
import { SlackbotError } from "./errors.js";

async function main(): Promise<void> {
  const { options, summary } = slackbotConfigFromEnv(process.env);
  const bot = createSlackbot(options);
  const started = await bot.start();
  const where = started.mode === "http" ? `HTTP on ${started.url}` : "Socket Mode";
  const coreplus = `${summary.coreplusBaseUrl}${summary.coreplusIsDev ? " (development credentials)" : ""}`;
  // Where state lives, never the Redis URL itself (it may carry a password).
  const state =
    options.state && "redisUrl" in options.state
      ? "Redis"
      : options.state && "file" in options.state
        ? options.state.file
        : "memory";
  const activity = options.activityChannel ? `; activity channel ${options.activityChannel}` : "";
  console.log(
    `slackbot: ${options.command ?? "/appointments"} ready, ${where}; coreplus ${coreplus}; state in ${state}${activity}`,
  );
  const shutdown = (signal: string): void => {
    console.log(`slackbot: ${signal}, stopping`);
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  // Config errors carry a readable message naming the variable; anything else is printed without stack noise.
  const message = error instanceof SlackbotError ? `${error.code}: ${error.message}` : String(error);
  console.error(`slackbot: could not start: ${message}`);
  process.exit(1);
});
