// CSV for exports, shared by the CLI (files on disk) and the REST API (downloads): RFC 4180 quoting,
// cells a spreadsheet would run as a formula neutralised (OWASP "CSV injection": a leading = + - @ tab
// or CR gets a ' in front), a UTF-8 BOM so Excel reads Chinese correctly, and at most MAX_ROWS_PER_FILE
// data rows per file.

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
