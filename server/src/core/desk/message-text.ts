// The words of a message that search finds: what the customer or agent wrote or WeChat transcribed, and
// the titles of what was shared. The SQL adapters index the same fields (storage/message-text-sql.ts).
import type { MessageContent } from '../model/message';

export function searchableText(content: MessageContent): string | undefined {
  switch (content.type) {
    case 'text':
      return content.text;
    case 'voice':
      return content.recognition;
    case 'link':
      return `${content.title} ${content.description}`;
    case 'miniprogrampage':
    case 'file':
      return content.title;
    case 'location':
      return content.label;
    default:
      return undefined;
  }
}

/** The trigram indexes need three characters; shorter words (most Chinese words have two) are found by a scan. */
export const INDEXED_QUERY_MIN_CHARS = 3;

export const charCount = (text: string): number => [...text].length;

/** Substring match ignoring ASCII case only, as SQLite's LIKE and FTS5's trigram tokenizer do. */
export function containsText(haystack: string, needle: string): boolean {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return fold(haystack).includes(fold(needle));
}
