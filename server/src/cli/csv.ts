// CSV files for exports on disk: the cells and lines of exports/csv.ts (quoting, the formula guard, the
// BOM), at most `maxRows` data rows per file: name.csv, name-2.csv, name-3.csv, …
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ROWS_PER_FILE, csvLine, type Cell } from '../exports/csv';

export { MAX_ROWS_PER_FILE, csvCell, csvLine, type Cell } from '../exports/csv';

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
