// The in-memory index of one scope's entries (a channel's platform knowledge or one merchant's). The
// robot answers inside the engine's unit of work, where no storage call may be made, so everything it
// needs is here; the service rebuilds a scope's index after every edit, which is what makes an edit
// effective on the next message.
//
// Order of answering: the entry whose number is the question ("回复序号即可"), then an entry with the
// question as a keyword, then the best ranked entry above the threshold (ranking.ts). Each field of an
// entry is a document of weighted terms (tokens.ts); a term counts by its kind and its rarity (idf, BM25's
// weighting, scaled by how rare the word is in general Chinese: general-rarity.ts). A document scores
// by how much of it the question covers and how much of the question it explains, both needed.
import { isLive, type KnowledgeEntry } from './entry';
import {
  DOC_SHARE,
  type Decision,
  decide,
  ENGLISH_THRESHOLD,
  FIELD,
  ownLanguageFirst,
  KIND_SHARE,
  KINDS,
  OTHER_LANGUAGE,
  PER_PAIR,
  type Scored,
  TEXT_BONUS,
  TEXT_EXPLAINS,
  UNMENTIONED_RARE,
} from './ranking';
import { generalWeight } from './general-rarity';
import { addWords } from './segmenter';
import { tellSiblingsApart } from './siblings';
import { builtInSynonyms, SynonymTable, synonymGroups } from './synonyms';
import { analyze, keywordKey, normalize, type Word } from './tokens';

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
  /** Σ idf of the doc's words. */
  mass: number;
  factor: number;
  text: boolean;
  /**
   * The languages its entry is written in (CHINESE: a Chinese word in any field; ENGLISH: an English word
   * in a keyword, similar question or title): a question is answered in its own language first. An
   * entry's, not a field's: a Chinese entry's keyword 220V does not make that keyword an English entry,
   * while an entry given English keywords beside its Chinese ones answers in both.
   */
  languages: number;
}

const HAN = /[\u3400-\u9fff]/;
const CHINESE = 1;
const ENGLISH = 2;

/**
 * The lowest score a ranked entry is sent at, unless a channel sets its own. Chosen over four shops'
 * evaluation sets written apart from the matcher (server/bench/knowledge-eval*): the lowest value at which
 * wrong answers to questions no entry answers stay at 5% or below on every one of them. A wrong entry is
 * worse than a 猜你想问 menu or a decline; 0.55 answered more but up to 7% of such questions wrongly.
 */
export const DEFAULT_THRESHOLD = 0.6;
/** Agents' searches show weaker matches than the robot would send. */
export const SEARCH_FLOOR = 0.15;

/**
 * A field's terms as the index keeps them between rebuilds: flat, with a code per term (0: a word,
 * else 1 + its kind's place in KINDS less one) and the span of each word; far fewer objects than Word[].
 */
interface Field {
  terms: string[];
  codes: Uint8Array;
  spans: Uint8Array;
}

function compact(words: readonly Word[]): Field {
  const terms: string[] = [];
  const codes: number[] = [];
  for (const w of words) {
    terms.push(w.term);
    codes.push(0);
    for (const d of w.derived) {
      terms.push(d.term);
      codes.push(KINDS.indexOf(d.kind));
    }
  }
  return { terms, codes: Uint8Array.from(codes), spans: Uint8Array.from(words, (w) => Math.min(255, w.span)) };
}

const memo = new Map<string, Field>();
function analyzeField(text: string, table: SynonymTable, builtIn: boolean, light: boolean): Field {
  if (!builtIn) return compact(analyze(text, table, light));
  const key = light ? `\u0000${text}` : text;
  let found = memo.get(key);
  if (!found) {
    if (memo.size >= 200_000) memo.clear();
    found = compact(analyze(text, table, light));
    memo.set(key, found);
  }
  return found;
}

export class KnowledgeIndex {
  private readonly byNumber = new Map<number, KnowledgeEntry>();
  private readonly byKeyword = new Map<string, KnowledgeEntry[]>();
  private readonly termIds = new Map<string, number>();
  /** Per term: the slots (a word of a doc) it stands for, as slot * 8 + kind. */
  private postings: number[][] = [];
  /** The postings once built, flat: term id's codes are postData[postStart[id] .. postStart[id + 1]). */
  private readonly postStart: Int32Array;
  private readonly postData: Int32Array;
  /** Per term: in how many docs it is a word (its rarity). */
  private readonly df: number[] = [];
  /** Per term: its weight as a word of general Chinese (general-rarity.ts). */
  private readonly termWeight: number[] = [];
  private readonly docs: Doc[] = [];
  private readonly slotDoc: number[] = [];
  private readonly slotSpan: number[] = [];
  /** Per slot: the idf of its word. */
  private readonly slotIdf: Float64Array;
  private readonly welcomes: KnowledgeEntry[];
  private readonly handoffs: KnowledgeEntry[];
  private readonly synonyms: SynonymTable;
  private readonly builtIn: boolean;
  /** Entries' terms, worked out the first time an entry is among close siblings. */
  private readonly entryTerms = new WeakMap<KnowledgeEntry, Set<string>>();
  // Scratch space reused by every query (answers are synchronous, so never shared between two).
  private readonly slotAcc: Float64Array;
  private readonly docAcc: Float64Array;
  private readonly explainedAcc: Float64Array;
  /** Per entry: the question explained by all its fields (entryWord: one question word's best). */
  private readonly entryExplained: Float64Array;
  private readonly entryWord: Float64Array;
  private readonly otherLanguage: Uint8Array;
  /** Per doc: its entry, and the share of a word it explains for the entry (TEXT_EXPLAINS for the text). */
  private readonly docEntry: Int32Array;
  private readonly docExplains: Float64Array;
  private readonly docBest: Float64Array;
  private readonly wordAcc: Float64Array;
  private readonly best: Float64Array;
  private readonly cover: Float64Array;
  private readonly evidence: Float64Array;

  constructor(
    readonly entries: readonly KnowledgeEntry[],
    options: IndexOptions = {},
  ) {
    const builtIn = !options.synonyms?.length;
    this.builtIn = builtIn;
    this.synonyms = builtIn ? builtInSynonyms() : new SynonymTable(synonymGroups(options.synonyms));
    addWords(this.synonyms.hanWords);
    addWords(ownWords(entries));
    const slotWord: number[] = [];
    const addDoc = (entry: number, text: string | undefined, factor: number) => {
      const field = text ? analyzeField(text, this.synonyms, builtIn, factor === FIELD.text) : undefined;
      if (!field || field.terms.length === 0) return;
      const doc = this.docs.length;
      let slot = -1;
      let languages = 0;
      let word = 0;
      field.terms.forEach((term, i) => {
        const code = field.codes[i] as number;
        const id = this.termId(term);
        if (code === 0) {
          slot = this.slotDoc.length;
          this.slotDoc.push(doc);
          this.slotSpan.push(field.spans[word++] as number);
          this.df[id] = (this.df[id] as number) + 1;
          slotWord.push(id);
          if (HAN.test(term)) languages |= CHINESE;
          else if (factor !== FIELD.text && /^[a-z]{2}/.test(term)) languages |= ENGLISH;
        }
        (this.postings[id] as number[]).push(slot * 8 + code);
      });
      this.docs.push({ entry, mass: 0, factor, text: factor === FIELD.text, languages });
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
    const languages = new Uint8Array(entries.length);
    for (const d of this.docs) languages[d.entry] = (languages[d.entry] as number) | d.languages;
    for (const d of this.docs) d.languages = languages[d.entry] as number;
    this.postStart = new Int32Array(this.postings.length + 1);
    this.postings.forEach((p, id) => (this.postStart[id + 1] = (this.postStart[id] as number) + p.length));
    this.postData = new Int32Array(this.postStart[this.postings.length] as number);
    this.postings.forEach((p, id) => this.postData.set(p, this.postStart[id]));
    this.postings = [];
    const n = Math.max(this.docs.length, 1);
    this.slotIdf = new Float64Array(slotWord.length);
    slotWord.forEach((id, slot) => {
      const idf = Math.log(1 + n / (this.df[id] as number)) * (this.termWeight[id] as number);
      this.slotIdf[slot] = idf;
      (this.docs[this.slotDoc[slot] as number] as Doc).mass += idf;
    });
    this.slotAcc = new Float64Array(slotWord.length);
    this.docAcc = new Float64Array(this.docs.length);
    this.explainedAcc = new Float64Array(this.docs.length);
    this.entryExplained = new Float64Array(entries.length);
    this.entryWord = new Float64Array(entries.length);
    this.otherLanguage = new Uint8Array(entries.length);
    this.docEntry = Int32Array.from(this.docs, (d) => d.entry);
    this.docExplains = Float64Array.from(this.docs, (d) => (d.text ? TEXT_EXPLAINS : 1));
    this.docBest = new Float64Array(this.docs.length);
    this.wordAcc = new Float64Array(slotWord.length);
    this.best = new Float64Array(entries.length);
    this.cover = new Float64Array(entries.length);
    this.evidence = new Float64Array(entries.length);
    this.welcomes = entries.filter((e) => e.welcome).sort((a, b) => a.number - b.number);
    this.handoffs = entries.filter((e) => e.handoff).sort((a, b) => a.number - b.number);
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.df.length;
      this.termIds.set(term, id);
      this.postings.push([]);
      this.df.push(0);
      this.termWeight.push(generalWeight(term));
    }
    return id;
  }

  /** The best live entry for `question` that `robotId` may send, or undefined below `threshold`. */
  match(question: string, robotId: string | undefined, now: number, threshold = DEFAULT_THRESHOLD): Match | undefined {
    const usable = usableBy(robotId, now);
    const exact = this.exact(question, usable);
    if (exact) return exact;
    const bar = thresholdFor(question, threshold);
    const top = ownLanguageFirst(this.rank(question, usable, 4), bar)[0];
    return top && top.score >= bar ? { entry: top.entry, how: 'ranked', score: top.score } : undefined;
  }

  /** What the robot should do: answer an entry, offer a menu of close entries, or decline. */
  decide(question: string, robotId: string | undefined, now: number, threshold = DEFAULT_THRESHOLD): Decision {
    const usable = usableBy(robotId, now);
    const exact = this.exact(question, usable);
    if (exact) return { kind: 'answer', ...exact };
    return decide(this.rank(question, usable, 4), thresholdFor(question, threshold));
  }

  /** The `k` best ranked entries for `question` with their scores (0..1), for a later re-ranking stage. */
  candidates(question: string, k: number, usable: (e: KnowledgeEntry) => boolean = () => true): Scored[] {
    return this.rank(question, usable, k);
  }

  /** The usable entry `question` names by its number or an exact keyword (normalised as indexed); no ranking. */
  exact(question: string, usable: (e: KnowledgeEntry) => boolean): Match | undefined {
    const key = normalize(question);
    const number = numberAsked(key);
    if (number !== undefined) {
      const e = this.byNumber.get(number);
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
    const words = analyze(question, this.synonyms);
    if (words.length === 0 || this.docs.length === 0) return [];
    const rarities = words.map((w) => this.rarity(w));
    const touchedDocs = this.creditDocs(words, rarities);
    const qMass = rarities.reduce((sum, r) => sum + r, 0);
    const language = words.some((w) => HAN.test(w.term)) ? CHINESE : ENGLISH;
    const best = this.best;
    const cover = this.cover;
    const evidence = this.evidence;
    const rarest = Math.log(1 + this.docs.length);
    const hit: number[] = [];
    const text: [number, number][] = [];
    const otherLanguage = this.otherLanguage;
    for (const i of touchedDocs) {
      const d = this.docs[i] as Doc;
      const m = this.docAcc[i] as number;
      this.docAcc[i] = 0;
      const own = this.explainedAcc[i] as number;
      this.explainedAcc[i] = 0;
      // A field is scored by what it covers and by what its whole entry explains of the question.
      const explained = Math.min(1, (d.text ? own : Math.max(own, this.entryExplained[d.entry] as number)) / qMass);
      const other = d.languages !== 0 && (d.languages & language) === 0;
      const score = (other ? d.factor * OTHER_LANGUAGE : d.factor) * (Math.min(1, m / d.mass) ** DOC_SHARE * explained ** (1 - DOC_SHARE));
      otherLanguage[d.entry] = other ? 1 : 0;
      if (d.text) text.push([d.entry, score]);
      else if (score > (best[d.entry] as number)) {
        if (best[d.entry] === 0) hit.push(d.entry);
        best[d.entry] = score;
        cover[d.entry] = explained;
        evidence[d.entry] = m / rarest;
      }
    }
    for (const [e, s] of text) {
      if (best[e] === 0) hit.push(e);
      best[e] = best[e] ? (best[e] as number) + TEXT_BONUS * s : s;
    }
    for (const i of touchedDocs) this.entryExplained[(this.docs[i] as Doc).entry] = 0;
    const out: Scored[] = [];
    for (const e of hit) {
      const score = Math.min(1, best[e] as number);
      const explained = cover[e] as number;
      const found = evidence[e] as number;
      best[e] = 0;
      cover[e] = 0;
      evidence[e] = 0;
      const entry = this.entries[e] as KnowledgeEntry;
      const other = otherLanguage[e] === 1;
      if (usable(entry) && !entry.handoff) out.push({ entry, score, explained, evidence: found, ...(other && { otherLanguage: true }) });
    }
    out.sort((a, b) => b.score - a.score || a.entry.number - b.entry.number);
    const ranked = tellSiblingsApart(
      words,
      out,
      (c) => this.termsOf(c.entry),
      (w) => this.rarity(w),
    ).slice(0, k);
    const top = ranked[0];
    if (top && this.namesWhatNoEntrySays(words, rarities)) ranked[0] = { ...top, unmentioned: true };
    return ranked;
  }

  /**
   * Credits every doc word the question's terms stand for (each doc word at most its idf, summed over
   * the question's words) and, per question word, how much of it the doc explains (its best match in
   * the doc, weighted by its rarity, into `explainedAcc`). A partial match (a pair of characters or
   * syllables) counts for the share it is of the longer of the two words: 今天天气 and 今天 share a
   * third of the longer one, so neither explains the other. Returns the docs touched.
   */
  private creditDocs(words: readonly Word[], rarities: readonly number[]): number[] {
    const acc = this.slotAcc;
    const slots: number[] = [];
    const docs: number[] = [];
    for (const [i, w] of words.entries()) {
      const rarity = rarities[i] as number;
      const docBest = this.docBest;
      const touched: number[] = [];
      for (const slot of this.creditWord(w)) {
        const s = Math.min(1, this.wordAcc[slot] as number);
        this.wordAcc[slot] = 0;
        if (acc[slot] === 0) slots.push(slot);
        acc[slot] = (acc[slot] as number) + s;
        const doc = this.slotDoc[slot] as number;
        if (docBest[doc] === 0) touched.push(doc);
        if (s > (docBest[doc] as number)) docBest[doc] = s;
      }
      const entries: number[] = [];
      for (const doc of touched) {
        if (this.explainedAcc[doc] === 0) docs.push(doc);
        const met = docBest[doc] as number;
        this.explainedAcc[doc] = (this.explainedAcc[doc] as number) + rarity * met;
        docBest[doc] = 0;
        const e = this.docEntry[doc] as number;
        const share = met * (this.docExplains[doc] as number);
        if (this.entryWord[e] === 0) entries.push(e);
        if (share > (this.entryWord[e] as number)) this.entryWord[e] = share;
      }
      for (const e of entries) {
        this.entryExplained[e] = (this.entryExplained[e] as number) + rarity * (this.entryWord[e] as number);
        this.entryWord[e] = 0;
      }
    }
    for (const slot of slots) {
      const doc = this.slotDoc[slot] as number;
      this.docAcc[doc] = (this.docAcc[doc] as number) + Math.min(1, acc[slot] as number) * (this.slotIdf[slot] as number);
      acc[slot] = 0;
    }
    return docs;
  }

  /**
   * The question's most specific word (its rarest) is rare in general language and nothing the knowledge
   * base says stands for it (not the word, a synonym, its sound or its characters): the question is about
   * something the shop does not cover ("a refund from my airline", "track my flight", 顺丰招聘), however
   * well its other words meet an entry.
   */
  private namesWhatNoEntrySays(words: readonly Word[], rarities: readonly number[]): boolean {
    if (words.length < 2) return false;
    let rarest = 0;
    rarities.forEach((r, i) => {
      if (r > (rarities[rarest] as number)) rarest = i;
    });
    const w = words[rarest] as Word;
    if (generalWeight(w.term) < UNMENTIONED_RARE) return false;
    return !this.termIds.has(w.term) && !w.derived.some((d) => this.termIds.has(d.term));
  }

  /** How much of each doc word one question word meets (into `wordAcc`, by its terms); the slots met. */
  private creditWord(w: Word): number[] {
    const met: number[] = [];
    this.creditTerm(w.term, w.span, met);
    w.derived.forEach((d, i) => {
      // A term twice among a word's own (a sound pair repeated) is credited once.
      if (d.term !== w.term && !w.derived.some((e, j) => j < i && e.term === d.term)) this.creditTerm(d.term, w.span, met);
    });
    return met;
  }

  private creditTerm(term: string, span: number, met: number[]): void {
    const id = this.termIds.get(term);
    if (id === undefined) return;
    const end = this.postStart[id + 1] as number;
    for (let p = this.postStart[id] as number; p < end; p++) {
      const code = this.postData[p] as number;
      const slot = code >> 3;
      const kind = code & 7;
      const share = (KIND_SHARE[kind] as number) / (PER_PAIR[kind] ? Math.max(this.slotSpan[slot] as number, span) : 1);
      if (this.wordAcc[slot] === 0) met.push(slot);
      this.wordAcc[slot] = (this.wordAcc[slot] as number) + share;
    }
  }

  /**
   * How rare a question word is: its idf, scaled by its rarity in general Chinese. A word no entry has
   * counts as the rarest, unless something standing for it is known (pinyin typed for a word, a wrong
   * character of the same sound): then as rare as that.
   */
  private rarity(w: Word): number {
    const id = this.termIds.get(w.term);
    let df = id === undefined ? 0 : (this.df[id] as number);
    for (const d of w.derived) {
      if (df > 0) break;
      const known = this.termIds.get(d.term);
      if (known !== undefined) df = (this.postStart[known + 1] as number) - (this.postStart[known] as number);
    }
    return Math.log(1 + Math.max(this.docs.length, 1) / Math.max(df, 1)) * generalWeight(w.term);
  }

  /** Every term of an entry's keywords, similar questions and title (for telling siblings apart). */
  private termsOf(e: KnowledgeEntry): Set<string> {
    const known = this.entryTerms.get(e);
    if (known) return known;
    const out = new Set<string>();
    this.entryTerms.set(e, out);
    const fields = [...e.keywords, ...e.similarQuestions, e.description ? `${e.title ?? ''} ${e.description}` : e.title];
    for (const f of fields) {
      if (!f) continue;
      for (const t of analyzeField(f, this.synonyms, this.builtIn, false).terms) out.add(t);
    }
    return out;
  }
}

/**
 * The entry number a message consists of: the digits alone, or said as people say them when picking
 * from a numbered menu (第3个, 3号, 选3, 选第3个, 回复5, 看下5, 我想看第7条, 就选5吧, 7号问题, 编号5, #5, no. 5,
 * option 2, 5 please, 第十个, 选四, 5️⃣); nothing else around them.
 */
export function numberAsked(folded: string): number | undefined {
  const m = PICKED_NUMBER.exec(folded);
  if (!m) return undefined;
  const said = m[1] as string;
  return /\d/.test(said) ? Number(said) : chineseNumber(said);
}

/** A number picked from a menu: who picks (我/就/想/要), how (看/选/回复), 第, the number, its measure word, a particle. */
const PICKED_NUMBER = new RegExp(
  [
    '^(?:(?:我|就)?(?:想|要)?(?:看一下|看下|看看|看|选择|选|回复|问)?第?|序号|编号|no|number|option)',
    '\\s*(\\d{1,9}|[零一二两三四五六七八九十]{1,3})\\s*',
    '(?:号|个|条|项)?(?:问题)?(?:吧|呢|啊|呀|哦|哈|嘛|谢谢|谢了)*(?:\\s*(?:please|pls|thanks|thx))?$',
  ].join(''),
);

const DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number (十二, 二十, 三十五), or undefined for anything else (一一, 十十). */
function chineseNumber(said: string): number | undefined {
  const parts = said.split('十');
  if (parts.length > 2) return undefined;
  const [tens, ones] = parts.length === 2 ? parts : ['', said];
  if ((tens as string).length > 1) return undefined;
  if ((ones as string).length > 1) return undefined;
  const t = said.includes('十') ? (tens ? DIGIT[tens as string] : 1) : 0;
  const o = ones ? DIGIT[ones as string] : 0;
  if (t === undefined || o === undefined) return undefined;
  const n = t * 10 + o;
  return n > 0 ? n : undefined;
}

/** The threshold a question is held to: a question without Chinese is an English one (ranking.ts). */
function thresholdFor(question: string, threshold: number): number {
  return HAN.test(question) ? threshold : threshold * ENGLISH_THRESHOLD;
}

function usableBy(robotId: string | undefined, now: number): (e: KnowledgeEntry) => boolean {
  return (e) => isLive(e, now) && (e.robotIds.length === 0 || (robotId !== undefined && e.robotIds.includes(robotId)));
}

/** The knowledge base's own Chinese words: keywords and the pieces of titles. */
function* ownWords(entries: readonly KnowledgeEntry[]): Generator<string> {
  for (const e of entries) {
    for (const k of e.keywords) yield keywordKey(k);
    if (e.title) yield* keywordKey(e.title).split(' ');
  }
}
