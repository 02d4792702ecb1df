// Synonym groups: a word of a group stands for the whole group, in the entries and in the questions, so
// 退钱 finds an entry that only says 退款. A group adds one extra term (=<n>) beside the word itself, so
// the exact word still counts more than a synonym.
import { stem } from './english-stem';
import { BUILT_IN_SYNONYMS } from './synonyms-lexicon';
import { fold } from './text-folding';

/** The built-in groups, then `extra` (a channel's own). */
export function synonymGroups(extra: readonly (readonly string[])[] = []): string[][] {
  return [...BUILT_IN_SYNONYMS, ...extra].map((g) => [...g]);
}

/** word → the groups it belongs to, by the form words take as terms (folded, English stemmed). */
export class SynonymTable {
  private readonly groups = new Map<string, number[]>();
  /** Multi-character Chinese words of the groups: the segmenter must know them. */
  readonly hanWords: string[] = [];
  /** Every word of the groups, folded, with its group: tokens.ts finds those that are several words. */
  readonly words: [string, number][] = [];

  constructor(groups: readonly (readonly string[])[]) {
    groups.forEach((g, n) => {
      for (const raw of g) {
        const w = fold(raw);
        if (!w) continue;
        this.words.push([w, n]);
        if (/^[a-z]+ [a-z ]+$/.test(w)) continue; // an English phrase: tokens.ts finds it by its words
        const key = /^[a-z]+$/.test(w) ? stem(w) : w.replace(/ /g, '');
        const list = this.groups.get(key) ?? [];
        if (!list.includes(n)) list.push(n);
        this.groups.set(key, list);
        if (!/[a-z0-9]/.test(w) && w.length > 1) this.hanWords.push(w);
      }
    });
  }

  /** The group terms of a term (none for most). */
  of(term: string): readonly number[] | undefined {
    return this.groups.get(term);
  }
}

let builtIn: SynonymTable | undefined;
export const builtInSynonyms = (): SynonymTable => (builtIn ??= new SynonymTable(BUILT_IN_SYNONYMS));
