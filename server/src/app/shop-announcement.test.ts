// Merchants on a platform mini program: one customer, one WeChat chat, two merchants. Each switch of
// shop is announced once, in the first message from the new shop's conversation; a channel without
// merchants hears nothing new.
import { agentReply } from './agent-reply';
import { engineFixture, type EngineFixture } from './testing/engine-fixture';

async function twoShops(): Promise<EngineFixture> {
  const f = engineFixture();
  await f.merchant('mA', 'A');
  await f.merchant('mB', 'B');
  await f.agent('agentA', { merchantId: 'mA' });
  await f.agent('agentB', { merchantId: 'mB' });
  await f.agent('platform');
  return f;
}

const idOf = (r: { kind: string; conversationId?: string }) => r.conversationId ?? '';
const reply = (f: EngineFixture, conversationId: string, agentId: string, text: string) =>
  agentReply(f.deps, { conversationId, agentId, content: { type: 'text', text } });

describe('shop announcement (merchants on one platform mini program)', () => {
  it('tells the customer once per switch, back and forth', async () => {
    const f = await twoShops();
    await f.enter('u1', { platformAction: { customerCode: 'A' } });
    const a = idOf(await f.say('u1', 'about A'));
    await reply(f, a, 'agentA', 'A here');
    await f.enter('u1', { platformAction: { customerCode: 'B' } });
    const b = idOf(await f.say('u1', 'about B'));
    await reply(f, b, 'agentB', 'B here');
    await f.say('u1', 'more about B');
    await reply(f, b, 'agentB', 'B again');
    await f.enter('u1', { platformAction: { customerCode: 'A' } });
    expect(idOf(await f.say('u1', 'back to A'))).toBe(a);
    await reply(f, a, 'agentA', 'A again');
    await reply(f, a, 'agentA', 'A once more');
    expect(f.sentTexts('u1')).toEqual([
      '您好，欢迎咨询！\n客服 Agent agentA 为您服务，请问有什么可以帮您？', // the first contact: nothing to tell apart
      'A here',
      '您正在咨询：Shop B\n您好，欢迎咨询！\n客服 Agent agentB 为您服务，请问有什么可以帮您？',
      'B here',
      'B again',
      '您正在咨询：Shop A\nA again',
      'A once more',
    ]);
  });

  it('uses the merchant’s own text and language from the settings', async () => {
    const f = await twoShops();
    await f.settings({ language: 'en' }, 'mB');
    await f.settings({ messages: { merchantAnnouncement: '【{merchant}】' } }, 'mA');
    await f.enter('u1', { platformAction: { customerCode: 'A' } });
    await f.say('u1', 'hi A');
    await f.enter('u1', { platformAction: { customerCode: 'B' } });
    await f.say('u1', 'hi B');
    await f.enter('u1', { platformAction: { customerCode: 'A' } });
    await reply(f, idOf(await f.say('u1', 'again A')), 'agentA', 'yes');
    expect(f.sentTexts('u1').slice(1)).toEqual([
      'You are now talking to: Shop B\nHello, welcome!\nAgent agentB is here to help you. What can I do for you?',
      '【Shop A】\nyes',
    ]);
  });

  it('a switch to the platform’s own team is not named, but coming back to the shop is', async () => {
    const f = await twoShops();
    await f.enter('u1', { platformAction: { customerCode: 'A' } });
    const a = idOf(await f.say('u1', 'hi A'));
    await f.enter('u1', { platformAction: { customerCode: 'UNKNOWN' } });
    await f.say('u1', 'hi platform');
    await f.enter('u1', { platformAction: { customerCode: 'A' } });
    await f.say('u1', 'back');
    await reply(f, a, 'agentA', 'welcome back');
    expect(f.sentTexts('u1').slice(1)).toEqual([
      '您好，欢迎咨询！\n客服 Agent platform 为您服务，请问有什么可以帮您？',
      '您正在咨询：Shop A\nwelcome back',
    ]);
  });

  it('a non-text message leaves the announcement to the next text', async () => {
    const f = await twoShops();
    await f.settings({ announceAssignment: false, sendWelcome: false });
    await f.enter('u1', { platformAction: { customerCode: 'A' } });
    await reply(f, idOf(await f.say('u1', 'hi A')), 'agentA', 'A here');
    await f.enter('u1', { platformAction: { customerCode: 'B' } });
    const b = idOf(await f.say('u1', 'hi B'));
    await agentReply(f.deps, { conversationId: b, agentId: 'agentB', content: { type: 'image', mediaId: 'm1' } });
    await reply(f, b, 'agentB', 'see the picture');
    expect(f.sentTexts('u1').slice(1)).toEqual(['[image]', '您正在咨询：Shop B\nsee the picture']);
  });

  it('a channel without merchants behaves as before: no announcement, whatever is entered', async () => {
    const f = engineFixture();
    await f.agent('a1');
    await f.enter('u1', { platformAction: { customerCode: 'A' } });
    const c = idOf(await f.say('u1', 'hi'));
    await reply(f, c, 'a1', 'hello');
    await f.enter('u1', { platformAction: { customerCode: 'B' } });
    expect(idOf(await f.say('u1', 'again'))).toBe(c);
    await reply(f, c, 'a1', 'still me');
    expect(f.sentTexts('u1')).toEqual(['您好，欢迎咨询！\n客服 Agent a1 为您服务，请问有什么可以帮您？', 'hello', 'still me']);
  });
});
