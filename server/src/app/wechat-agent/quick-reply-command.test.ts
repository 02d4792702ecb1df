// `/q` from an agent's WeChat: the list numbered as the workbench lists it (their own, then the team's),
// and a reply sent to the current customer with its placeholders filled for them.
import type { QuickReply } from '../../core/quick-replies/quick-reply';
import { sameOwner } from '../../core/quick-replies/quick-reply';
import type { QuickReplyLookup } from '../../core/wechat-agent/quick-replies';
import { CHANNEL } from '../testing/engine-fixture';
import { wechatAgentFixture, type WeChatAgentFixture } from './testing/wechat-agent-fixture';

const reply = (id: string, title: string, text: string, agentId?: string): QuickReply => ({
  id,
  channelId: CHANNEL,
  title,
  text,
  ...(agentId !== undefined && { agentId }),
  createdAt: 0,
  updatedAt: 0,
});
const replies = [
  reply('q1', '团队问候', '[name]您好{br}欢迎光临'),
  reply('q2', '我的', '我是小王，[name]请稍等', 'w1'),
  reply('q3', '别人的', '不该出现', 'w2'),
];
const lookup: QuickReplyLookup = {
  peek: (owner) => replies.filter((r) => sameOwner(r, owner)),
  contents: async (r) => (r.text === undefined ? [] : [{ type: 'text', text: r.text }]),
};

let f: WeChatAgentFixture;
beforeEach(async () => {
  f = wechatAgentFixture(undefined, lookup);
  await f.settings({ receptionMode: 'agents_only' });
  await f.agent('w1', { name: '小王', wechatOpenid: 'oA', status: 'offline', maxConcurrent: 2 });
  await f.write('oA', '上班');
  f.newTexts('oA');
});

describe('/q from WeChat', () => {
  it('lists the agent’s own replies, then the team’s, numbered', async () => {
    await f.write('oA', '/q');
    expect(f.newTexts('oA')).toEqual(['快捷回复（发送 /q 编号 使用）：\n1. 我的\n2. 团队问候']);
  });

  it('sends one by number or title to the current customer, filled for them; an unknown one is named', async () => {
    await f.store.tx.customers.save({
      id: 'cu-x',
      channelId: CHANNEL,
      openid: 'oC1',
      nickname: '小明',
      params: {},
      customFields: {},
      firstSeenAt: 0,
      lastSeenAt: 0,
    });
    await f.write('oC1', '你好');
    f.newTexts('oC1');
    await f.write('oA', '/q 2');
    await f.write('oA', '/q 我的');
    expect(f.newTexts('oC1')).toEqual(['小明您好\n欢迎光临', '我是小王，小明请稍等']);
    await f.write('oA', '/q 别人的');
    expect(f.newTexts('oA').at(-1)).toBe('没有快捷回复「别人的」。发送 /q 查看列表。');
  });

  it('says so when nobody is being served', async () => {
    await f.write('oA', '/q 1');
    expect(f.newTexts('oA')).toEqual(['当前没有接待中的客户。发送「排队」查看排队，「帮助」查看命令。']);
  });
});
