// How an entry reads in an agent's search results: a name (its title, else its keywords) and a preview of
// what the customer would receive. Placeholders stay as written ([name] is filled only when sent); {br}
// shows as the line break it becomes. Media entries say what they are, since a list shows no pictures.
import type { KnowledgeEntry } from './entry';

const PREVIEW_CHARS = 300;

export function entryQuestion(e: KnowledgeEntry): string {
  return e.title?.trim() || e.keywords.join(' / ') || `#${e.number}`;
}

function describe(e: KnowledgeEntry): string {
  const lines = (...parts: (string | undefined)[]) => parts.filter((p) => p !== undefined && p.trim() !== '').join('\n');
  switch (e.type) {
    case 'text':
      return e.text ?? '';
    case 'link':
      return lines(e.title, e.description, e.url);
    case 'miniprogram':
      return lines(`[mini program card] ${e.title ?? ''}`.trim(), e.pagePath);
    case 'image':
      return lines('[picture]', e.title, e.description);
    case 'voice':
      return lines('[voice]', e.title);
    case 'video':
      return lines('[video]', e.title, e.description);
  }
}

export function entryPreview(e: KnowledgeEntry): string {
  const text = describe(e).replace(/\{br\}/gi, '\n');
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}
