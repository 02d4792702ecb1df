// The in-memory index of one scope's entries (a channel's platform knowledge or one merchant's). The
// robot answers inside the engine's unit of work, where no storage call may be made, so everything it
// needs is here; the service rebuilds a scope's index after every edit (a few ms for 10,000 entries),
// which is what makes an edit effective on the next message.
//
// Order of answering: the entry whose number is the question ("回复序号即可"), then an entry with the
// question as a keyword, then the best ranked entry above the threshold. Ranking compares terms
// (tokens.ts) weighted by rarity (idf): a keyword fully found in the question counts most (cd), a
// question mostly explained by the keyword next (cq).
import { isLive, type KnowledgeEntry } from '../../src/knowledge/entry';
import { indexTerms, keywordKey, normalize, terms } from './tokens';

export type MatchHow = 'number' | 'keyword' | 'ranked';
export interface Match {
  entry: KnowledgeEntry;
  how: MatchHow;
  score: number;
}

interface Doc {
  entry: KnowledgeEntry;
  /** Σ idf of the doc's terms. */
  mass: number;
  /** Keywords count fully; the title and description are weaker evidence. */
  factor: number;
}

/** The share of a ranked score coming from the keyword being covered; the rest from the question. */
const DOC_SHARE = 0.6;
const TEXT_FACTOR = 0.8;

export const DEFAULT_THRESHOLD = 0.5;
/** Agents' searches show weaker matches than the robot would send. */
export const SEARCH_FLOOR = 0.15;

export class KnowledgeIndex {
  private readonly byNumber = new Map<number, KnowledgeEntry>();
  private readonly byKeyword = new Map<string, KnowledgeEntry[]>();
  /** Terms are numbered once; postings and idf are arrays by term number (a rebuild stays cheap). */
  private readonly termIds = new Map<string, number>();
  private readonly postings: number[][] = [];
  private readonly idf: Float64Array;
  private readonly docs: Doc[] = [];
  private readonly welcomes: KnowledgeEntry[];
  private readonly unknownIdf: number;
  // Scratch space reused by every query (answers are synchronous, so never shared between two).
  private readonly acc: Float64Array;

  constructor(readonly entries: readonly KnowledgeEntry[]) {
    const docTerms: number[][] = [];
    const addDoc = (entry: KnowledgeEntry, text: string, factor: number) => {
      const list = indexTerms(text);
      if (list.length === 0) return;
      const i = this.docs.length;
      const ids = list.map((t) => {
        let id = this.termIds.get(t);
        if (id === undefined) {
          id = this.postings.length;
          this.termIds.set(t, id);
          this.postings.push([]);
        }
        (this.postings[id] as number[]).push(i);
        return id;
      });
      this.docs.push({ entry, mass: 0, factor });
      docTerms.push(ids);
    };
    for (const e of entries) {
      this.byNumber.set(e.number, e);
      for (const k of e.keywords) {
        const key = keywordKey(k);
        const same = this.byKeyword.get(key);
        if (same) same.push(e);
        else this.byKeyword.set(key, [e]);
        addDoc(e, k, 1);
      }
      const heading = e.description ? `${e.title ?? ''} ${e.description}` : e.title;
      if (heading) addDoc(e, heading, TEXT_FACTOR);
    }
    const n = this.docs.length;
    this.idf = new Float64Array(this.postings.length);
    this.postings.forEach((p, id) => (this.idf[id] = Math.log(1 + n / p.length)));
    this.unknownIdf = Math.log(1 + Math.max(n, 1));
    docTerms.forEach((ids, i) => ((this.docs[i] as Doc).mass = ids.reduce((sum, id) => sum + (this.idf[id] as number), 0)));
    this.acc = new Float64Array(n);
    this.welcomes = entries.filter((e) => e.welcome).sort((a, b) => a.number - b.number);
  }

  /** The best live entry for `question` that `robotId` may send, or undefined below `threshold`. */
  match(question: string, robotId: string | undefined, now: number, threshold = DEFAULT_THRESHOLD): Match | undefined {
    const usable = (e: KnowledgeEntry) =>
      isLive(e, now) && (e.robotIds.length === 0 || (robotId !== undefined && e.robotIds.includes(robotId)));
    return this.exact(question, usable) ?? this.ranked(question, usable, threshold);
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

  welcome(robotId: string | undefined, now: number): KnowledgeEntry | undefined {
    return this.welcomes.find(
      (e) => isLive(e, now) && (e.robotIds.length === 0 || (robotId !== undefined && e.robotIds.includes(robotId))),
    );
  }

  /**
   * What an agent looking something up sees: the entry named exactly first, then ranked entries scoring
   * at least `floor` (lower than the robot's threshold: a person judges), best first, each entry once.
   */
  search(question: string, usable: (e: KnowledgeEntry) => boolean, limit: number, floor = SEARCH_FLOOR): Match[] {
    const found = new Map<KnowledgeEntry, Match>();
    const exact = this.exact(question, usable);
    if (exact) found.set(exact.entry, exact);
    this.eachScore(question, (d, score) => {
      if (score < floor || (found.get(d.entry)?.score ?? -1) >= score || !usable(d.entry)) return;
      found.set(d.entry, { entry: d.entry, how: 'ranked', score });
    });
    const rank = (m: Match) => (m === exact ? 2 : m.score);
    return [...found.values()].sort((a, b) => rank(b) - rank(a) || a.entry.number - b.entry.number).slice(0, limit);
  }

  private ranked(question: string, usable: (e: KnowledgeEntry) => boolean, threshold: number): Match | undefined {
    let best: Match | undefined;
    this.eachScore(question, (d, score) => {
      if (score < threshold || (best && (score < best.score || (score === best.score && d.entry.number >= best.entry.number)))) return;
      if (usable(d.entry)) best = { entry: d.entry, how: 'ranked', score };
    });
    return best;
  }

  /** Calls `visit` with every document sharing a term with `question`, and its score (0..1). */
  private eachScore(question: string, visit: (d: Doc, score: number) => void): void {
    const q = unique(terms(question));
    if (q.length === 0) return;
    let qMass = 0;
    const touched: number[] = [];
    const acc = this.acc;
    for (const t of q) {
      const id = this.termIds.get(t);
      const w = id === undefined ? this.unknownIdf : (this.idf[id] as number);
      qMass += w;
      if (id === undefined) continue;
      const p = this.postings[id] as number[];
      for (const i of p) {
        if (acc[i] === 0) touched.push(i);
        acc[i] = (acc[i] as number) + w;
      }
    }
    for (const i of touched) {
      const matched = acc[i] as number;
      acc[i] = 0;
      const d = this.docs[i] as Doc;
      visit(d, d.factor * (DOC_SHARE * (matched / d.mass) + (1 - DOC_SHARE) * (matched / qMass)));
    }
  }
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
