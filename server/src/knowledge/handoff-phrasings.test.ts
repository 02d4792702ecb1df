// Asking for a person as customers type it: the rates on the development corpus (written before the
// recogniser was tuned), and one case or two per pattern family so that a broken family is named.
import { asksForPerson } from './handoff-intent';
import { ASKS_FOR_PERSON, NOT_A_HANDOFF } from './testing/handoff-phrasings';

describe('the hand-off corpus', () => {
  it('is large enough to measure on', () => {
    expect(ASKS_FOR_PERSON.length).toBeGreaterThanOrEqual(250);
    expect(NOT_A_HANDOFF.length).toBeGreaterThanOrEqual(200);
  });

  it('recognises at least 98% of the ways customers ask for a person', () => {
    const missed = ASKS_FOR_PERSON.filter((q) => !asksForPerson(q));
    const recall = 1 - missed.length / ASKS_FOR_PERSON.length;
    if (recall < 0.98) throw new Error(`recall ${recall.toFixed(3)}; missed:\n${missed.join('\n')}`);
  });

  it('takes at most 1% of ordinary messages about people for a hand-off', () => {
    const taken = NOT_A_HANDOFF.filter((q) => asksForPerson(q));
    const accuracy = 1 - taken.length / NOT_A_HANDOFF.length;
    if (accuracy < 0.99) throw new Error(`accuracy ${accuracy.toFixed(3)}; taken:\n${taken.join('\n')}`);
  });
});

describe('asking for a person', () => {
  it.each([
    ['a person word alone, with filler', ['客服客服客服', '客服 please', 'human 客服', 'live agent', 'staff please']],
    ['a verb of reaching a role', ['找你们领导', '我要找在线客服', '转接售后', '联系你们负责人', '我要 human', '转 agent']],
    ['someone described by what they can do', ['来个能说话的', '有喘气的吗', '找个懂行的人', '有没有在线的']],
    ['summoning someone', ['来个人', '安排个人', '让客服回我', '把你们店长叫来', '叫个人给我打电话']],
    ['talking with someone', ['我要和客服说话', '想跟你们的人谈谈']],
    ['asking after someone', ['掌柜的出来一下', '老板你好在吗', '值班的人在吗', '有人理我吗', '怎么没人回']],
    ['asking to be passed on or received', ['麻烦帮我转一下', '转接', '接待一下我']],
    ['asking whether a person answers', ['你到底是不是人', '你是机器人吗', 'is this a real person', 'is a human reading this']],
    ['refusing the robot', ['别让机器人回我', '不要自动回复', '机器人滚', 'stop the bot', 'I don’t want to talk to a robot']],
    ['a person word by its sound', ['人公', '转仁工', '客腹在吗', '刻服在吗', 'kefu zai ma', 'zhao kefu']],
    ['English presence and reach', ['hello? anyone?', 'any real people here', 'can someone help', 'where is the human']],
  ])('recognises %s', (_family, messages) => {
    for (const q of messages) expect([q, asksForPerson(q)]).toEqual([q, true]);
  });

  it.each([
    ['a person word naming a thing', ['人工草坪怎么卖', '人工合成的还是天然的', '有真人实拍图吗', '有售后服务吗', '要个人发票']],
    ['the hours or numbers of the service', ['人工服务时间', '人工客服几点上班', '人工客服电话是多少', '什么时候有人在']],
    ['a role mentioned in passing', ['谢谢客服小姐姐', '你们客服回复挺快的', '工作人员说的那个活动还有吗', '我跟客服说了要退货']],
    ['a role addressed while ordering', ['老板来个大份的', '老板推荐一下哪款好']],
    ['English roles as modifiers', ["is the manager's special still on", 'staff discount available?', 'agent fee for orders?']],
    ['English people in passing', ['someone told me there is a sale', 'i need it to support 220v', 'is this one waterproof']],
    ['greetings and chit-chat', ['你好', '在吗', '哈哈哈', 'hello']],
  ])('does not take %s for it', (_family, messages) => {
    for (const q of messages) expect([q, asksForPerson(q)]).toEqual([q, false]);
  });
});
