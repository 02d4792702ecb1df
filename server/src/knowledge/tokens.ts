// Turning a text into the terms it is matched on. Folded first (text-folding.ts), then cut into pieces:
// runs of Chinese characters are segmented into words (segmenter.ts), Latin text becomes lower-case
// stemmed words, digits stay numbers; filler words (请问, 亲, 呢, please …) are dropped. Each word brings
// its synonym groups (=n), Chinese and pinyin bring syllable pairs (~kai_fa), and Chinese runs bring
// character bigrams (#退货) for what segmentation misses. Terms carry a weight by kind: the word itself
// counts most, the weaker kinds only help.
import { ENGLISH_STOP, stem } from './english-stem';
import { phoneticTerms } from './phonetic';
import { cutHan } from './segmenter';
import { builtInSynonyms, type SynonymTable } from './synonyms';
import { fold, isHan } from './text-folding';

/** Folded for comparing keywords: what a question must equal to be a keyword. */
export const normalize = fold;

const HAN_FILLER = new Set(
  '的 了 吗 呢 吧 啊 么 呀 啦 嘛 呗 哈 哈哈 嗯 哦 噢 喔 额 呃 亲 亲亲 请问 请 问 问下 问一下 一下 我 你 您 他 她 我们 你们 是 在 那个 这个 就 还 都 也 又 吗 啥 得 地 着 过 个 想 想要 一个 可以 能 能不能 可不可以 有没有 如何 怎么 怎么样 怎样 为什么 什么 麻烦 谢谢 好的 好 哪 哪里 哪儿 现在 已经 一直 还是 然后 但是 就是 这 那 给 把 被 和 跟'.split(
    ' ',
  ),
);

export const WEIGHT = { word: 1, synonym: 0.8, phonetic: 0.5, bigram: 0.3 } as const;

export interface Term {
  term: string;
  weight: number;
}

interface Piece {
  text: string;
  han: boolean;
  glued: boolean;
}

function pieces(folded: string): Piece[] {
  const out: Piece[] = [];
  const re = /([\u3400-\u9fff\uf900-\ufaff]+)|([a-z]+)|(\d+)|(\S)/g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    const glued = (start > 0 && folded[start - 1] !== ' ') || (end < folded.length && folded[end] !== ' ');
    if (m[1]) out.push({ text: m[1], han: true, glued });
    else if (m[2] || m[3]) out.push({ text: m[0], han: false, glued });
  }
  return out;
}

/** The weighted terms of `text`, each once with its highest weight. */
export function analyze(text: string, synonyms: SynonymTable = builtInSynonyms()): Term[] {
  const found = new Map<string, number>();
  const add = (term: string, weight: number) => {
    if ((found.get(term) ?? 0) < weight) found.set(term, weight);
  };
  const word = (w: string) => {
    add(w, WEIGHT.word);
    for (const g of synonyms.of(w) ?? []) add(`=${g}`, WEIGHT.synonym);
  };
  const list = pieces(fold(text));
  for (const p of list) {
    if (p.han) {
      for (const w of cutHan(p.text)) if (!HAN_FILLER.has(w) && w.trim()) word(w);
      const chars = Array.from(p.text);
      for (let i = 0; i + 1 < chars.length; i++) add(`#${chars[i]}${chars[i + 1]}`, WEIGHT.bigram);
    } else if (!ENGLISH_STOP.has(p.text)) {
      word(/^[a-z]/.test(p.text) ? stem(p.text) : p.text);
    }
  }
  const phon: string[] = [];
  phoneticTerms(list, phon);
  for (const t of phon) add(t, WEIGHT.phonetic);
  return [...found].map(([term, weight]) => ({ term, weight }));
}

/** The word terms of `text` (no synonyms, sounds or bigrams). */
export function terms(text: string): string[] {
  return analyze(text)
    .filter((t) => t.weight === WEIGHT.word)
    .map((t) => t.term);
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

/** Whether a text is mostly English (Latin words and no Chinese). */
export function isEnglish(text: string): boolean {
  return !/[\u3400-\u9fff]/.test(text) && /[a-z]{2}/i.test(text);
}

export { isHan };
