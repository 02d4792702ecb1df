// Field weights and the rules that turn scores into a decision. A document is one field of an entry (a
// keyword, a similar question, the title, the answer text); its score is the share of its rarity-weighted
// terms the question covers and the share of the question it explains (see knowledge-index.ts).
import type { KnowledgeEntry } from './entry';

/**
 * How much of a word each kind of evidence is worth: the word itself fully, a synonym most of it, its
 * sound or its characters (per pair, shared over the pairs inside the word) less; a word is never
 * credited more than once.
 */
export const KINDS = ['word', 'synonym', 'phonetic', 'phonetic-x', 'bigram', 'bigram-x'] as const;
export const KIND_SHARE = [1, 0.8, 0.85, 0.3, 0.5, 0.15] as const;
/** Kinds whose share is divided by the word's span. */
export const PER_PAIR = [false, false, true, true, true, true] as const;

export const FIELD = { keyword: 1, similar: 0.95, title: 0.8, text: 0.6 } as const;
/**
 * A field in the other language than the question's (an English keyword for a Chinese question, met
 * through a synonym) counts less: a Chinese sentence with a few English words is a Chinese question.
 */
export const OTHER_LANGUAGE = 0.75;
/** The answer text only adds to an entry found by another field. */
export const TEXT_BONUS = 0.25;
/**
 * A question word is explained by the best match among all of an entry's fields (a keyword covering
 * "ship" and the answer naming "Singapore" together explain "do you ship to Singapore"); a match in the
 * answer text counts for this share of it (an answer mentions more than it is about).
 */
export const TEXT_EXPLAINS = 0.6;
/**
 * A score is covered ** DOC_SHARE × explained ** (1 − DOC_SHARE), a weighted geometric mean: a field fully found in a
 * question that is mostly about something else (信用卡逾期 against a 信用卡 keyword) scores low.
 */
export const DOC_SHARE = 0.4;
/**
 * A ranked entry at or above the threshold is sent outright when it stands this far ahead of the next
 * one; otherwise, and for entries somewhat below the threshold, the robot asks back with a short menu
 * instead of guessing (a wrong entry is worse than a question back).
 */
export const CLEAR_LEAD = 0.05;
/**
 * An English question is held to this share of the threshold. The threshold was set on Chinese questions,
 * whose scores gather partial evidence English words never get (character pairs, sounds, the lexicon's
 * larger Chinese side): on the evaluation sets English questions no entry answers score at most about 0.45
 * where Chinese ones reach 0.75, and English questions an entry answers score lower too (median 0.70
 * against 0.86). The same bar therefore declined English questions that had as clear an answer as a Chinese
 * one; at this share no English question without an answer is answered on those sets.
 */
export const ENGLISH_THRESHOLD = 0.9;
/**
 * A question whose rarest word is at least this rare in general language (general-rarity.ts: not an
 * everyday word) and met by nothing the knowledge base says is asked back with a menu, never answered
 * outright: one well-met keyword beside a word the shop never mentions ("refund" in "a refund from my
 * airline") is a question about something else as often as not, and a wrong entry is worse than a menu.
 */
export const UNMENTIONED_RARE = 0.95;
/** The menu lists entries within this much of the best one and at least at this share of the threshold. */
export const MENU_BAND = 0.15;
export const MENU_FLOOR = 0.6;
export const MENU_MAX = 3;

export interface Scored {
  entry: KnowledgeEntry;
  /** 0..1: how well the entry's best field and the question match (the threshold applies to it). */
  score: number;
  /** 0..1: the share of the question (its words by rarity) that field explains. */
  explained: number;
  /** What the question and that field share, in rarest words (1: as much as one word found nowhere else). */
  evidence: number;
  /** Close siblings within reach and nothing in the question belongs to this one alone. */
  indistinct?: boolean;
  /** Written in the other language than the question's (a Chinese entry for an English question). */
  otherLanguage?: boolean;
  /** The question's most specific word is something no entry mentions (knowledge-index.ts). */
  unmentioned?: boolean;
}

export type Decision =
  | { kind: 'answer'; entry: KnowledgeEntry; score: number; how: 'number' | 'keyword' | 'ranked' }
  | { kind: 'menu'; entries: KnowledgeEntry[] }
  | { kind: 'none' };

/**
 * A question is answered in its own language when some entry of that language is good enough for a menu:
 * then entries of the other language (met through the lexicon's translations) are left out, neither
 * answered nor competing with it ("how many days until it ships" has an English entry, not 发货时间).
 * Without one, they stay, at their lower score: a shop with only Chinese entries still answers English.
 */
export function ownLanguageFirst(ranked: readonly Scored[], threshold: number): readonly Scored[] {
  const own = ranked.filter((c) => !c.otherLanguage);
  return own.length < ranked.length && (own[0]?.score ?? 0) >= threshold * MENU_FLOOR ? own : ranked;
}

/** From ranked candidates (best first, usable only): an answer, a menu of close entries, or nothing. */
export function decide(all: readonly Scored[], threshold: number): Decision {
  const ranked = ownLanguageFirst(all, threshold);
  const [top, next] = ranked;
  if (!top || top.score < threshold * MENU_FLOOR) return { kind: 'none' };
  if (top.score >= threshold && top.score - (next?.score ?? 0) >= CLEAR_LEAD && !top.indistinct && !top.unmentioned) {
    return { kind: 'answer', entry: top.entry, score: top.score, how: 'ranked' };
  }
  const close = ranked.filter((c) => c.score >= top.score - MENU_BAND && c.score >= threshold * MENU_FLOOR);
  return { kind: 'menu', entries: close.slice(0, MENU_MAX).map((c) => c.entry) };
}

/** The "猜你想问" text: the entries by their own numbers, so replying a number picks one statelessly. */
export function menuText(entries: readonly KnowledgeEntry[]): string {
  const lines = entries.map((e) => `${e.number}. ${label(e)}`);
  return `猜你想问 / Did you mean:\n${lines.join('\n')}\n回复序号即可 / Reply with the number.`;
}

function label(e: KnowledgeEntry): string {
  return (e.title?.trim() || e.similarQuestions[0] || e.keywords[0] || `#${e.number}`).slice(0, 40);
}
