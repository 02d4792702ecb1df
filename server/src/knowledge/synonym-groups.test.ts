// A scope's synonyms as CSV: one group per line, exact round trips, blank cells and lines ignored.
import { exportSynonyms, importSynonyms, SynonymImportError } from './synonym-groups';

it('exports one group per line and reads it back exactly', () => {
  const groups = [
    ['顺丰', 'SF', '快递'],
    ['尺码', 'size, EU', '="码"'],
  ];
  const csv = exportSynonyms(groups);
  expect(csv).toBe('\uFEFF顺丰,SF,快递\r\n尺码,"size, EU","\'=""码"""\r\n');
  expect(importSynonyms(csv)).toEqual(groups);
  expect(exportSynonyms(importSynonyms(csv))).toBe(csv);
});

it('trims words, drops blanks and repeated words, and refuses a lone word', () => {
  expect(importSynonyms(' 退款 ,退钱,,退款\r\n\r\n,\n')).toEqual([['退款', '退钱']]);
  expect(() => importSynonyms('退款,退钱\n孤单\n')).toThrow(SynonymImportError);
  expect(() => importSynonyms('"a,b\n')).toThrow(/not closed/);
});
