/**
 * Lets pending I/O run before more CPU work. When one coreplus fetch answers many waiting commands,
 * their continuations would otherwise all run in one microtask burst, and new requests waiting for
 * their acknowledgement would sit behind it. setImmediate runs right after the poll phase.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
