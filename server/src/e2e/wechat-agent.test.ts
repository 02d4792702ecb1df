// End to end, agents who answer from their own WeChat. Two customers and the agent are users of
// the emulated mini program; the composed server forwards between them; a workbench agent shares the
// team; WeChat's 48 hours pass for the agent.
import { CHANNEL, eventually, startStack, type Stack } from './testing/stack';

jest.setTimeout(40_000);

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
});
afterEach(() => stack.close());

const app = { appId: CHANNEL.appId } as never;

const textsTo = (openid: string) => stack.delivered(openid);

/** Waits until `openid` has received a text for which `match` holds, and returns it. */
async function received(openid: string, match: (t: string) => boolean): Promise<string> {
  try {
    return await eventually(async () => (await textsTo(openid)).find(match), 8000);
  } catch {
    throw new Error(`not received by ${openid}; got ${JSON.stringify(await textsTo(openid))}`);
  }
}

async function say(openid: string, text: string): Promise<void> {
  await stack.emulator.customerSays(app, openid, 'text', { text });
}

async function wechatAgent(name: string, openid: string): Promise<string> {
  const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name, maxConcurrent: 1, wechatOpenid: openid });
  return agent.body.id;
}

describe('an agent on WeChat', () => {
  it('binds by openid, goes to work, serves two customers with commands, and shares the team with a workbench agent', async () => {
    await say('oAgent', 'openid');
    await received('oAgent', (t) => t === '您的 openid：oAgent');
    await wechatAgent('小王', 'oAgent');
    await say('oAgent', '上班');
    await received('oAgent', (t) => t.startsWith('已切换为「上班'));

    await say('oC1', '你好，想问订单');
    await received('oAgent', (t) => t === '新客户 #1 接入（当前客户，直接回复即可）\n你好，想问订单');
    await say('oAgent', '请发一下订单号');
    await received('oC1', (t) => t === '请发一下订单号');

    await say('oC2', '在吗'); // the agent is full (1 at a time): oC2 waits
    await received('oC2', (t) => t.includes('排在第 1 位'));
    await say('oAgent', '排队');
    await received('oAgent', (t) => t.startsWith('排队 1 人：\n#2'));
    await say('oAgent', '下一个');
    await received('oC1', (t) => t.startsWith('本次会话已结束'));
    await received('oAgent', (t) => t === '新客户 #2 接入（当前客户，直接回复即可）\n在吗');
    await say('oAgent', '@2:在的，请讲');
    await received('oC2', (t) => t === '在的，请讲');

    // A workbench agent in the same team takes the next customer while 小王 is full.
    const bench = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, {
      name: '小李',
      maxConcurrent: 3,
      status: 'online',
    });
    expect(bench.status).toBe(201);
    // Telling a returning customer who served them last is an option, off by default.
    expect((await stack.api('PUT', `/channels/${CHANNEL.id}/settings`, { announcePreviousAgent: true })).status).toBe(200);
    await say('oC1', '我又来了');
    await received('oC1', (t) => t.includes('\n上次为您服务的是客服「小王」，发送「小王」可直接找 TA。\n客服 小李 为您服务'));
    await say('oC2', '再见');
    await received('oAgent', (t) => t === '#2 客户已离开。');
    await say('oC1', '小王'); // calling 小王 by name moves oC1 from 小李 to 小王
    await received('oAgent', (t) => t.startsWith('新客户 #1 接入（当前客户，直接回复即可）'));
    await say('oAgent', '帮助');
    await received('oAgent', (t) => t.startsWith('客服命令 Commands:'));
  });

  it("falls back when WeChat's window for the agent has closed, and tells the agent when they write again", async () => {
    await wechatAgent('小王', 'oAgent');
    await say('oAgent', '上班');
    await received('oAgent', (t) => t.startsWith('已切换为「上班'));
    await stack.emulator.admin('/clock/advance', { hours: 49 }); // WeChat's 48 hours pass; our clock does not know
    await say('oC1', '你好');
    // The forward to the agent meets 45015: the customer goes back to the queue (nobody else is on duty).
    await received('oC1', (t) => t.includes('排在第 1 位'));
    await say('oAgent', '我在');
    await received('oAgent', (t) =>
      t.startsWith('您超过 48 小时未在此发言，微信暂停了发给您的消息（45015）。\n期间这些客户已转出：\n#1：回到排队'),
    );
    // Back at work: the queue moves to them.
    await received('oAgent', (t) => t === '新客户 #1 接入（当前客户，直接回复即可）\n你好');
  });
});
