// Folding what customers type before it is matched: full-width/half-width and compatibility forms (NFKC),
// traditional to simplified characters, lower case; WeChat stickers in brackets ([捂脸]), emoji and
// punctuation removed. Filler words are dropped later, as terms (segmenter.ts), since they are words.
import { Converter } from 'opencc-js';

let toSimplified: ((s: string) => string) | undefined;
/** Characters the converter changes: text without any is simplified already (most is; converting is slow). */
let traditional: Set<number> | undefined;

function simplified(s: string): string {
  if (!toSimplified || !traditional) {
    const convert = Converter({ from: 'hk', to: 'cn' });
    const found = new Set<number>();
    for (let cp = 0x3400; cp <= 0x9fff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (convert(ch) !== ch) found.add(cp);
    }
    toSimplified = convert;
    traditional = found;
  }
  for (const ch of s) if (traditional.has(ch.codePointAt(0) as number)) return toSimplified(s);
  return s;
}
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const STICKER = /\[[\u4e00-\u9fffA-Za-z]{1,6}\]|\/:[a-z!?@<>()*&^%$#-]{1,8}/g;
// \u20e3 makes a keycap of the character before it (5️⃣): the 5 stays.
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3]/gu;

/** Text folded for matching: simplified, lower case, one space between pieces, no punctuation. */
export function fold(text: string): string {
  let s = /[^\x00-\x7f\u4e00-\u9fff]/.test(text) ? text.normalize('NFKC') : text;
  if (HAN.test(s)) s = simplified(s);
  return expandContractions(s.replace(STICKER, ' ').replace(EMOJI, ' ').toLowerCase())
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

/**
 * English contractions read as what they say before the apostrophe goes: "doesn't" is "does not" (the
 * not counts: "doesn't work"), "where's", "I'm", "you're" are the word before it, never a stray "t",
 * "s" or "m" that no entry explains.
 */
function expandContractions(s: string): string {
  if (!/['’‘`]/.test(s)) return s;
  return s
    .replace(/\bcan['’‘`]t\b/g, 'can not')
    .replace(/\bwon['’‘`]t\b/g, 'will not')
    .replace(/([a-z])n['’‘`]t\b/g, '$1 not')
    .replace(/([a-z])['’‘`](s|m|re|ve|ll|d)\b/g, '$1');
}

/** CJK ideographs by code point (a regex per character is slow when indexing 10,000 entries). */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f)
  );
}
