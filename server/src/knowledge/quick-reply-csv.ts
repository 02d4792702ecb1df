// Quick replies as CSV, with the knowledge base's CSV (csv-rows.ts: formula guard, BOM, exact round
// trips) and its reading of files (text-encoding.ts: UTF-8 or GBK from Excel, anything else refused).
// Export → import → export gives the same file. A bad row is refused with its number; nothing is kept.
import { EngineError } from '../core/errors';
import type { QuickReplyFields } from '../core/quick-replies/quick-reply';
import { readCsv, writeCsv } from './csv-rows';
import { ImportError } from './entry-codec';
import { checkImportText, decodeImportBytes } from './text-encoding';

export const QUICK_REPLY_COLUMNS = ['title', 'text', 'picture', 'cardTitle', 'cardPagePath', 'cardThumbMedia', 'cardAppId'] as const;
const MEDIA = /^media:[A-Za-z0-9_-]{1,64}$/;

export function exportQuickRepliesCsv(replies: readonly QuickReplyFields[]): string {
  return writeCsv(
    QUICK_REPLY_COLUMNS,
    replies.map((r) => [
      r.title,
      r.text,
      r.picture ?? '',
      r.card?.title ?? '',
      r.card?.pagePath ?? '',
      r.card?.thumbMedia ?? '',
      r.card?.appId ?? '',
    ]),
  );
}

function rowFields(cells: Record<string, string>, n: number): QuickReplyFields {
  const card = cells.cardTitle || cells.cardPagePath || cells.cardThumbMedia;
  if (card && !(cells.cardTitle && cells.cardPagePath && cells.cardThumbMedia))
    throw new ImportError([`row ${n}: a card needs cardTitle, cardPagePath and cardThumbMedia`]);
  for (const k of ['picture', 'cardThumbMedia'] as const)
    if (cells[k] && !MEDIA.test(cells[k])) throw new ImportError([`row ${n}.${k}: "media:<id>" of a stored picture`]);
  return {
    title: cells.title ?? '',
    text: cells.text ?? '',
    ...(cells.picture && { picture: cells.picture }),
    ...(card && {
      card: {
        title: cells.cardTitle as string,
        pagePath: cells.cardPagePath as string,
        thumbMedia: cells.cardThumbMedia as string,
        ...(cells.cardAppId && { appId: cells.cardAppId }),
      },
    }),
  };
}

function parse(text: string): QuickReplyFields[] {
  const [header, ...rows] = readCsv(text);
  if (!header || !header.includes('title') || !header.includes('text'))
    throw new ImportError([`the first row must name the columns: ${QUICK_REPLY_COLUMNS.join(', ')}`]);
  const unknown = header.filter((h) => !(QUICK_REPLY_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) throw new ImportError([`unknown columns: ${unknown.join(', ')}`]);
  return rows.map((row, i) => rowFields(Object.fromEntries(header.map((h, j) => [h, row[j] ?? ''])), i + 2));
}

/** The file's replies (bytes: UTF-8 or GBK detected; text: as decoded by the client); 400 invalid_input when unreadable. */
export function importQuickRepliesCsv(data: string | Uint8Array): QuickReplyFields[] {
  try {
    return parse(typeof data === 'string' ? checkImportText(data) : decodeImportBytes(data).text);
  } catch (err) {
    if (err instanceof ImportError) throw new EngineError('invalid_input', err.problems.slice(0, 20).join('; '));
    if (err instanceof Error && err.message.startsWith('CSV:')) throw new EngineError('invalid_input', err.message);
    throw err;
  }
}
