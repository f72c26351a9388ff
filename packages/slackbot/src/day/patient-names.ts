/**
 * Client names for patient labels, read from coreplus client records and kept briefly in memory.
 * Only first, last and preferred names are kept: never a date of birth, contact detail or note.
 */
import type { CoreplusClient } from "@coreplus-kit/core";
import { CoreplusNotFoundError } from "@coreplus-kit/core";
import type { ClientNameParts } from "./patient-label.js";

/** Options of `createPatientNames`. */
export interface PatientNamesOptions {
  /** How long a name is reused, default 10 minutes. */
  ttlMs?: number;
  /** At most this many names are kept, default 5000. */
  maxEntries?: number;
  /** Above this many unknown clients, one walk of the client list beats one request each. Default 12. */
  listThreshold?: number;
  now?: () => number;
}

/** Looks up client names by id. */
export interface PatientNames {
  /** Names for the ids (lower-cased keys); an id missing from the result has no readable record. */
  lookup(clientIds: readonly string[], signal?: AbortSignal): Promise<Map<string, ClientNameParts>>;
  clear(): void;
}

const pick = (c: ClientNameParts): ClientNameParts => ({
  firstName: c.firstName ?? "",
  lastName: c.lastName ?? "",
  preferredName: c.preferredName ?? "",
});

/** A name cache over the coreplus client. */
export function createPatientNames(client: CoreplusClient, opts: PatientNamesOptions = {}): PatientNames {
  const ttlMs = opts.ttlMs ?? 10 * 60_000;
  const maxEntries = opts.maxEntries ?? 5000;
  const listThreshold = opts.listThreshold ?? 12;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { parts: ClientNameParts; at: number }>();

  const remember = (id: string, parts: ClientNameParts): void => {
    if (cache.size >= maxEntries) {
      // Map iteration is insertion order, so this drops the oldest entry.
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.delete(id);
    cache.set(id, { parts: pick(parts), at: now() });
  };

  async function fetchOne(id: string, signal: AbortSignal | undefined): Promise<void> {
    try {
      remember(id, await client.clients.get(id, signal ? { signal } : {}));
    } catch (error) {
      // A deleted or merged client leaves the label unknown rather than failing the whole day.
      if (!(error instanceof CoreplusNotFoundError)) throw error;
    }
  }

  async function walkList(wanted: Set<string>, signal: AbortSignal | undefined): Promise<void> {
    for await (const c of client.clients.iterate({ pageSize: 100 }, signal ? { signal } : {})) {
      const id = c.clientId.toLowerCase();
      remember(id, c);
      wanted.delete(id);
      if (wanted.size === 0) return;
    }
  }

  return {
    async lookup(clientIds, signal) {
      const ids = [...new Set(clientIds.map((id) => id.toLowerCase()))];
      const fresh = (id: string): boolean => {
        const hit = cache.get(id);
        return hit !== undefined && now() - hit.at < ttlMs;
      };
      const missing = ids.filter((id) => !fresh(id));
      if (missing.length > listThreshold) {
        const wanted = new Set(missing);
        await walkList(wanted, signal);
        // Clients the list did not show (e.g. status Deleted) are still worth one direct read each.
        await Promise.all([...wanted].map((id) => fetchOne(id, signal)));
      } else {
        await Promise.all(missing.map((id) => fetchOne(id, signal)));
      }
      const result = new Map<string, ClientNameParts>();
      for (const id of ids) {
        const hit = cache.get(id);
        if (hit) result.set(id, hit.parts);
      }
      return result;
    },
    clear() {
      cache.clear();
    },
  };
}
