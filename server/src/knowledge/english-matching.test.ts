// English questions as customers type them, against a channel with entries in both languages: everyday
// English words weigh little, contractions are words, lexicon phrases keep their words, a question word
// is explained by everything its entry says, an entry answers in the languages it is written in and a
// question is answered in its own language first, English questions are held to their own share of the
// threshold, a question about something no entry mentions is asked back, and asking when agents are
// online is not asking for one.
import type { KnowledgeEntry } from './entry';
import { generalWeight } from './general-rarity';
import { asksForPerson } from './handoff-intent';
import { KnowledgeIndex } from './knowledge-index';
import { fold } from './text-folding';
import { terms } from './tokens';

const entry = (number: number, keywords: string[], title: string, text = `${title}.`): KnowledgeEntry => ({
  channelId: 'ch1',
  number,
  keywords,
  similarQuestions: [],
  type: 'text',
  text,
  title,
  enabled: true,
  robotIds: [],
  welcome: false,
  handoff: false,
  updatedAt: 0,
});

const SHOP = [
  entry(1, ['发货时间', '几天发货'], '下单后几天发货', '付款后48小时内发货。'),
  entry(2, ['电压', '220V'], '电器是多少伏的', '本店电器均为220V。'),
  entry(3, ['退货', 'return'], '退货流程', '七天无理由退货。'),
  entry(11, ['international shipping', 'ship abroad'], 'International shipping', 'We ship to Singapore, Malaysia and Canada by EMS.'),
  entry(12, ['delivery time', 'how long'], 'Delivery time', 'In-stock items arrive in 2-4 days.'),
  entry(13, ['voltage', 'plug'], 'Voltage and plugs', 'Our appliances are 220V with Chinese plugs.'),
  entry(14, ['refund', 'money back'], 'Refund policy', 'Refunds reach your card within 3 working days.'),
  entry(15, ['track order', 'tracking number'], 'Track my order', 'Open the order to see the tracking number.'),
];
const index = new KnowledgeIndex(SHOP);
const decided = (q: string, threshold?: number) => {
  const d = index.decide(q, undefined, 0, threshold);
  return d.kind === 'answer' ? d.entry.number : d.kind;
};

describe('English words', () => {
  it('weighs everyday English words as everyday Chinese words weigh, and trade words fully', () => {
    for (const w of ['time', 'day', 'thing', 'work', 'today']) expect(generalWeight(w)).toBeLessThan(0.6);
    expect(generalWeight('order')).toBeLessThan(1);
    expect(generalWeight('refund')).toBe(1);
    expect(generalWeight('invoice')).toBe(1);
  });
  it('reads contractions as words, with or without the apostrophe', () => {
    expect(fold("Where's my parcel? It doesn't work, I can't log in")).toBe('where my parcel it does not work i can not log in');
    expect(terms("I'm still waiting, it's late")).toEqual(['still', 'wait', 'late']);
    expect(terms('dont work')).toEqual(['not', 'work']);
  });
  it('keeps the words of a lexicon phrase found inside a longer question', () => {
    expect(terms('refund not received')).toContain('refund');
  });
});

describe('ranking English questions', () => {
  it('explains a question word by anything its entry says, the answer text included', () => {
    // "ship" meets the keyword, "Singapore" only the answer text: together they answer it.
    expect(decided('do you ship to singapore')).toBe(11);
  });
  it('takes an entry’s language from the entry, not from one of its fields', () => {
    // 220V is a keyword of a Chinese entry: that entry is in the other language than an English question.
    const [chinese] = index.candidates('is it 110v or 220v', 1);
    expect(chinese).toMatchObject({ entry: { number: 2 }, otherLanguage: true });
    // An entry given English keywords beside Chinese ones answers English questions too.
    expect(new KnowledgeIndex([SHOP[2] as KnowledgeEntry]).decide('I want to return it', undefined, 0)).toMatchObject({
      kind: 'answer',
      entry: { number: 3 },
    });
  });
  it('answers in the question’s own language when that language has an entry good enough', () => {
    // 发货时间 meets it best through the lexicon's translations, but an English entry is close enough to offer.
    expect(index.candidates('how many days until it ships', 1)[0]?.entry.number).toBe(1);
    const d = index.decide('how many days until it ships', undefined, 0);
    expect(d.kind === 'menu' && d.entries.map((e) => e.number)).toEqual([12, 11]);
  });
  it('holds English questions to a lower share of the threshold than Chinese ones', () => {
    const refunds = new KnowledgeIndex([entry(1, ['退款'], '退款多久到账'), entry(2, ['refund'], 'Refund policy')]);
    const english = refunds.candidates('my refund is late', 1)[0];
    const chinese = refunds.candidates('退款好慢啊', 1)[0];
    expect(english).toMatchObject({ entry: { number: 2 } });
    expect(chinese).toMatchObject({ entry: { number: 1 } });
    // Each at a threshold 5% above its own score: the English one is still answered, the Chinese one is not.
    const at = (q: string, threshold: number) => refunds.decide(q, undefined, 0, threshold).kind;
    expect(at('my refund is late', (english?.score ?? 0) / 0.95)).toBe('answer');
    expect(at('退款好慢啊', (chinese?.score ?? 0) / 0.95)).toBe('menu');
  });
  it('asks back instead of answering a question about something no entry mentions', () => {
    expect(decided('how do I get a refund from my airline')).toBe('menu');
    expect(decided('can you track my flight')).not.toBe(15);
    expect(decided('how do I get a refund')).toBe(14);
  });
});

describe('asking when people are there', () => {
  it('is asking for the hours, not for a person', () => {
    expect(asksForPerson('when are your agents online')).toBe(false);
    expect(asksForPerson('what time can I talk to a human')).toBe(false);
    expect(asksForPerson('can I talk to an agent')).toBe(true);
  });
});
