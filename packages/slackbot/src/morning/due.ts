/**
 * When a morning message is due, as a pure function of the clock: the subscription's wall-clock time
 * on today's local date in the clinic's zone, turned into an instant with the zone's rules for that
 * date (so DST changes move it with the clock on the wall), on the chosen days only.
 */
import { addDays, dateInZone, weekdayOf, zonedTimeToInstant } from "@coreplus-kit/core";
import type { Subscription } from "./subscriptions.js";

/**
 * The local date whose message is due at `now`, or undefined. Due from the chosen time until
 * `catchUpMs` after it, so a bot that was down at 07:30 and starts at 07:40 still sends; whether it
 * was already sent is the caller's claim, not this function's.
 * @example dueDate({ userId: "U1", time: "07:30", days: [1,2,3,4,5] }, new Date("2026-12-03T07:30:05+11:00"), "Australia/Melbourne", 3_600_000) // "2026-12-03"
 */
export function dueDate(
  subscription: Pick<Subscription, "time" | "days">,
  now: Date,
  zone: string,
  catchUpMs: number,
): string | undefined {
  const date = dateInZone(now, zone);
  if (!subscription.days.includes(weekdayOf(date))) return undefined;
  const at = zonedTimeToInstant(date, subscription.time, zone).getTime();
  const t = now.getTime();
  return t >= at && t < at + catchUpMs ? date : undefined;
}

/** The next instant a subscription fires after `now` (for telling the user), within two weeks. */
export function nextSend(
  subscription: Pick<Subscription, "time" | "days">,
  now: Date,
  zone: string,
): Date | undefined {
  let date = dateInZone(now, zone);
  for (let i = 0; i < 15; i += 1) {
    if (subscription.days.includes(weekdayOf(date))) {
      const at = zonedTimeToInstant(date, subscription.time, zone);
      if (at.getTime() > now.getTime()) return at;
    }
    date = addDays(date, 1);
  }
  return undefined;
}
