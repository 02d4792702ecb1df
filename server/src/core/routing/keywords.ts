// Does a customer message ask for a person? Exact keywords after normalising; longer Chinese keywords
// also inside a sentence ("我要转人工"); Latin keywords as a whole word in a short message ("talk to a
// human"), so a long sentence that merely mentions "agent" does not, nor does "人工智能" for 人工.

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const EDGE_PUNCTUATION = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;
const SHORT_MESSAGE_WORDS = 5;

/** Full-width to half-width, lower case, trimmed of spaces and punctuation at both ends. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(EDGE_PUNCTUATION, '').replace(/\s+/g, ' ');
}

export function asksForPerson(text: string, keywords: readonly string[]): boolean {
  const message = normalise(text);
  if (message === '') return false;
  const words = message.split(' ');
  return keywords.some((raw) => {
    const keyword = normalise(raw);
    if (keyword === '') return false;
    if (message === keyword) return true;
    if (CJK.test(keyword)) return [...keyword].length >= 3 && message.includes(keyword);
    return words.length <= SHORT_MESSAGE_WORDS && words.map((w) => w.replace(EDGE_PUNCTUATION, '')).includes(keyword);
  });
}
