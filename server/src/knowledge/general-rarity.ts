// How rare a word is in general language, Chinese from the document frequencies jieba ships
// (@node-rs/jieba's idf table, computed over a large general corpus), English from the bands of
// everyday words of english-everyday.ts. A knowledge base of a few dozen entries cannot tell that
// 今天, 东西, "today" or "thing" are everyday words and 驾照 or "invoice" are not: a word found once
// among the entries looks rare there whatever it is. The index scales each word's weight by this, so
// everyday words count as weak evidence and unexplained rare words of a question weigh on it.
import { idf } from '@node-rs/jieba/dict';
import { EVERYDAY_ENGLISH } from './english-everyday';
import { stem } from './english-stem';

/** Above this a word counts as fully rare (most of the table's 270k words are). */
const RARE = 10;
let table: Map<string, number> | undefined;
let english: Map<string, number> | undefined;

function load(): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space < 1) continue;
    const value = Number(line.slice(space + 1));
    if (value < RARE) out.set(line.slice(0, space), value);
  }
  return out;
}

/** Everyday English words by their stems (as questions' words are), each at its most common band. */
function loadEnglish(): Map<string, number> {
  const out = new Map<string, number>();
  for (const [words, weight] of EVERYDAY_ENGLISH) {
    for (const w of words.split(' ')) {
      const key = stem(w);
      out.set(key, Math.min(weight, out.get(key) ?? 1));
    }
  }
  return out;
}

/** 0..1: how much of a content word `word` is (1: rare in general Chinese or English, or neither). */
export function generalWeight(word: string): number {
  if (/^[a-z]+$/.test(word)) {
    english ??= loadEnglish();
    return english.get(word) ?? 1;
  }
  if (!/^[\u4e00-\u9fff]+$/.test(word)) return 1;
  table ??= load();
  const value = table.get(word);
  return value === undefined ? 1 : value / RARE;
}
