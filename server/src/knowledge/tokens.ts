// Turning a text into the words it is matched on. Folded first (text-folding.ts), then cut into pieces:
// runs of Chinese characters are segmented into words (segmenter.ts), Latin text becomes lower-case
// stemmed words, digits stay numbers; filler words (请问, 亲, 呢, please …) are dropped. Each word
// brings weaker terms that stand for it: its synonym groups (=n), syllable pairs of the sound around it
// (~kai_fa: Chinese and pinyin typed in Latin letters alike) and character bigrams (#退货) for what the
// segmentation cut differently. The index credits a word once, by the best evidence found for it.
import { CONTRACTED, ENGLISH_STOP, stem } from './english-stem';
import { hanSyllables, latinSyllables } from './phonetic';
import { cutHan } from './segmenter';
import { builtInSynonyms, type SynonymTable } from './synonyms';
import { fold, isHan } from './text-folding';

/** Folded for comparing keywords: what a question must equal to be a keyword. */
export const normalize = fold;

/**
 * Particles, pronouns and courtesies: never content. Question words (什么, 怎么, 哪里, 多少) are kept:
 * they tell "which courier" from "where is my parcel", and general rarity (general-rarity.ts) already
 * makes everyday words weak evidence.
 */
const HAN_FILLER = new Set(
  '东西 要 需要 帮 帮忙 帮我 一点 有点 的 了 吗 呢 吧 啊 么 呀 啦 嘛 呗 哈 哈哈 嗯 哦 噢 喔 额 呃 亲 亲亲 请问 请 问 问下 问一下 一下 我 你 您 他 她 我们 你们 是 在 那个 这个 就 还 都 也 又 得 地 着 过 个 想 想要 一个 可以 能 能不能 可不可以 有没有 麻烦 谢谢 好的 好 现在 已经 一直 还是 然后 但是 就是 这 那 给 把 被 和 跟'.split(
    ' ',
  ),
);

/** `-x`: a pair reaching into the next word (weaker evidence for this one than a pair inside it). */
export type TermKind = 'synonym' | 'phonetic' | 'phonetic-x' | 'bigram' | 'bigram-x';
export interface Word {
  /** The word as a term. */
  term: string;
  /** Terms standing for it (never the word itself). */
  derived: { term: string; kind: TermKind }[];
  /** How many pairs lie inside the word (at least 1): each pair stands for that share of it. */
  span: number;
}

interface Unit {
  term: string;
  chars: string;
  syllables: string[] | undefined;
  /** Starts a new run: nothing before it to pair its sound or characters with. */
  breaks: boolean;
}

function units(folded: string): Unit[] {
  const out: Unit[] = [];
  const re = /([\u3400-\u9fff\uf900-\ufaff]+)|([a-z]+)|(\d+)/g;
  let lastEnd = -1;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    let breaks = start !== lastEnd;
    lastEnd = end;
    if (m[1]) {
      for (const w of cutHan(m[1])) {
        if (HAN_FILLER.has(w)) continue;
        out.push({ term: w, chars: w, syllables: hanSyllables(w), breaks });
        breaks = false;
      }
    } else if (m[2]) {
      const glued = (start > 0 && folded[start - 1] !== ' ') || (end < folded.length && folded[end] !== ' ');
      const word = CONTRACTED.get(m[2]) ?? m[2];
      if (!word || ENGLISH_STOP.has(word)) continue;
      const syllables = latinSyllables(word, glued);
      out.push({ term: stem(word), chars: '', syllables, breaks: breaks || !syllables });
    } else out.push({ term: m[0], chars: '', syllables: undefined, breaks: true });
  }
  return out;
}

/** Pairs of consecutive items across a run of units, each credited to the unit its first item is in. */
function pairs(list: Unit[], items: (u: Unit) => readonly string[] | undefined, prefix: string, join: string): [string, boolean][][] {
  const out: [string, boolean][][] = list.map(() => []);
  let prev: { item: string; at: number } | undefined;
  list.forEach((u, at) => {
    const its = items(u);
    if (u.breaks || !its?.length) prev = undefined;
    for (const item of its ?? []) {
      if (prev) (out[prev.at] as [string, boolean][]).push([`${prefix}${prev.item}${join}${item}`, prev.at !== at]);
      prev = { item, at };
    }
  });
  return out;
}

/**
 * The words of `text` with the terms that stand for them. `light`: words and synonyms only (long answer
 * texts, where sound and bigrams would cost memory for little).
 */
export function analyze(text: string, synonyms: SynonymTable = builtInSynonyms(), light = false): Word[] {
  const list = units(fold(text));
  const sounds = light ? [] : pairs(list, (u) => u.syllables, '~', '_');
  const bigrams = light ? [] : pairs(list, (u) => (u.chars ? Array.from(u.chars) : undefined), '#', '');
  const phrased = phraseGroups(list, synonyms);
  const seen = new Set<string>();
  const out: Word[] = [];
  list.forEach((u, i) => {
    if (seen.has(u.term)) return;
    seen.add(u.term);
    const derived: Word['derived'] = [];
    const groups = new Set([...(synonyms.of(u.term) ?? []), ...(phrased.get(u.term) ?? [])]);
    for (const g of groups) derived.push({ term: `=${g}`, kind: 'synonym' });
    for (const [t, x] of sounds[i] ?? []) derived.push({ term: t, kind: x ? 'phonetic-x' : 'phonetic' });
    for (const [t, x] of bigrams[i] ?? []) derived.push({ term: t, kind: x ? 'bigram-x' : 'bigram' });
    const span = Math.max(1, Array.from(u.chars).length - 1, (u.syllables?.length ?? 0) - 1);
    out.push({ term: u.term, derived, span });
  });
  return out;
}

/** The longest phrase looked for, in words. */
const PHRASE_MAX = 4;
const phraseTables = new WeakMap<SynonymTable, Map<string, number[]>>();

/**
 * The table's English phrases (money back, hasn't arrived), keyed by their words' terms (stemmed, stop
 * words dropped); worked out once per table. Chinese phrases are left to their words: matched as one,
 * a compound's parts (七天 无 理由) stopped meeting questions that use one of them.
 */
function phrasesOf(synonyms: SynonymTable): Map<string, number[]> {
  let found = phraseTables.get(synonyms);
  if (found) return found;
  found = new Map();
  for (const [word, group] of synonyms.words) {
    if (!/^[a-z ]+$/.test(word)) continue;
    const key = units(word).map((u) => u.term);
    if (key.length < 2 || key.length > PHRASE_MAX) continue;
    const list = found.get(key.join(' ')) ?? [];
    if (!list.includes(group)) list.push(group);
    found.set(key.join(' '), list);
  }
  phraseTables.set(synonyms, found);
  return found;
}

/**
 * The groups of the table's phrases found among consecutive words of a text, by the words they cover:
 * each word of a phrase also stands for the phrase's groups ("money back" meets "refund" through both
 * words). The words stay words: a phrase inside a longer question ("refund not received") must not hide
 * the word ("refund") that an entry has.
 */
function phraseGroups(list: readonly Unit[], synonyms: SynonymTable): Map<string, number[]> {
  const table = phrasesOf(synonyms);
  const out = new Map<string, number[]>();
  if (table.size === 0) return out;
  for (let n = 2; n <= PHRASE_MAX; n++) {
    for (let i = 0; i + n <= list.length; i++) {
      const words = list.slice(i, i + n).map((u) => u.term);
      const groups = table.get(words.join(' '));
      if (!groups) continue;
      for (const w of words) out.set(w, [...(out.get(w) ?? []), ...groups]);
    }
  }
  return out;
}

/** The word terms of `text`. */
export function terms(text: string): string[] {
  return analyze(text).map((w) => w.term);
}

const keys = new Map<string, string>();
const MEMO_MAX = 200_000;

/** normalize() remembered, for keywords (the index is rebuilt after every edit). */
export function keywordKey(text: string): string {
  let found = keys.get(text);
  if (found === undefined) {
    if (keys.size >= MEMO_MAX) keys.clear();
    found = normalize(text);
    keys.set(text, found);
  }
  return found;
}

export { isHan };
