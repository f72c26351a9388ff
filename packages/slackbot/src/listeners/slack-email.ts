/** Reading a Slack user's profile email (users.info; scopes users:read and users:read.email). */
import type { Logger, webApi } from "@slack/bolt";
import type { LookupEmail } from "../access/link-practitioner.js";

/**
 * A LookupEmail over the Web API. A failure (missing scope, unknown user) reads as "no email", so the
 * user is told how to get linked instead of seeing an error; the cause is logged for whoever runs the bot.
 */
export function slackEmailLookup(client: webApi.WebClient, logger: Logger): LookupEmail {
  return async (userId) => {
    try {
      const result = await client.users.info({ user: userId });
      const email = result.user?.profile?.email?.trim();
      return email ? email : undefined;
    } catch (error) {
      const code =
        (error as { data?: { error?: string }; code?: string }).data?.error ??
        (error as { code?: string }).code;
      logger.warn(
        `users.info failed for ${userId} (${code ?? "unknown error"}); treating the user as unlinked`,
      );
      return undefined;
    }
  };
}
