/** The bot's state store: choose a home once, at start. */

export { createFileStore } from "./file-store.js";
export { createRedisStore, type RedisStoreOptions } from "./redis-store.js";
export { createMemoryStore, type StateStore } from "./store.js";
