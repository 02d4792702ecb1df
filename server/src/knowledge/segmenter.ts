// Chinese word segmentation with jieba (@node-rs/jieba): one instance for the process (its dictionary
// takes ~200 ms and ~30 MB to load), loaded on first use; the knowledge base's own words (keywords,
// titles, the synonym lexicon) it does not know are added to its dictionary as indexes are built, so a
// brand name stays whole. Words are only ever added: a word an entry dropped does no harm.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | undefined;
const known = new Set<string>();
/** A frequency high enough that jieba prefers the added word to its own splits. */
const FREQ = 200_000;

function instance(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * Adds Chinese words (2 to 8 characters) to the dictionary when the segmenter does not know them (it
 * would cut them into single characters: brand names, jargon, 退钱). A compound of known words
 * (退货流程 = 退货 + 流程) stays cut, so a question with only part of it still meets it.
 */
export function addWords(words: Iterable<string>): void {
  const fresh: string[] = [];
  for (const w of words) {
    if (w.length < 2 || w.length > 8 || known.has(w) || !/^[\u4e00-\u9fff]+$/.test(w)) continue;
    known.add(w);
    if (
      instance()
        .cut(w, false)
        .every((piece) => piece.length === 1)
    )
      fresh.push(`${w} ${FREQ}`);
  }
  if (fresh.length) instance().loadDict(Buffer.from(`${fresh.join('\n')}\n`));
}

/** The words of a run of Chinese characters. */
export function cutHan(run: string): string[] {
  return run.length <= 1 ? [run] : instance().cut(run, false);
}
