// End to end: entering the mini program's chat in agents mode starts the conversation; its notices reach
// WeChat (the emulator) as one message, within the window entering grants, and the agent keeps every send
// the customer's message grants: WeChat's own count (the emulator's) says so.
import { encodeSessionFrom } from '../../../shared/src/index';
import { CHANNEL, eventually, startStack, type Stack } from './testing/stack';

interface Item {
  id: string;
  state?: string;
  sender?: { kind: string };
  noticeKinds?: string[];
}

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
});
afterEach(() => stack.close());

const app = { appId: CHANNEL.appId } as never;
const WELCOME_AND_AGENT = '您好，欢迎咨询！\n客服 小王 为您服务，请问有什么可以帮您？';

async function onlineAgent(name: string): Promise<string> {
  const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name, maxConcurrent: 3 });
  await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
  return agent.body.id;
}

const enter = (openid: string) =>
  stack.emulator.customerSays(app, openid, 'user_enter_tempsession', { sessionFrom: encodeSessionFrom({ nickname: '小明' }).value });

const conversations = async () => (await stack.api<{ items: Item[] }>('GET', `/channels/${CHANNEL.id}/conversations`)).body.items;

describe('entering the chat and the notices', () => {
  it('routes on entering, greets in one send, and leaves the agent all five sends of the message', async () => {
    const agentId = await onlineAgent('小王');
    await enter('oEnter1');
    const [conversation] = await eventually(async () => {
      const list = await conversations();
      return list.some((c) => c.state === 'assigned') ? list : undefined;
    });
    await eventually(async () => ((await stack.delivered('oEnter1')).length === 1 ? true : undefined));
    expect(await stack.delivered('oEnter1')).toEqual([WELCOME_AND_AGENT]);
    const messages = (await stack.api<{ items: Item[] }>('GET', `/conversations/${conversation?.id}/messages`)).body.items;
    expect(messages.map((m) => [m.sender?.kind, m.noticeKinds])).toEqual([['system', ['welcome', 'assigned']]]);

    await enter('oEnter1'); // re-entering an open conversation starts nothing and says nothing
    await stack.emulator.customerSays(app, 'oEnter1', 'text', { text: '你好' });
    await eventually(async () => {
      const list = (await stack.api<{ items: Item[] }>('GET', `/conversations/${conversation?.id}/messages`)).body.items;
      return list.length === 2 ? true : undefined;
    });
    expect(await conversations()).toHaveLength(1);
    const reply = (text: string) =>
      stack.api<{ error?: { code: string } }>('POST', `/conversations/${conversation?.id}/reply`, { agentId, text });
    for (let i = 1; i <= 5; i++) expect((await reply(`#${i}`)).status).toBe(202);
    const refused = await reply('#6');
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'quota_used_up']);
    await eventually(async () => ((await stack.delivered('oEnter1')).length === 6 ? true : undefined));
    expect(await stack.delivered('oEnter1')).toEqual([WELCOME_AND_AGENT, '#1', '#2', '#3', '#4', '#5']);
  });
});
