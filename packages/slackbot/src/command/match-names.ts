/**
 * Matching what staff type ("sarah", "Dr Chen", "southbank") to practitioners and locations, and
 * near-miss suggestions when nothing matches ("sara chen" → "Sarah Chen").
 */

const TITLES = new Set(["dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor"]);

/** Lower case, accents and punctuation removed, single spaces. */
export function normalizeName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function words(text: string): string[] {
  return normalizeName(text)
    .split(" ")
    .filter((w) => w !== "" && !TITLES.has(w));
}

/** Damerau–Levenshtein distance (optimal string alignment): one typo, one transposition = 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Something a user can name: its id, its display name and any other names it answers to. */
export interface Nameable {
  id: string;
  name: string;
  aliases?: readonly string[];
}

/** The result of matching typed text against a list of names. */
export type NameMatch<T extends Nameable> =
  | { kind: "one"; item: T }
  | { kind: "many"; items: T[] }
  | { kind: "none"; suggestions: T[] };

/**
 * Finds the items the text names. Every typed word must start a different word of the item's name
 * (titles such as "Dr" are ignored), so "sarah", "chen", "s chen" and "Dr Sarah Chen" all name
 * Sarah Chen. An exact full-name match beats partial ones. With no match, the near misses come back
 * as suggestions.
 */
export function matchName<T extends Nameable>(text: string, items: readonly T[]): NameMatch<T> {
  const typed = words(text);
  if (typed.length === 0) return { kind: "none", suggestions: [] };
  const typedJoined = typed.join(" ");

  const exact = items.filter((item) => allNames(item).some((n) => words(n).join(" ") === typedJoined));
  if (exact.length === 1) return { kind: "one", item: exact[0]! };
  if (exact.length > 1) return { kind: "many", items: exact };

  const partial = items.filter((item) => allNames(item).some((n) => wordsArePrefixes(typed, words(n))));
  if (partial.length === 1) return { kind: "one", item: partial[0]! };
  if (partial.length > 1) return { kind: "many", items: partial };

  return { kind: "none", suggestions: nearMisses(typedJoined, items) };
}

function allNames(item: Nameable): string[] {
  return [item.name, ...(item.aliases ?? [])];
}

/** True when each typed word is a prefix of a distinct word of the name (greedy is enough for names). */
function wordsArePrefixes(typed: string[], nameWords: string[]): boolean {
  const left = [...nameWords];
  for (const t of typed) {
    const i = left.findIndex((w) => w.startsWith(t));
    if (i === -1) return false;
    left.splice(i, 1);
  }
  return true;
}

/** How far a typed text may be from a name and still count as a near miss. */
function tolerance(length: number): number {
  return length <= 3 ? 1 : length <= 7 ? 2 : 3;
}

/** Items whose name (or one word of it) is within a few typos of the text, closest first, at most 3. */
export function nearMisses<T extends Nameable>(typed: string, items: readonly T[]): T[] {
  const text = words(typed).join(" ");
  if (text === "") return [];
  const scored: { item: T; score: number }[] = [];
  for (const item of items) {
    let score = Number.POSITIVE_INFINITY;
    for (const name of allNames(item)) {
      const nameWords = words(name);
      score = Math.min(score, editDistance(text, nameWords.join(" ")));
      for (const w of nameWords) score = Math.min(score, editDistance(text, w));
    }
    if (score <= tolerance(text.length)) scored.push({ item, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.item.name.localeCompare(b.item.name))
    .slice(0, 3)
    .map((s) => s.item);
}

/** The grammar keyword a mistyped word most likely meant ("tomorow" → "tomorrow"), if any. */
export function nearKeyword(word: string, keywords: readonly string[]): string | undefined {
  const w = normalizeName(word);
  if (w.length < 3) return undefined;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const k of keywords) {
    const score = editDistance(w, k);
    if (score < bestScore && score <= tolerance(k.length) - (k.length <= 4 ? 0 : 1)) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}
