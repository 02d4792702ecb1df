// The knowledge robot's evaluation sets, answered by the current matcher and the previous one
// (baseline-matcher/): knowledge-eval/ (a home-appliance shop, the set the matcher was developed on), then
// sets written later by other writers who never saw the matcher, never looked at question by question:
// knowledge-eval-holdout/ (clothing), -fresh/ (fresh fruit), -pets/ (a pet shop) and -beauty/ (cosmetics),
// the held-out checks that the matcher serves customers it has not met. Each is a shop's entries and questions typed as customers
// type, written apart from the matcher. Only aggregate figures are printed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeEntry } from '../src/knowledge/entry';
import { asksForPerson } from '../src/knowledge/handoff-intent';
import { KnowledgeIndex } from '../src/knowledge/knowledge-index';
import { KnowledgeIndex as BaselineIndex } from './baseline-matcher/knowledge-index';

type Expect = number | null | 'handoff';
interface Question {
  q: string;
  expect: Expect;
  kind: 'natural' | 'numeric' | 'keyword' | 'offtopic' | 'handoff';
  lang: 'zh' | 'en' | 'mixed';
}
/** What a matcher did with a question: an entry, a hand-off, a menu of entries, or nothing. */
export type Outcome = { entry: KnowledgeEntry } | { handoff: true } | { menu: KnowledgeEntry[] } | undefined;

/** The evaluation sets' folders: KB_EVAL_DIR alone when given, else the repository's five (or the sample). */
export function evalDirs(): string[] {
  if (process.env.KB_EVAL_DIR) return [process.env.KB_EVAL_DIR];
  const sets = ['knowledge-eval', 'knowledge-eval-holdout', 'knowledge-eval-fresh', 'knowledge-eval-pets', 'knowledge-eval-beauty'].map(
    (d) => join(process.cwd(), 'server/bench', d),
  );
  const found = sets.filter((d) => existsSync(join(d, 'questions.json')));
  return found.length ? found : [join(process.cwd(), 'server/bench/knowledge-eval-sample')];
}

export function loadEval(dir: string): { dir: string; entries: KnowledgeEntry[]; questions: Question[] } {
  const kb = JSON.parse(readFileSync(join(dir, 'shop-kb.json'), 'utf8')) as { entries: Partial<KnowledgeEntry>[] };
  const entries = kb.entries.map(
    (e): KnowledgeEntry =>
      ({
        channelId: 'ch1',
        keywords: [],
        similarQuestions: [],
        enabled: true,
        robotIds: [],
        welcome: false,
        handoff: false,
        updatedAt: 0,
        ...e,
      }) as KnowledgeEntry,
  );
  // KB_EVAL_QUESTIONS: another question file against the same entries (relative to the set's folder).
  const questions = join(dir, process.env.KB_EVAL_QUESTIONS ?? 'questions.json');
  return { dir, entries, questions: JSON.parse(readFileSync(questions, 'utf8')) as Question[] };
}

export function currentMatcher(entries: KnowledgeEntry[]): (q: string) => Outcome {
  const index = new KnowledgeIndex(entries);
  return (q) => {
    const d = index.decide(q, undefined, 0);
    if (d.kind === 'answer' && d.how !== 'ranked') return { entry: d.entry };
    if (asksForPerson(q)) return { handoff: true };
    if (d.kind === 'answer') return { entry: d.entry };
    return d.kind === 'menu' ? { menu: d.entries } : undefined;
  };
}

export function baselineMatcher(entries: KnowledgeEntry[]): (q: string) => Outcome {
  const index = new BaselineIndex(entries);
  return (q) => {
    const m = index.match(q, undefined, 0);
    return m && { entry: m.entry };
  };
}

const rate = (hit: number, of: number) => (of === 0 ? '   -  ' : `${((hit / of) * 100).toFixed(1).padStart(5)}%`);

/** The figures of one matcher, one line per measure. */
export function evaluate(questions: Question[], answer: (q: string) => Outcome): Map<string, string> {
  const tally = new Map<string, [number, number]>();
  const count = (key: string, hit: boolean) => {
    const t = tally.get(key) ?? [0, 0];
    tally.set(key, [t[0] + (hit ? 1 : 0), t[1] + 1]);
  };
  for (const { q, expect, kind, lang } of questions) {
    const o = answer(q);
    const entry = o && 'entry' in o ? o.entry : undefined;
    const handedOff = (o !== undefined && 'handoff' in o) || entry?.handoff === true;
    if (kind === 'offtopic') {
      count('offtopic: declined (no entry, no menu)', o === undefined);
      count('offtopic: menu offered', o !== undefined && 'menu' in o);
      count('offtopic: WRONG (answered an entry)', entry !== undefined && !entry.handoff);
      continue;
    }
    if (kind === 'handoff' || expect === 'handoff') {
      count('hand-off intent recall', handedOff);
      continue;
    }
    const right = entry?.number === expect;
    count(`precision@1 ${kind}`, right);
    if (kind === 'natural') {
      count(`precision@1 natural, ${lang}`, right);
      count('natural: wrong entry answered', entry !== undefined && !right);
      count('natural: menu offered', o !== undefined && 'menu' in o);
      count('natural: right entry in the menu', o !== undefined && 'menu' in o && o.menu.some((e) => e.number === expect));
      count('natural: declined', o === undefined);
    }
  }
  const out = new Map<string, string>();
  for (const [key, [hit, of]] of [...tally].sort((a, b) => a[0].localeCompare(b[0]))) out.set(key, `${rate(hit, of)} (${hit}/${of})`);
  return out;
}

export function printComparison(): void {
  for (const dir of evalDirs()) printSet(dir);
}

function printSet(folder: string): void {
  const { dir, entries, questions } = loadEval(folder);
  console.log(`\nevaluation set ${dir}: ${entries.length} entries, ${questions.length} questions`);
  const before = evaluate(questions, baselineMatcher(entries));
  const now = evaluate(questions, currentMatcher(entries));
  console.log(`${'measure'.padEnd(42)} ${'previous matcher'.padEnd(20)} current matcher`);
  for (const key of new Set([...now.keys(), ...before.keys()])) {
    console.log(`${key.padEnd(42)} ${(before.get(key) ?? '-').padEnd(20)} ${now.get(key) ?? '-'}`);
  }
}
