// CSV for exports, shared by the CLI (files on disk) and the REST API (downloads): RFC 4180 quoting,
// cells a spreadsheet would run as a formula neutralised (OWASP "CSV injection": a leading = + - @ tab
// or CR gets a ' in front), a UTF-8 BOM so Excel reads Chinese correctly, and at most MAX_ROWS_PER_FILE
// data rows per file. SplitCsvWriter writes such files on disk (name.csv, name-2.csv, …); csvText builds one
// in memory for a download.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MAX_ROWS_PER_FILE = 2000;

export type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** A whole file: the BOM, the header, the rows. */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${csvLine(header)}${rows.map(csvLine).join('')}`;
}

/** ISO 8601 in UTC, or an empty cell. */
export const isoCell = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

/** CSV files on disk, at most `maxRows` data rows each: name.csv, name-2.csv, name-3.csv, … */
export class SplitCsvWriter {
  private rows: string[] = [];
  private readonly written: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly header: readonly string[],
    private readonly maxRows = MAX_ROWS_PER_FILE,
  ) {}

  write(cells: readonly Cell[]): void {
    this.rows.push(csvLine(cells));
    if (this.rows.length === this.maxRows) this.flush();
  }

  /** Writes what is left (a header-only file when nothing was written at all) and returns every file path. */
  close(): string[] {
    if (this.rows.length > 0 || this.written.length === 0) this.flush();
    return [...this.written];
  }

  private flush(): void {
    const n = this.written.length + 1;
    const file = join(this.dir, n === 1 ? `${this.name}.csv` : `${this.name}-${n}.csv`);
    writeFileSync(file, `\uFEFF${csvLine(this.header)}${this.rows.join('')}`, { mode: 0o600 });
    this.written.push(file);
    this.rows = [];
  }
}
