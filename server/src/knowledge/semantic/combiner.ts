// How the semantic stage combines with the lexical one, for one scope. A lexical candidate scores its
// lexical score (already 0..1) blended with its cosine to the question; an entry the lexical stage missed
// enters only when its cosine is high (recall). The answer threshold applies to the combined score, so a
// decline stays a decline unless meaning clearly says otherwise. Answers still come only from entries.
import type { KnowledgeEntry } from '../entry';
import type { Match } from '../knowledge-index';
import { cosine } from './embeddings-client';

/** The weight of the cosine in a lexical candidate's score. */
export const SEMANTIC_WEIGHT = 0.5;
/** An entry with no lexical score enters from this cosine on. */
export const RECALL_COSINE = 0.85;

export interface Scored {
  entry: KnowledgeEntry;
  score: number;
}

/** The best entry scoring at least `threshold`; ties go to the lower number, as in the lexical stage. */
export function combine(
  lexical: readonly Match[],
  recallable: readonly KnowledgeEntry[],
  vectorOf: (e: KnowledgeEntry) => Float32Array | undefined,
  question: Float32Array,
  threshold: number,
): Scored | undefined {
  const scores = new Map<KnowledgeEntry, number>();
  for (const m of lexical) {
    const v = vectorOf(m.entry);
    const score = v ? (1 - SEMANTIC_WEIGHT) * m.score + SEMANTIC_WEIGHT * cosine(question, v) : m.score;
    scores.set(m.entry, Math.max(score, scores.get(m.entry) ?? 0));
  }
  for (const e of recallable) {
    if (scores.has(e)) continue;
    const v = vectorOf(e);
    const c = v ? cosine(question, v) : 0;
    if (c >= RECALL_COSINE) scores.set(e, c);
  }
  let best: Scored | undefined;
  for (const [entry, score] of scores) {
    if (score < threshold) continue;
    if (!best || score > best.score || (score === best.score && entry.number < best.entry.number)) best = { entry, score };
  }
  return best;
}
