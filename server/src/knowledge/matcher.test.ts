// The matcher's parts: folding, segmentation, the phonetic layer, synonyms, stemming, ranking of close
// siblings, the hand-off intent, the decline threshold and the 猜你想问 menu.
import type { EntryFields, KnowledgeEntry } from './entry';
import { stem } from './english-stem';
import { asksForPerson } from './handoff-intent';
import { generalWeight } from './general-rarity';
import { KnowledgeIndex, numberAsked } from './knowledge-index';
import { KnowledgeRobot } from './knowledge-robot';
import { KnowledgeBase } from './knowledge-base';
import { fuzzy, splitPinyin } from './phonetic';
import { menuText } from './ranking';
import { synonymGroups } from './synonyms';
import { fold } from './text-folding';
import { analyze, terms } from './tokens';

const entry = (
  number: number,
  keywords: string[],
  title: string,
  similarQuestions: string[] = [],
  extra: Partial<EntryFields> = {},
): KnowledgeEntry => ({
  channelId: 'ch1',
  number,
  keywords,
  similarQuestions,
  type: 'text',
  text: `${title}的说明`,
  title,
  enabled: true,
  robotIds: [],
  welcome: false,
  handoff: false,
  updatedAt: 0,
  ...extra,
});

const SHOP = [
  entry(1, ['发货时间', '什么时候发货'], '发货时间', ['下单后多久发货']),
  entry(2, ['退货', '怎么退货'], '退货流程', ['不想要了怎么退']),
  entry(3, ['退款多久到账'], '退款到账时间', ['钱什么时候退回来']),
  entry(4, ['发票', '开发票'], '开发票', ['能开票吗']),
  entry(5, ['优惠券怎么用'], '优惠券使用方法', ['券用不了']),
  entry(6, ['优惠券在哪领'], '优惠券领取', ['哪里领券']),
  entry(7, ['保修', '质保'], '保修政策', ['保修多久']),
  entry(8, ['refund'], 'Refund policy', ['how do I get my money back']),
  entry(9, ['shipping time'], 'Shipping time', ['when will my order ship']),
  entry(10, ['人工', '转人工'], '转人工', [], { handoff: true }),
];
const index = new KnowledgeIndex(SHOP);
const top = (q: string) => index.candidates(q, 3)[0]?.entry.number;
const answered = (q: string) => {
  const d = index.decide(q, undefined, 0);
  return d.kind === 'answer' ? d.entry.number : d.kind;
};

describe('folding', () => {
  it('folds width, traditional characters and case, and drops stickers, emoji and punctuation', () => {
    expect(fold('ＡＢＣ１２３')).toBe('abc123');
    expect(fold('請問發貨時間')).toBe('请问发货时间');
    expect(fold('亲[捂脸]发货了吗😂？？')).toBe('亲 发货了吗');
  });
  it('does not count filler words as content', () => {
    expect(terms('亲 请问一下 发货了吗 呢 啊')).toEqual(['发货']);
  });
});

describe('segmentation', () => {
  it('cuts Chinese into words and keeps the knowledge base’s own words whole', () => {
    new KnowledgeIndex([entry(50, ['酷鲁米', '退货流程'], '酷鲁米')]);
    expect(terms('我的酷鲁米坏了')).toContain('酷鲁米');
    expect(terms('退货流程是什么')).toEqual(expect.arrayContaining(['退货', '流程']));
  });
  it('reads a Chinese sentence with a few English words as Chinese', () => {
    expect(terms('这个size偏大吗')).toEqual(expect.arrayContaining(['size']));
  });
});

describe('phonetic layer', () => {
  it('splits pinyin typed in Latin letters into syllables', () => {
    expect(splitPinyin('fahuo')).toEqual(['fa', 'huo']);
    expect(splitPinyin('youhui')).toEqual(['you', 'hui']);
    expect(splitPinyin('refund')).toBeUndefined();
  });
  it('reads syllables as people mistype them (模糊音)', () => {
    expect(fuzzy('zhang')).toBe('zan');
    expect(fuzzy('ceng')).toBe('cen');
    expect(fuzzy('gong')).toBe('gong');
    expect(analyze('renggong')[0]?.derived).toContainEqual({ term: '~ren_gong', kind: 'phonetic' });
    expect(analyze('人工')[0]?.derived).toContainEqual({ term: '~ren_gong', kind: 'phonetic' });
  });
  it('meets the right words through homophones and pinyin', () => {
    expect(top('可以开发漂吗')).toBe(4);
    expect(top('fahuo要几天')).toBe(1);
    expect(top('fa货要几天')).toBe(1);
    expect(top('youhui券在哪里领')).toBe(6);
  });
});

describe('synonyms and stemming', () => {
  it('finds an entry through a word of the lexicon it does not use', () => {
    expect(top('坏了能修吗')).toBe(7);
    expect(top('退钱要多久')).toBe(3);
  });
  it('lets a channel add its own groups', () => {
    const groups = synonymGroups([['小蓝瓶', '精华液']]);
    expect(groups.at(-1)).toEqual(['小蓝瓶', '精华液']);
    const own = new KnowledgeIndex([entry(1, ['精华液怎么用'], '精华液用法')], { synonyms: [['小蓝瓶', '精华液']] });
    expect(own.candidates('小蓝瓶怎么用', 1)[0]?.entry.number).toBe(1);
  });
  it('stems English words', () => {
    expect(stem('refunds')).toBe(stem('refund'));
    expect(stem('shipped')).toBe(stem('ship'));
    expect(stem('shipping')).toBe(stem('ship'));
    expect(stem('returning')).toBe(stem('return'));
  });
  it('matches English questions with English entries', () => {
    expect(top('how long do refunds take')).toBe(8);
    expect(answered('when is my order shipped')).toBe(9);
  });
});

describe('ranking and deciding', () => {
  it('tells close siblings apart by what differs', () => {
    expect(top('优惠券在哪里领取')).toBe(6);
    expect(top('优惠券用不了怎么办')).toBe(5);
  });
  it('answers numbers and exact keywords, numbers as people say them too', () => {
    expect(answered('4')).toBe(4);
    expect(answered('第4个')).toBe(4);
    expect(numberAsked('3号')).toBe(3);
    expect(numberAsked('选第12个')).toBe(12);
    expect(numberAsked('第十个')).toBe(10);
    expect(numberAsked('选四')).toBe(4);
    expect(numberAsked('三十五')).toBe(35);
    expect(numberAsked('十十')).toBeUndefined();
    expect(numberAsked('一百')).toBeUndefined();
    expect(numberAsked('订单123456')).toBeUndefined();
    // Who picks, how, the measure word and a particle may all come with the number.
    expect(numberAsked('要第三个')).toBe(3);
    expect(numberAsked('第3条吧')).toBe(3);
    expect(numberAsked('我想看第7条')).toBe(7);
    expect(numberAsked('就选5吧')).toBe(5);
    expect(numberAsked('7号问题')).toBe(7);
    expect(numberAsked('看看第八个呀')).toBe(8);
    expect(answered('4\uFE0F\u20E3')).toBe(4);
    expect(numberAsked('看下14')).toBe(14);
    expect(numberAsked('编号46')).toBe(46);
    expect(numberAsked('65 please')).toBe(65);
    expect(numberAsked('我要5斤')).toBeUndefined();
    expect(numberAsked('3天能到吗')).toBeUndefined();
    expect(answered('退货')).toBe(2);
  });
  it('needs the question explained, not only a field covered', () => {
    // 信用卡 is all of a keyword, but the question is about something else (逾期): no answer.
    const cards = new KnowledgeIndex([entry(1, ['信用卡'], '支持信用卡付款'), entry(2, ['退货'], '退货流程')]);
    expect(cards.decide('信用卡可以用吗', undefined, 0)).toMatchObject({ kind: 'answer', entry: { number: 1 } });
    expect(cards.decide('我的信用卡逾期了银行打电话催收怎么办', undefined, 0)).toEqual({ kind: 'none' });
  });
  it('counts a partial match for its share of the longer word', () => {
    // 今天天气 shares only 今天 with the similar question: it explains a third of the word, not all of it.
    const today = new KnowledgeIndex([entry(1, ['发货时间'], '发货时间', ['今天下单今天能发吗'])]);
    expect(today.candidates('今天天气', 1)[0]?.explained ?? 0).toBeLessThan(0.5);
  });
  it('weighs everyday words less than rare ones (general Chinese)', () => {
    expect(generalWeight('今天')).toBeLessThan(0.6);
    expect(generalWeight('退货')).toBe(1);
    expect(generalWeight('refund')).toBe(1);
  });
  it('matches the lexicon’s English phrases as one thing asked', () => {
    const english = new KnowledgeIndex([entry(1, ['refund'], 'Refund policy'), entry(2, ['shipping time'], 'Shipping time')]);
    expect(english.decide('I want my money back', undefined, 0)).toMatchObject({ kind: 'answer', entry: { number: 1 } });
  });
  it('asks back when the question cannot tell siblings apart', () => {
    const d = index.decide('优惠券', undefined, 0);
    expect(d).toMatchObject({ kind: 'menu' });
    expect(d.kind === 'menu' && d.entries.map((e) => e.number).sort()).toEqual([5, 6]);
  });
  it('declines below the threshold', () => {
    expect(answered('今天天气怎么样')).toBe('none');
    expect(index.match('今天天气怎么样', undefined, 0)).toBeUndefined();
  });
  it('never ranks the hand-off entry: it is reached by its number, its keywords or the intent', () => {
    expect(index.candidates('人工智能是什么', 5).map((c) => c.entry.number)).not.toContain(10);
  });
  it('writes the 猜你想问 menu with the entries’ own numbers', () => {
    expect(menuText([SHOP[4] as KnowledgeEntry, SHOP[5] as KnowledgeEntry])).toMatch(/猜你想问[\s\S]*5\. 优惠券使用方法\n6\. 优惠券领取/);
  });
});

describe('hand-off intent', () => {
  it.each([
    '转人工',
    '我要跟人说话',
    '找个真人',
    '叫你们客服出来',
    '有人在吗',
    'can I talk to a human',
    'is anyone there who can help',
    'get me an agent',
    '不用机器人了 找人工',
    '叫你们经理来',
    '你听不懂 换个人跟我聊',
    'renggong',
    'zhuan rengong',
  ])('recognises %s', (q) => expect(asksForPerson(q)).toBe(true));
  it.each([
    '客服电话多少',
    '退货流程',
    'does anyone know the shipping time',
    'how much is shipping',
    '转人工就不用了',
    'no need for an agent',
    '个人发票怎么开',
    'kefu dianhua',
  ])('does not take %s for it', (q) => expect(asksForPerson(q)).toBe(false));
});

describe('the robot', () => {
  const base = new KnowledgeBase();
  base.loadScope({ channelId: 'ch1' }, SHOP);
  const robot = new KnowledgeRobot(base, { now: () => 0 });
  const ctx = { channelId: 'ch1', conversationId: 'c1', customer: { id: 'u1' } };
  const ask = (text: string) => robot.answer({ type: 'text', text }, ctx);

  it('hands off when asked for a person in any words, with the hand-off entry', async () => {
    expect(await ask('我要跟人说话')).toEqual({
      kind: 'answer',
      replies: [expect.objectContaining({ text: '转人工的说明' })],
      handoff: true,
    });
  });
  it('hands off on its own when the scope has no hand-off entry', async () => {
    const bare = new KnowledgeBase();
    bare.loadScope({ channelId: 'ch1' }, SHOP.slice(0, 3));
    const answer = await new KnowledgeRobot(bare, { now: () => 0 }).answer({ type: 'text', text: 'real person please' }, ctx);
    expect(answer).toMatchObject({ kind: 'answer', handoff: true });
  });
  it('offers a menu when unsure, and a number then picks from it', async () => {
    const menu = await ask('优惠券');
    expect(menu.kind).toBe('answer');
    const text = menu.kind === 'answer' && menu.replies[0]?.type === 'text' ? menu.replies[0].text : '';
    expect(text).toContain('猜你想问');
    const picked = Number(/\n(\d+)\. /.exec(text)?.[1]);
    expect(await ask(String(picked))).toMatchObject({ kind: 'answer', replies: [{ text: `${SHOP[picked - 1]?.title}的说明` }] });
  });
});
