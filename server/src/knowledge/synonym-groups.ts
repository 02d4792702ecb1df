// A scope's own synonyms: groups of words that mean the same to its customers ("顺丰", "SF", "快递"),
// added by admins to the built-in lexicon the matcher ships with. Stored, served and exchanged as CSV
// here; the matcher receives them as `{ synonyms }` when a scope's index is built (knowledge-base.ts).
// CSV: one group per line, one word per cell, no header; a UTF-8 BOM for Excel, skipped on reading.
import { z } from 'zod';
import { readCsv, writeCell } from './csv-rows';

export type SynonymGroups = string[][];

const word = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .refine((w) => !/[\r\n]/.test(w), 'a word is one line');
export const synonymGroups = z
  .array(z.array(word).min(2, 'a group needs at least two words').max(50))
  .max(2000)
  .describe('groups of words that mean the same, e.g. [["顺丰","SF","快递"]]');

export class SynonymImportError extends Error {
  override readonly name = 'SynonymImportError';
  constructor(readonly problems: string[]) {
    super(problems.slice(0, 20).join('; '));
  }
}

/** Trimmed, duplicate words dropped (the first kept); a group left with one word is an error of the schema. */
export function cleanGroups(groups: readonly (readonly string[])[]): SynonymGroups {
  return groups.map((g) => [...new Set(g.map((w) => w.trim()))]);
}

export function exportSynonyms(groups: SynonymGroups): string {
  return `\uFEFF${groups.map((g) => `${g.map(writeCell).join(',')}\r\n`).join('')}`;
}

export function importSynonyms(text: string): SynonymGroups {
  let rows: string[][];
  try {
    rows = readCsv(text);
  } catch (err) {
    throw new SynonymImportError([(err as Error).message]);
  }
  const groups = cleanGroups(rows.map((r) => r.filter((w) => w.trim() !== '')).filter((r) => r.length > 0));
  const parsed = synonymGroups.safeParse(groups);
  if (!parsed.success) throw new SynonymImportError(parsed.error.issues.map((i) => `group ${Number(i.path[0] ?? 0) + 1}: ${i.message}`));
  return parsed.data;
}
