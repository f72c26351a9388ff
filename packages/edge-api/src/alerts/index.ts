/** Alerts for staff: the booking-rate alert posted to a webhook (the Slack bot's /slack/alerts). */
export {
  type AlertPosterOptions,
  type AlertWebhook,
  alertBody,
  alertHookFromEnv,
  alertWebhookFromEnv,
  type CeilingAlert,
  createAlertPoster,
} from "./alert-webhook.js";
