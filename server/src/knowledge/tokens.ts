// Turning a question into the terms it is matched on. Chinese has no spaces between words, so a run of
// Han characters becomes its character bigrams (退货流程 → 退货 货流 流程), the usual choice for CJK
// search without a dictionary; a lone Han character stays a unigram. Latin text becomes lower-case
// words with a light plural strip, digits stay numbers. Full-width forms are folded first (ＡＢ１ → ab1).

/** Lower-case, full-width to half-width, punctuation and spaces squeezed: how keywords are compared. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

const HAN = /\p{Script=Han}/u;
const STOP = new Set(['a', 'an', 'the', 'is', 'are', 'do', 'does', 'i', 'you', 'my', 'your', 'to', 'of', 'for', 'in', 'on', 'can', 'how', 'what', 'me', 'it', 'and', 'or', 'please', 'with', 'we', 'be']);
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
  for (const ch of normalize(text)) {
    if (HAN.test(ch)) {
      flushWord();
      han += ch;
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      flushHan();
      word += ch;
    } else {
      flushHan();
      flushWord();
    }
  }
  flushHan();
  flushWord();
  return out;
}
