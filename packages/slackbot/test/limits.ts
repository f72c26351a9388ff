/** Checks a set of messages against Slack's Block Kit limits; returns every violation found. */
import type { types } from "@slack/bolt";

export interface MessageLike {
  text: string;
  blocks: types.KnownBlock[];
}

export function blockKitViolations(
  messages: MessageLike[],
  opts: { maxBlocks?: number; maxMessages?: number } = {},
): string[] {
  const maxBlocks = opts.maxBlocks ?? 50;
  const maxMessages = opts.maxMessages ?? 5;
  const problems: string[] = [];
  if (messages.length === 0) problems.push("no messages");
  if (messages.length > maxMessages) problems.push(`${messages.length} messages > ${maxMessages}`);
  messages.forEach((m, i) => {
    if (m.text.length === 0 || m.text.length > 4000)
      problems.push(`message ${i}: fallback text length ${m.text.length}`);
    if (m.blocks.length === 0) problems.push(`message ${i}: no blocks`);
    if (m.blocks.length > maxBlocks) problems.push(`message ${i}: ${m.blocks.length} blocks > ${maxBlocks}`);
    for (const b of m.blocks) {
      if (b.type === "section") {
        const t = b.text?.text ?? "";
        if (t.length === 0 || t.length > 3000) problems.push(`message ${i}: section text length ${t.length}`);
      } else if (b.type === "header") {
        if (b.text.text.length > 150) problems.push(`message ${i}: header length ${b.text.text.length}`);
      } else if (b.type === "context") {
        if (b.elements.length > 10) problems.push(`message ${i}: context with ${b.elements.length} elements`);
        for (const e of b.elements) {
          if ("text" in e && typeof e.text === "string" && e.text.length > 3000)
            problems.push(`message ${i}: context text too long`);
        }
      }
    }
  });
  return problems;
}

/** All visible text of the messages, joined, for "does it say X" assertions. */
export function visibleText(messages: MessageLike[]): string {
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (k === "text" && typeof v === "string") parts.push(v);
        else walk(v);
      }
    }
  };
  for (const m of messages) {
    parts.push(m.text);
    walk(m.blocks);
  }
  return parts.join("\n");
}
