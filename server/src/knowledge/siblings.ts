// Close siblings (entries sharing most of their words, answering different questions) told apart by
// what differs: among the entries ranked close to the best, a question word counts in proportion to how
// few of them have it, so the word only one sibling has decides between them.
import type { Scored } from './ranking';
import type { Word } from './tokens';

/** How many of the best candidates are compared, and how far below the best one they may be. */
const SIBLINGS = 5;
const BAND = 0.15;
/** How much what differs can move a candidate (scores are 0..1). */
const WEIGHT = 0.3;

/** How well `terms` (an entry's) meet a question word: itself, a synonym, its sound or characters. */
function meets(w: Word, terms: ReadonlySet<string>): number {
  if (terms.has(w.term)) return 1;
  let best = 0;
  for (const d of w.derived) if (terms.has(d.term)) best = Math.max(best, d.kind === 'synonym' ? 0.8 : 0.5);
  return best;
}

/** Some question word meets the first entry better than the second. */
function saysMoreOf(first: readonly number[], second: readonly number[]): boolean {
  return first.some((m, j) => m > (second[j] as number));
}

/**
 * `ranked` (best first) with the close ones reordered by score plus their share of what differs; scores
 * are kept as they were (the threshold and the lead still apply to them). The best one is marked
 * `indistinct` when the question says nothing of it that the next one lacks: it cannot be told apart.
 */
export function tellSiblingsApart(
  words: readonly Word[],
  ranked: Scored[],
  termsOf: (s: Scored) => ReadonlySet<string>,
  rarity: (w: Word) => number,
): Scored[] {
  const top = ranked[0];
  if (!top) return ranked;
  const close = ranked.slice(0, SIBLINGS).filter((c) => c.score >= top.score - BAND);
  if (close.length < 2) return ranked;
  const met = close.map((c) => {
    const terms = termsOf(c);
    return words.map((w) => meets(w, terms));
  });
  const total = words.reduce((sum, w) => sum + rarity(w), 0) || 1;
  const adjusted = close.map((c, i) => {
    let own = 0;
    words.forEach((w, j) => {
      const mine = met[i]?.[j] as number;
      if (mine === 0) return;
      const sharers = met.filter((m) => (m[j] as number) > 0).length;
      own += (mine * rarity(w)) / sharers;
    });
    return { c, key: c.score + (WEIGHT * own) / total };
  });
  adjusted.sort((a, b) => b.key - a.key || a.c.entry.number - b.c.entry.number);
  const order = adjusted.map((a) => a.c);
  const [first, second] = order;
  if (first && second && !saysMoreOf(met[close.indexOf(first)] as number[], met[close.indexOf(second)] as number[])) {
    order[0] = { ...first, indistinct: true };
  }
  return [...order, ...ranked.slice(close.length)];
}
