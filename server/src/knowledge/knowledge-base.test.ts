// A scope's own synonyms reach the index its robot answers from.
import type { KnowledgeEntry } from './entry';
import { KnowledgeBase } from './knowledge-base';

const entry = (number: number, keywords: string[], text: string): KnowledgeEntry => ({
  channelId: 'ch1',
  number,
  keywords,
  similarQuestions: [],
  type: 'text',
  text,
  title: text,
  enabled: true,
  robotIds: [],
  welcome: false,
  handoff: false,
  updatedAt: 0,
});
const ENTRIES = [
  entry(1, ['寄件'], '寄件请预约上门取件。'),
  entry(2, ['会员'], '会员可享九折。'),
  entry(3, ['营业时间'], '每天九点到晚上九点。'),
];

it('finds an entry by a word only the scope’s synonyms relate to it, and only with them', () => {
  const without = new KnowledgeBase();
  without.loadAll(ENTRIES, []);
  const withSynonyms = new KnowledgeBase();
  withSynonyms.loadAll(ENTRIES, [], [{ channelId: 'ch1', groups: [['寄件', '发件', 'kwikpost']] }]);
  const decide = (kb: KnowledgeBase) => kb.index({ channelId: 'ch1' }).decide('kwikpost', undefined, 0);
  expect(decide(without)).toEqual({ kind: 'none' });
  // Evidence through a synonym alone is weaker than the word itself: the entry is answered or offered first.
  const found = decide(withSynonyms);
  const offered = found.kind === 'answer' ? [found.entry] : found.kind === 'menu' ? found.entries : [];
  expect(offered.map((e) => e.number)[0]).toBe(1);
});
