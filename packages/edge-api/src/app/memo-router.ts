/**
 * The app's router: Hono's TrieRouter (the only one of Hono's routers that takes both
 * `POST …/bookings/lookup` and `…/bookings/:token/cancel`; the default SmartRouter settles on it)
 * with its answers remembered per method and path. The routes are fixed once the app is built, so
 * a path always matches the same handlers and parameters; the trie's search (splitting the path,
 * walking the nodes, copying parameters) cost ~6 µs of a cached availability answer's ~50 µs of
 * JavaScript, a remembered match a Map lookup. Only short paths are remembered (a manage token's
 * path never is), in a bounded LRU, so odd paths cannot grow it.
 */
import type { Result, Router } from "hono/router";
import { TrieRouter } from "hono/router/trie-router";
import { BoundedMap } from "../internal/bounded-map.js";

/** Longer paths are matched every time (they are rare and may carry a token). */
export const MEMO_PATH_MAX = 96;

/** A router that remembers up to `max` matches of the router it wraps (default: a TrieRouter). */
export class MemoRouter<T> implements Router<T> {
  readonly name: string;
  readonly #inner: Router<T>;
  readonly #matches: BoundedMap<Result<T>>;
  constructor(inner: Router<T> = new TrieRouter<T>(), max = 500) {
    this.#inner = inner;
    this.#matches = new BoundedMap(max);
    this.name = `MemoRouter + ${inner.name}`;
  }
  add(method: string, path: string, handler: T): void {
    this.#inner.add(method, path, handler);
  }
  match(method: string, path: string): Result<T> {
    if (path.length > MEMO_PATH_MAX) return this.#inner.match(method, path);
    const key = `${method} ${path}`;
    let result = this.#matches.get(key);
    if (result === undefined) {
      result = this.#inner.match(method, path);
      this.#matches.set(key, result);
    }
    return result;
  }
}
