// Import and export of entries as CSV or JSON, exact in both directions: export → import → export gives
// the same text. Lists are joined with | in CSV (keywords and robot ids may not contain it), except
// similar questions, which are one per line inside their cell (a question may hold a |, never a line
// break; spreadsheets show such a cell as a list). Dates are ISO 8601 with milliseconds, empty cells are
// absent fields. Import reports every bad row at once.
import type { ChannelKind } from '../core/channel';
import { entryFields, entryProblems, type EntryFields } from './entry';
import { readCsv, writeCsv } from './csv-rows';

export type ExportFormat = 'csv' | 'json';

export const CSV_COLUMNS = [
  'number',
  'type',
  'keywords',
  'text',
  'title',
  'description',
  'url',
  'pagePath',
  'appId',
  'media',
  'thumb',
  'expiresAt',
  'enabled',
  'robotIds',
  'welcome',
  'handoff',
  'leadText', // the last columns, so files written before them keep their column order
  'similarQuestions',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const OPTIONAL_TEXT = ['text', 'leadText', 'title', 'description', 'url', 'pagePath', 'appId', 'media', 'thumb'] as const;

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(readonly problems: string[]) {
    super(problems.slice(0, 20).join('; '));
  }
}

/** Drops empty optional texts so that stored, exported and re-imported entries are the same. */
export function cleanFields(e: EntryFields): EntryFields {
  const out = { ...e };
  for (const k of OPTIONAL_TEXT) if (out[k] === '') delete out[k];
  return out;
}

export function exportEntries(entries: readonly EntryFields[], format: ExportFormat): string {
  const sorted = [...entries].sort((a, b) => a.number - b.number).map(cleanFields);
  if (format === 'json') return `${JSON.stringify({ version: 1, entries: sorted.map(ordered) }, null, 2)}\n`;
  return writeCsv(CSV_COLUMNS, sorted.map(toCells));
}

/** The file's entries, each checked as a channel of `kind` sends it (entryProblems). */
export function importEntries(text: string, format: ExportFormat, kind?: ChannelKind): EntryFields[] {
  const raw = format === 'json' ? jsonRecords(text) : csvRecords(text);
  const problems: string[] = [];
  const seen = new Set<number>();
  const entries: EntryFields[] = [];
  raw.forEach((r, i) => {
    const parsed = entryFields.safeParse(r);
    const where = `entry ${i + 1}`;
    if (!parsed.success) return problems.push(...parsed.error.issues.map((x) => `${where}: ${x.path.join('.') || 'entry'}: ${x.message}`));
    const e = cleanFields(parsed.data);
    problems.push(...entryProblems(e, kind).map((p) => `${where}: ${p}`));
    if (seen.has(e.number)) problems.push(`${where}: number ${e.number} appears twice`);
    seen.add(e.number);
    entries.push(e);
  });
  if (problems.length > 0) throw new ImportError(problems);
  return entries;
}

/** A fixed key order, so equal entries export to equal text whatever order they were written in. */
function ordered(e: EntryFields): Record<string, unknown> {
  const keys: (keyof EntryFields)[] = [
    'number',
    'type',
    'keywords',
    'similarQuestions',
    ...OPTIONAL_TEXT,
    'expiresAt',
    'enabled',
    'robotIds',
    'welcome',
    'handoff',
  ];
  return Object.fromEntries(keys.filter((k) => e[k] !== undefined).map((k) => [k, e[k]]));
}

function toCells(e: EntryFields): string[] {
  const cell: Record<Column, string> = {
    number: String(e.number),
    type: e.type,
    keywords: e.keywords.join('|'),
    text: e.text ?? '',
    leadText: e.leadText ?? '',
    title: e.title ?? '',
    description: e.description ?? '',
    url: e.url ?? '',
    pagePath: e.pagePath ?? '',
    appId: e.appId ?? '',
    media: e.media ?? '',
    thumb: e.thumb ?? '',
    expiresAt: e.expiresAt === undefined ? '' : new Date(e.expiresAt).toISOString(),
    enabled: String(e.enabled),
    robotIds: e.robotIds.join('|'),
    welcome: String(e.welcome),
    handoff: String(e.handoff),
    similarQuestions: e.similarQuestions.join('\n'),
  };
  return CSV_COLUMNS.map((c) => cell[c]);
}

function jsonRecords(text: string): unknown[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ImportError(['the file is not valid JSON']);
  }
  const list = Array.isArray(doc) ? doc : (doc as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) throw new ImportError(['expected {"entries": [...]} or an array of entries']);
  return list;
}

function csvRecords(text: string): Record<string, unknown>[] {
  let rows: string[][];
  try {
    rows = readCsv(text);
  } catch (err) {
    throw new ImportError([(err as Error).message]);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0 || !header.includes('number') || !header.includes('type')) {
    throw new ImportError([
      `CSV header: expected columns ${CSV_COLUMNS.join(',')}${unknown.length ? `; unknown: ${unknown.join(',')}` : ''}`,
    ]);
  }
  return body.map((cells) => {
    const at = (c: Column) => {
      const i = header.indexOf(c);
      return i < 0 ? '' : (cells[i] ?? '');
    };
    const list = (c: Column) => (at(c) === '' ? [] : at(c).split('|'));
    const bool = (c: Column, dflt: boolean) => (at(c) === '' ? dflt : at(c) === 'true' ? true : at(c) === 'false' ? false : at(c));
    const record: Record<string, unknown> = {
      number: /^\d+$/.test(at('number')) ? Number(at('number')) : at('number'),
      type: at('type'),
      keywords: list('keywords'),
      robotIds: list('robotIds'),
      similarQuestions: at('similarQuestions') === '' ? [] : at('similarQuestions').split(/\r\n|\n|\r/),
      enabled: bool('enabled', true),
      welcome: bool('welcome', false),
      handoff: bool('handoff', false),
    };
    for (const k of OPTIONAL_TEXT) if (at(k) !== '') record[k] = at(k);
    if (at('expiresAt') !== '') {
      const ms = Date.parse(at('expiresAt'));
      record.expiresAt = Number.isNaN(ms) ? at('expiresAt') : ms;
    }
    return record;
  });
}
