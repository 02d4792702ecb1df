// An agent coming online is told how many left messages (留言) wait: in the status story's answer (the
// workbench shows it) and in the status command's answer for agents who work from WeChat.
import { changeAgentStatus } from './change-agent-status';
import { leaveMessage } from './leave-message';
import { engineFixture } from './testing/engine-fixture';
import { wechatAgentFixture } from './wechat-agent/testing/wechat-agent-fixture';

describe('left messages waiting, told on coming online', () => {
  it('the status story counts the merchant’s left messages when the agent comes online, not otherwise', async () => {
    const f = engineFixture();
    await f.agent('a1', { maxConcurrent: 0 });
    for (const openid of ['u1', 'u2']) {
      const said = await f.say(openid, 'hi');
      await leaveMessage(f.deps, { conversationId: said.kind === 'handled' ? said.conversationId : '' });
    }
    await f.merchant('m1', 'shop1');
    await f.agent('other', { merchantId: 'm1', status: 'offline' });
    expect(await changeAgentStatus(f.deps, { agentId: 'a1', status: 'busy' })).not.toHaveProperty('leftMessagesWaiting');
    expect(await changeAgentStatus(f.deps, { agentId: 'a1', status: 'online' })).toMatchObject({ leftMessagesWaiting: 2 });
    expect(await changeAgentStatus(f.deps, { agentId: 'other', status: 'online' })).toMatchObject({ leftMessagesWaiting: 0 });
  });

  it('a WeChat agent’s 上班 answer names the count and the command that lists them', async () => {
    const f = wechatAgentFixture(async () => undefined);
    await f.settings({ receptionMode: 'agents_only' });
    await f.agent('w1', { name: '小王', wechatOpenid: 'oA', status: 'offline', maxConcurrent: 2 });
    await f.write('oC1', '有人吗'); // nobody online: the customer is offered to leave a message
    const left = [...f.store.data.conversations.values()].find((c) => c.state !== 'ended');
    if (left && left.state !== 'left_message') await leaveMessage(f.deps, { conversationId: left.id });
    await f.write('oA', '上班');
    expect(f.sentTexts('oA')).toEqual(['已切换为「上班（空闲）」。\n有 1 条留言待处理，发送「看留言」查看。']);
  });
});
