/** Abort helpers built on Web APIs only (AbortSignal, setTimeout). */

/** The reason an aborted signal carries, as something throwable. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

// One real "abort" listener per signal, however many waiters share it: Node warns
// (MaxListenersExceededWarning) from the 11th listener on one EventTarget, and a page or a server that
// passes one signal to many concurrent requests is ordinary use, not a leak.
interface Subscribers {
  readonly handlers: Set<() => void>;
  readonly listener: () => void;
}
const subscribers = new WeakMap<AbortSignal, Subscribers>();

/**
 * Runs `handler` once when `signal` aborts; returns the function that unsubscribes it. All handlers of a
 * signal share one listener, removed from the signal when the last of them unsubscribes.
 */
export function onAbort(signal: AbortSignal, handler: () => void): () => void {
  let subs = subscribers.get(signal);
  if (subs === undefined) {
    const handlers = new Set<() => void>();
    const listener = (): void => {
      subscribers.delete(signal);
      for (const h of handlers) h();
    };
    subs = { handlers, listener };
    subscribers.set(signal, subs);
    signal.addEventListener("abort", listener, { once: true });
  }
  const own = subs;
  // A wrapper per call, so the same function subscribed twice is two subscriptions.
  const entry = (): void => handler();
  own.handlers.add(entry);
  return () => {
    own.handlers.delete(entry);
    if (own.handlers.size === 0 && subscribers.get(signal) === own) {
      subscribers.delete(signal);
      signal.removeEventListener("abort", own.listener);
    }
  };
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const timer = setTimeout(() => {
      unsubscribe?.();
      resolve();
    }, ms);
    const unsubscribe =
      signal === undefined
        ? undefined
        : onAbort(signal, () => {
            clearTimeout(timer);
            reject(abortReason(signal));
          });
  });
}
