import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { SplitCsvWriter, csvCell, csvLine } from './csv';

/** A minimal RFC 4180 reader, to check that what we write reads back. */
function parseLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      i += 1;
      for (;;) {
        const q = line.indexOf('"', i);
        cell += line.slice(i, q);
        i = q + 1;
        if (line[i] !== '"') break;
        cell += '"';
        i += 1;
      }
    } else {
      const end = line.indexOf(',', i);
      cell = line.slice(i, end === -1 ? line.length : end);
      i = end === -1 ? line.length : end;
    }
    cells.push(cell);
    if (line[i] !== ',') return cells;
    i += 1;
  }
}

describe('csv cells', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 3, true, undefined])).toBe('"a,b","say ""hi""","two\nlines",3,true,\r\n');
  });

  it('neutralises formulas in text, not numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const lead of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${lead}1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('中文,昵称')).toBe('"中文,昵称"');
  });

  it('reads back what it wrote (text not starting a formula)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s)),
          { minLength: 1, maxLength: 5 },
        ),
        (cells) => {
          expect(parseLine(csvLine(cells).slice(0, -2))).toEqual(cells);
        },
      ),
    );
  });
});

describe('SplitCsvWriter', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kefu-csv-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts a new file after maxRows, each with the header', () => {
    const w = new SplitCsvWriter(dir, 'channels', ['id']);
    for (let i = 0; i < 4001; i++) w.write([`c${i}`]);
    expect(w.close().map((f) => f.slice(dir.length + 1))).toEqual(['channels.csv', 'channels-2.csv', 'channels-3.csv']);
    const rows = (f: string) =>
      readFileSync(join(dir, f), 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter(Boolean);
    expect(rows('channels.csv')).toHaveLength(2001);
    expect(rows('channels-2.csv')[0]).toBe('id');
    expect(rows('channels-2.csv')[1]).toBe('c2000');
    expect(rows('channels-3.csv')).toEqual(['id', 'c4000']);
  });

  it('writes a header-only file when there is nothing, and exactly one file at the limit', () => {
    expect(new SplitCsvWriter(dir, 'empty', ['id']).close()).toHaveLength(1);
    const w = new SplitCsvWriter(dir, 'full', ['id'], 3);
    for (let i = 0; i < 3; i++) w.write([i]);
    expect(w.close()).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['empty.csv', 'full.csv']);
  });
});
