/**
 * Who gets a morning message, when: one subscription per Slack user (a wall-clock time in the clinic's
 * zone and the days of the week), kept in the state store under one key.
 */
import { z } from "zod";
import type { Weekday } from "../command/parse-schedule.js";
import type { StateStore } from "../state/store.js";

/** One person's morning message. */
export const Subscription = z.object({
  userId: z.string().regex(/^[UW][A-Z0-9]+$/),
  /** "HH:mm" in the clinic's zone. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  days: z.array(z.number().int().min(0).max(6)).min(1),
});
export type Subscription = z.infer<typeof Subscription> & { days: Weekday[] };

const Book = z.record(z.string(), Subscription);
const KEY = "morning:subscriptions";

/** The subscriptions, read and written through the state store. */
export interface SubscriptionBook {
  list(): Promise<Subscription[]>;
  get(userId: string): Promise<Subscription | undefined>;
  put(subscription: Subscription): Promise<void>;
  remove(userId: string): Promise<boolean>;
}

/** A SubscriptionBook over `store`; a stored value that does not parse is treated as empty and logged. */
export function subscriptionBook(
  store: StateStore,
  warn: (message: string) => void = () => {},
): SubscriptionBook {
  // Changes are serialised in this process, so two quick commands never lose one another.
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<Record<string, Subscription>> => {
    const raw = await store.get<unknown>(KEY);
    if (raw === undefined) return {};
    const parsed = Book.safeParse(raw);
    if (!parsed.success) {
      warn("stored morning subscriptions did not parse; starting with none");
      return {};
    }
    return parsed.data as Record<string, Subscription>;
  };
  const change = <T>(fn: (book: Record<string, Subscription>) => T): Promise<T> => {
    const next = queue.then(async () => {
      const book = await read();
      const result = fn(book);
      await store.set(KEY, book);
      return result;
    });
    queue = next.catch(() => {});
    return next;
  };
  return {
    async list() {
      return Object.values(await read());
    },
    async get(userId) {
      return (await read())[userId];
    },
    put(subscription) {
      return change((book) => {
        book[subscription.userId] = Subscription.parse(subscription) as Subscription;
      });
    },
    remove(userId) {
      return change((book) => {
        const had = userId in book;
        delete book[userId];
        return had;
      });
    },
  };
}
