/** Publishing the App Home tab for one user: a loading view if coreplus is slow, then the day. */
import { formatInZone } from "@coreplus-kit/core";
import type { Logger, webApi } from "@slack/bolt";
import { answerHome } from "../answer/answer-request.js";
import { scheduleText } from "../answer/answer-schedule.js";
import { homeView } from "../blocks/home-view.js";
import { morningControls } from "../blocks/morning-controls.js";
import type { ListenerDeps } from "./deps.js";
import { slackEmailLookup } from "./slack-email.js";

/** After this long without an answer, the tab shows "Loading…" so it is never blank or stale-looking. */
const LOADING_AFTER_MS = 1000;

/** Loads the user's day and publishes their Home tab; audits the request. */
export async function publishHome(
  deps: ListenerDeps,
  client: webApi.WebClient,
  logger: Logger,
  userId: string,
  teamId?: string,
): Promise<void> {
  const started = deps.wallClock();
  const at = new Date(started).toISOString();
  const { services } = deps;
  let answered = false;
  let loadingPublish: Promise<unknown> | undefined;
  const loading = setTimeout(() => {
    if (answered) return;
    loadingPublish = client.views
      .publish({
        user_id: userId,
        view: {
          type: "home",
          blocks: [
            { type: "section", text: { type: "mrkdwn", text: "Loading your appointments from coreplus…" } },
          ],
        },
      })
      .catch((error: unknown) => logger.warn(`views.publish (loading) failed: ${String(error)}`));
  }, LOADING_AFTER_MS);
  try {
    const { content, audit } = await answerHome(services, {
      userId,
      lookupEmail: slackEmailLookup(client, logger),
    });
    answered = true;
    clearTimeout(loading);
    const zone = content.kind === "day" ? content.answer.zone : (services.timezone ?? "UTC");
    const updatedAt = formatInZone(services.now(), zone).slice(11, 16);
    // The final view must land after the loading one, never before it.
    await loadingPublish;
    deps.audit({
      at,
      surface: "home",
      user: userId,
      ...(teamId ? { team: teamId } : {}),
      ...audit,
      ms: deps.wallClock() - started,
    });
    await client.views.publish({
      user_id: userId,
      // The morning controls only for someone with a day to send (not while unlinked or failing).
      view: homeView(content, {
        updatedAt,
        command: services.command,
        ...(content.kind === "day" ? { morning: await morning(zone) } : {}),
      }),
    });
  } finally {
    answered = true;
    clearTimeout(loading);
  }

  async function morning(zone: string) {
    const subscription = await services.subscriptions.get(userId).catch(() => undefined);
    return morningControls(subscription, subscription ? scheduleText(subscription, zone) : undefined);
  }
}
