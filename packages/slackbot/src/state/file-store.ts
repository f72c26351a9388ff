/**
 * The default home of the bot's state: one JSON file, rewritten atomically (a temporary file, then a
 * rename) after every change, so a crash leaves the old or the new file, never half of one. Meant for
 * one bot process; several processes share state through Redis instead.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { SlackbotConfigError } from "../errors.js";
import { EntryMap, entryMapStore, type StateStore } from "./store.js";

interface FileShape {
  version: 1;
  entries: Record<string, { value: unknown; expiresAt?: number }>;
}

/** Opens (or creates on first write) the store at `path`; a file that is not the bot's is refused. */
export async function createFileStore(path: string): Promise<StateStore> {
  const map = new EntryMap();
  let raw: string | undefined;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code !== "ENOENT") throw error;
  }
  if (raw !== undefined && raw.trim() !== "") {
    let parsed: FileShape;
    try {
      parsed = JSON.parse(raw) as FileShape;
    } catch (cause) {
      throw new SlackbotConfigError(`SLACKBOT_STATE_FILE ${path} is not JSON`, { cause });
    }
    if (parsed.version !== 1 || typeof parsed.entries !== "object" || parsed.entries === null)
      throw new SlackbotConfigError(`SLACKBOT_STATE_FILE ${path} is not a state file of this bot`);
    for (const [key, entry] of Object.entries(parsed.entries)) map.entries.set(key, entry);
  }

  // Writes are serialised: each waits for the one before, so the file always ends as the last state.
  let writing: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    writing = writing.then(async () => {
      map.prune();
      const shape: FileShape = { version: 1, entries: Object.fromEntries(map.entries) };
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(shape)}\n`, { mode: 0o600 });
      await rename(temporary, path);
    });
    return writing;
  };

  return entryMapStore(map, save, async () => {
    await writing;
  });
}
