// The in-memory index of one scope's entries (a channel's platform knowledge or one merchant's). The
// robot answers inside the engine's unit of work, where no storage call may be made, so everything it
// needs is here; the service rebuilds a scope's index after every edit, which is what makes an edit
// effective on the next message.
//
// Order of answering: the entry whose number is the question ("回复序号即可"), then an entry with the
// question as a keyword, then the best ranked entry above the threshold (ranking.ts). Each field of an
// entry is a document of weighted terms (tokens.ts); a term counts by its kind and its rarity (idf, BM25's
// weighting): a document fully found in the question counts most, a question mostly explained next.
import { isLive, type KnowledgeEntry } from './entry';
import { DOC_SHARE, type Decision, decide, FIELD, type Scored, TEXT_BONUS } from './ranking';
import { addWords } from './segmenter';
import { builtInSynonyms, SynonymTable, synonymGroups } from './synonyms';
import { analyze, keywordKey, normalize, type Term } from './tokens';

export type MatchHow = 'number' | 'keyword' | 'ranked';
export interface Match {
  entry: KnowledgeEntry;
  how: MatchHow;
  score: number;
}
export interface IndexOptions {
  /** A channel's own synonym groups, added to the built-in lexicon. */
  synonyms?: string[][];
}

interface Doc {
  entry: number;
  mass: number;
  factor: number;
  text: boolean;
}

export const DEFAULT_THRESHOLD = 0.5;
/** Agents' searches show weaker matches than the robot would send. */
export const SEARCH_FLOOR = 0.15;

const memo = new Map<string, Term[]>();
function indexTerms(text: string, table: SynonymTable, builtIn: boolean): Term[] {
  if (!builtIn) return analyze(text, table);
  let found = memo.get(text);
  if (!found) {
    if (memo.size >= 200_000) memo.clear();
    found = analyze(text, table);
    memo.set(text, found);
  }
  return found;
}

export class KnowledgeIndex {
  private readonly byNumber = new Map<number, KnowledgeEntry>();
  private readonly byKeyword = new Map<string, KnowledgeEntry[]>();
  private readonly termIds = new Map<string, number>();
  private readonly postings: number[][] = [];
  /** Per term: its kind's weight times its idf. */
  private readonly weight: Float64Array;
  private readonly docs: Doc[] = [];
  private readonly welcomes: KnowledgeEntry[];
  private readonly handoffs: KnowledgeEntry[];
  private readonly synonyms: SynonymTable;
  private readonly acc: Float64Array;
  private readonly best: Float64Array;

  constructor(
    readonly entries: readonly KnowledgeEntry[],
    options: IndexOptions = {},
  ) {
    const builtIn = !options.synonyms?.length;
    this.synonyms = builtIn ? builtInSynonyms() : new SynonymTable(synonymGroups(options.synonyms));
    addWords(this.synonyms.hanWords);
    addWords(ownWords(entries));
    const docTerms: Term[][] = [];
    const addDoc = (entry: number, text: string | undefined, factor: number) => {
      const list = text ? indexTerms(text, this.synonyms, builtIn) : [];
      if (list.length === 0) return;
      const i = this.docs.length;
      for (const t of list) {
        let id = this.termIds.get(t.term);
        if (id === undefined) {
          id = this.postings.length;
          this.termIds.set(t.term, id);
          this.postings.push([]);
        }
        (this.postings[id] as number[]).push(i);
      }
      this.docs.push({ entry, mass: 0, factor, text: factor === FIELD.text });
      docTerms.push(list);
    };
    entries.forEach((e, n) => {
      this.byNumber.set(e.number, e);
      for (const k of e.keywords) {
        const key = keywordKey(k);
        const same = this.byKeyword.get(key);
        if (same) same.push(e);
        else this.byKeyword.set(key, [e]);
        addDoc(n, k, FIELD.keyword);
      }
      for (const q of e.similarQuestions) addDoc(n, q, FIELD.similar);
      addDoc(n, e.description ? `${e.title ?? ''} ${e.description}` : e.title, FIELD.title);
      if (e.type === 'text') addDoc(n, e.text?.slice(0, 300), FIELD.text);
    });
    const n = Math.max(this.docs.length, 1);
    this.weight = new Float64Array(this.postings.length);
    const kind = new Float64Array(this.postings.length);
    docTerms.forEach((list) => {
      for (const t of list) kind[this.termIds.get(t.term) as number] = t.weight;
    });
    this.postings.forEach((p, id) => (this.weight[id] = (kind[id] as number) * Math.log(1 + n / p.length)));
    docTerms.forEach((list, i) => {
      (this.docs[i] as Doc).mass = list.reduce((sum, t) => sum + (this.weight[this.termIds.get(t.term) as number] as number), 0);
    });
    this.acc = new Float64Array(this.docs.length);
    this.best = new Float64Array(entries.length);
    this.welcomes = entries.filter((e) => e.welcome).sort((a, b) => a.number - b.number);
    this.handoffs = entries.filter((e) => e.handoff).sort((a, b) => a.number - b.number);
  }

  /** The best live entry for `question` that `robotId` may send, or undefined below `threshold`. */
  match(question: string, robotId: string | undefined, now: number, threshold = DEFAULT_THRESHOLD): Match | undefined {
    const usable = usableBy(robotId, now);
    const exact = this.exact(question, usable);
    if (exact) return exact;
    const top = this.rank(question, usable, 1)[0];
    return top && top.score >= threshold ? { entry: top.entry, how: 'ranked', score: top.score } : undefined;
  }

  /** What the robot should do: answer an entry, offer a menu of close entries, or decline. */
  decide(question: string, robotId: string | undefined, now: number, threshold = DEFAULT_THRESHOLD): Decision {
    const usable = usableBy(robotId, now);
    const exact = this.exact(question, usable);
    if (exact) return { kind: 'answer', ...exact };
    return decide(this.rank(question, usable, 4), threshold);
  }

  /** The `k` best ranked entries for `question` with their scores (0..1), for a later re-ranking stage. */
  candidates(question: string, k: number, usable: (e: KnowledgeEntry) => boolean = () => true): Scored[] {
    return this.rank(question, usable, k);
  }

  /** The usable entry `question` names by its number or an exact keyword (normalised as indexed); no ranking. */
  exact(question: string, usable: (e: KnowledgeEntry) => boolean): Match | undefined {
    const key = normalize(question);
    if (/^\d{1,9}$/.test(key)) {
      const e = this.byNumber.get(Number(key));
      if (e && usable(e)) return { entry: e, how: 'number', score: 1 };
    }
    const e = this.byKeyword.get(key)?.find(usable);
    return e && { entry: e, how: 'keyword', score: 1 };
  }

  /** The first usable hand-off entry (转人工), by number. */
  handoffEntry(robotId: string | undefined, now: number): KnowledgeEntry | undefined {
    const usable = usableBy(robotId, now);
    return this.handoffs.find(usable);
  }

  welcome(robotId: string | undefined, now: number): KnowledgeEntry | undefined {
    return this.welcomes.find(usableBy(robotId, now));
  }

  /**
   * What an agent looking something up sees: the entry named exactly first, then ranked entries scoring
   * at least `floor` (lower than the robot's threshold: a person judges), best first, each entry once.
   */
  search(question: string, usable: (e: KnowledgeEntry) => boolean, limit: number, floor = SEARCH_FLOOR): Match[] {
    const exact = this.exact(question, usable);
    const ranked = this.rank(question, usable, limit + 1)
      .filter((c) => c.score >= floor && c.entry !== exact?.entry)
      .map((c): Match => ({ entry: c.entry, how: 'ranked', score: c.score }));
    return (exact ? [exact, ...ranked] : ranked).slice(0, limit);
  }

  /** Usable entries sharing terms with `question`, best first (ties: lower number), at most `k`. */
  private rank(question: string, usable: (e: KnowledgeEntry) => boolean, k: number): Scored[] {
    const q = analyze(question, this.synonyms);
    if (q.length === 0 || this.docs.length === 0) return [];
    let qMass = 0;
    const touched: number[] = [];
    const acc = this.acc;
    const unknown = Math.log(1 + this.docs.length);
    for (const t of q) {
      const id = this.termIds.get(t.term);
      const w = id === undefined ? unknown * t.weight : (this.weight[id] as number);
      qMass += w;
      if (id === undefined) continue;
      for (const i of this.postings[id] as number[]) {
        if (acc[i] === 0) touched.push(i);
        acc[i] = (acc[i] as number) + w;
      }
    }
    const best = this.best;
    const text = new Map<number, number>();
    const hit: number[] = [];
    for (const i of touched) {
      const d = this.docs[i] as Doc;
      const m = acc[i] as number;
      acc[i] = 0;
      const score = d.factor * (DOC_SHARE * (m / d.mass) + (1 - DOC_SHARE) * (m / qMass));
      if (d.text) text.set(d.entry, score);
      else if (score > (best[d.entry] as number)) {
        if (best[d.entry] === 0) hit.push(d.entry);
        best[d.entry] = score;
      }
    }
    for (const [e, s] of text) {
      if (best[e] === 0) hit.push(e);
      best[e] = Math.max(best[e] as number, s) + TEXT_BONUS * s * (best[e] ? 1 : 0);
    }
    const out: Scored[] = [];
    for (const e of hit) {
      const score = Math.min(1, best[e] as number);
      best[e] = 0;
      const entry = this.entries[e] as KnowledgeEntry;
      if (usable(entry)) out.push({ entry, score });
    }
    return out.sort((a, b) => b.score - a.score || a.entry.number - b.entry.number).slice(0, k);
  }
}

function usableBy(robotId: string | undefined, now: number): (e: KnowledgeEntry) => boolean {
  return (e) => isLive(e, now) && (e.robotIds.length === 0 || (robotId !== undefined && e.robotIds.includes(robotId)));
}

/** The knowledge base's own Chinese words: keywords and the pieces of titles. */
function* ownWords(entries: readonly KnowledgeEntry[]): Generator<string> {
  for (const e of entries) {
    for (const k of e.keywords) yield normalize(k);
    if (e.title) yield* normalize(e.title).split(' ');
  }
}
