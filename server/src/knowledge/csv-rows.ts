// CSV for the knowledge base's import and export (RFC 4180). Round trips must be exact, so the
// spreadsheet-formula guard (a leading = + - @ tab CR gets a ') is undone on reading: a cell starting
// with ' followed by one of those characters (or another ') loses that one quote. A UTF-8 BOM is written
// so Excel reads Chinese correctly, and skipped on reading.
const GUARDED = /^[=+\-@\t\r']/;

export function writeCell(value: string): string {
  const text = GUARDED.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => `${r.map(writeCell).join(',')}\r\n`).join('')}`;
}

function unguard(cell: string): string {
  return cell.startsWith("'") && GUARDED.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Rows of cells; throws on an unterminated quote. Blank lines are skipped. */
export function readCsv(text: string): string[][] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(unguard(cell));
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (cell += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (cell += ch), i++;
    } else if (ch === '"' && cell === '') (quoted = true), i++;
    else if (ch === ',') endCell(), i++;
    else if (ch === '\r' && src[i + 1] === '\n') endRow(), (i += 2);
    else if (ch === '\n' || ch === '\r') endRow(), i++;
    else (cell += ch), i++;
  }
  if (quoted) throw new Error('CSV: a quoted cell is not closed');
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
