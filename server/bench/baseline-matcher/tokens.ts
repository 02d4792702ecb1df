// Turning a question into the terms it is matched on. Chinese has no spaces between words, so a run of
// Han characters becomes its character bigrams (退货流程 → 退货 货流 流程), the usual choice for CJK
// search without a dictionary; a lone Han character stays a unigram. Latin text becomes lower-case
// words with a light plural strip, digits stay numbers. Full-width forms are folded first (ＡＢ１ → ab1).

/** Lower-case, full-width to half-width, punctuation and spaces squeezed: how keywords are compared. */
export function normalize(text: string): string {
  // NFKC only when something could fold (full-width forms, compatibility characters): it is the slow part.
  return (/[^\x00-\x7f\u4e00-\u9fff]/.test(text) ? text.normalize('NFKC') : text)
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

/** CJK ideographs by code point (a regex per character made indexing 10,000 entries take half a second). */
function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f)
  );
}
const STOP = new Set([
  'a',
  'an',
  'the',
  'is',
  'are',
  'do',
  'does',
  'i',
  'you',
  'my',
  'your',
  'to',
  'of',
  'for',
  'in',
  'on',
  'can',
  'how',
  'what',
  'me',
  'it',
  'and',
  'or',
  'please',
  'with',
  'we',
  'be',
]);
const HAN_STOP = new Set(['的', '了', '吗', '呢', '吧', '啊', '么', '我', '你', '是', '请', '问']);

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function hanTerms(run: string, out: string[]): void {
  const chars = Array.from(run).filter((c) => !HAN_STOP.has(c));
  if (chars.length === 1) out.push(chars[0] as string);
  for (let i = 0; i + 1 < chars.length; i++) out.push((chars[i] as string) + (chars[i + 1] as string));
}

/** The terms of `text`, duplicates kept (the index counts each once per document). */
export function terms(text: string): string[] {
  const out: string[] = [];
  let han = '';
  let word = '';
  const flushWord = () => {
    if (word && !STOP.has(word)) out.push(stem(word));
    word = '';
  };
  const flushHan = () => {
    if (han) hanTerms(han, out);
    han = '';
  };
  // After normalize() every separator is a single space; anything else that is not Han is part of a word.
  for (const ch of normalize(text)) {
    if (ch === ' ') {
      flushHan();
      flushWord();
    } else if (isHan(ch.codePointAt(0) as number)) {
      flushWord();
      han += ch;
    } else {
      flushHan();
      word += ch;
    }
  }
  flushHan();
  flushWord();
  return out;
}

const memo = new Map<string, string[]>();
const keys = new Map<string, string>();
const MEMO_MAX = 200_000;

/** normalize() remembered, for keywords (see indexTerms). */
export function keywordKey(text: string): string {
  let found = keys.get(text);
  if (found === undefined) {
    if (keys.size >= MEMO_MAX) keys.clear();
    found = normalize(text);
    keys.set(text, found);
  }
  return found;
}

/**
 * terms() remembered for texts that are indexed again and again (keywords and titles: the index is
 * rebuilt after every edit, and most entries did not change). Bounded: cleared when full.
 */
export function indexTerms(text: string): string[] {
  let found = memo.get(text);
  if (!found) {
    if (memo.size >= MEMO_MAX) memo.clear();
    found = [...new Set(terms(text))];
    memo.set(text, found);
  }
  return found;
}
