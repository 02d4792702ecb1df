// The gloss bridge: a question word meets the knowledge base's words of the same meaning through
// CC-CEDICT's English glosses (gloss-dictionary.ts), where the word itself, the lexicon's synonyms and the
// sound find nothing better (the index credits a bridged word only there, and for less than a synonym).
// Two words are related as strongly as their closest senses are alike: the cosine of the senses' gloss
// words, each weighted by its rarity among the dictionary's words, so sharing "repair" counts and
// sharing "good" hardly does. An English word typed in a question is a sense of one
// gloss word (refund → 退款 "to refund") beside its sets of English synonyms (mend → repair).
//
// Built per index for the knowledge base's own words only (what a question word could be bridged to),
// Chinese words of two characters or more (a single character has too many senses: among 10,000 entries
// it tied questions to entries they did not ask for) and English words; a question word's related words
// are worked out when it is first asked and remembered.
import { type GlossDictionary, glossDictionary, sensesOf } from './gloss-dictionary';

/** Below this a pair of senses is not related (cosine, 0..1). */
export const BRIDGE_MIN = 0.5;
/** At most this many related words per question word, the strongest. */
const BRIDGE_MAX = 8;
const MEMO_MAX = 20_000;

export interface Related {
  /** The knowledge base's term (the caller's id). */
  id: number;
  /** 0..1: how alike the two words' closest senses are. */
  strength: number;
}

const HAN_WORD = /^[\u4e00-\u9fff]+$/;
const LATIN_WORD = /^[a-z]{3,}$/;

export class GlossBridge {
  private readonly dict: GlossDictionary;
  /** Per sense of a knowledge-base word: its term id and the square of its norm. */
  private readonly senseTerm: number[] = [];
  private readonly senseNorm: number[] = [];
  /** Gloss id → the knowledge-base senses that have it. */
  private readonly byGloss = new Map<number, number[]>();
  private readonly memo = new Map<string, readonly Related[]>();
  private readonly dot: Float64Array;

  /** `terms`: the knowledge base's words with their ids. */
  constructor(terms: Iterable<[string, number]>) {
    this.dict = glossDictionary();
    for (const [term, id] of terms) {
      if (!(HAN_WORD.test(term) && term.length > 1) && !LATIN_WORD.test(term)) continue;
      for (const sense of sensesOf(this.dict, term)) this.addSense(id, sense);
    }
    this.dot = new Float64Array(this.senseTerm.length);
  }

  private addSense(id: number, sense: readonly number[]): void {
    const slot = this.senseTerm.length;
    this.senseTerm.push(id);
    let norm = 0;
    for (const g of sense) {
      norm += (this.dict.idf[g] as number) ** 2;
      const list = this.byGloss.get(g);
      if (list) list.push(slot);
      else this.byGloss.set(g, [slot]);
    }
    this.senseNorm.push(norm);
  }

  /** The knowledge base's words related to `term` (a question's word), strongest first; never itself. */
  related(term: string, own: number | undefined): readonly Related[] {
    let found = this.memo.get(term);
    if (!found) {
      if (this.memo.size >= MEMO_MAX) this.memo.clear();
      found = this.compute(term, own);
      this.memo.set(term, found);
    }
    return found;
  }

  private questionSenses(term: string): number[][] {
    if (HAN_WORD.test(term)) return sensesOf(this.dict, term);
    const id = LATIN_WORD.test(term) ? this.dict.ids.get(term) : undefined;
    return id === undefined ? [] : [[id], ...sensesOf(this.dict, term)];
  }

  private compute(term: string, own: number | undefined): readonly Related[] {
    const best = new Map<number, number>();
    for (const sense of this.questionSenses(term)) {
      const touched: number[] = [];
      let norm = 0;
      for (const g of sense) {
        const w = (this.dict.idf[g] as number) ** 2;
        norm += w;
        for (const slot of this.byGloss.get(g) ?? []) {
          if (this.dot[slot] === 0) touched.push(slot);
          this.dot[slot] = (this.dot[slot] as number) + w;
        }
      }
      for (const slot of touched) {
        const cosine = (this.dot[slot] as number) / Math.sqrt(norm * (this.senseNorm[slot] as number));
        this.dot[slot] = 0;
        const id = this.senseTerm[slot] as number;
        if (cosine >= BRIDGE_MIN && id !== own && cosine > (best.get(id) ?? 0)) best.set(id, cosine);
      }
    }
    return [...best]
      .map(([id, strength]) => ({ id, strength: Math.min(1, strength) }))
      .sort((a, b) => b.strength - a.strength || a.id - b.id)
      .slice(0, BRIDGE_MAX);
  }
}
