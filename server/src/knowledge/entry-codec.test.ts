// Import and export of entries with similar questions: exact round trips in CSV and JSON, files written
// before similar questions existed, and the one-line rule.
import type { EntryFields } from './entry';
import { exportEntries, importEntries, ImportError } from './entry-codec';

const base = { enabled: true, robotIds: [], welcome: false, handoff: false };
const ENTRIES: EntryFields[] = [
  {
    ...base,
    number: 1,
    type: 'text',
    keywords: ['保修'],
    text: '一年保修',
    similarQuestions: ['坏了能修吗', '保修|多久', '=1+1 算吗', '他说"包修"', 'is it, covered?'],
  },
  { ...base, number: 2, type: 'text', keywords: ['发货'], text: '48小时内发货', similarQuestions: [] },
];

it.each(['csv', 'json'] as const)('%s export → import → export is exact with similar questions', (format) => {
  const text = exportEntries(ENTRIES, format);
  const back = importEntries(text, format);
  expect(back).toEqual(ENTRIES);
  expect(exportEntries(back, format)).toBe(text);
});

it('keeps similar questions one per line in their CSV cell', () => {
  const csv = exportEntries(ENTRIES, 'csv');
  expect(csv.split('\r\n')[0]).toBe(
    '\uFEFFnumber,type,keywords,text,title,description,url,pagePath,appId,media,thumb,expiresAt,enabled,robotIds,welcome,handoff,leadText,similarQuestions',
  );
  expect(csv).toContain('"坏了能修吗\n保修|多久\n=1+1 算吗\n他说""包修""\nis it, covered?"');
});

it('reads files written before similar questions existed as having none', () => {
  expect(importEntries('number,type,keywords,text\r\n1,text,a,b\r\n', 'csv')[0]?.similarQuestions).toEqual([]);
  expect(importEntries('[{"number":1,"type":"text","text":"b"}]', 'json')[0]?.similarQuestions).toEqual([]);
  // Excel may save a cell's lines with CRLF.
  const crlf = 'number,type,text,similarQuestions\r\n1,text,b,"x\r\ny"\r\n';
  expect(importEntries(crlf, 'csv')[0]?.similarQuestions).toEqual(['x', 'y']);
});

it('refuses a similar question with a line break in JSON', () => {
  expect(() => importEntries('[{"number":1,"type":"text","text":"b","similarQuestions":["a\\nb"]}]', 'json')).toThrow(ImportError);
});
