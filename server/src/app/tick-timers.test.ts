import { agentReply } from './agent-reply';
import { tickTimers } from './tick-timers';
import { CHANNEL, engineFixture } from './testing/engine-fixture';

const idOf = (r: { kind: string; conversationId?: string }) => r.conversationId ?? '';
const tick = (f: ReturnType<typeof engineFixture>) => tickTimers(f.deps, { channelId: CHANNEL });

describe('tickTimers', () => {
  it('queue timeout offers to leave a message and moves the others up', async () => {
    const f = engineFixture();
    await f.settings({ queueTimeoutMinutes: 10 });
    await f.agent('a1', { maxConcurrent: 0 });
    const first = idOf(await f.say('u1', 'hi'));
    f.clock.advanceMinutes(5);
    await f.say('u2', 'hi');
    f.clock.advanceMinutes(5);
    expect(await tick(f)).toEqual([{ conversationId: first, kind: 'queue_timeout' }]);
    expect(f.conversation(first).state).toBe('left_message');
    expect(f.sentTexts('u1').at(-1)).toBe('请直接留言，我们会在工作时间尽快回复您。');
    expect(f.sentTexts('u2').at(-1)).toBe('当前客服繁忙，您排在第 1 位，请稍候。');
    expect(await tick(f)).toEqual([]);
  });

  it('customer silence: a warning first, then the end with the closing message', async () => {
    const f = engineFixture();
    await f.settings({ customerSilenceMinutes: 10, silenceWarningMinutes: 3, language: 'en' });
    await f.agent('a1');
    const id = idOf(await f.say('u1', 'hi'));
    await agentReply(f.deps, { conversationId: id, agentId: 'a1', content: { type: 'text', text: 'How can I help?' } });
    f.clock.advanceMinutes(6);
    expect(await tick(f)).toEqual([]);
    f.clock.advanceMinutes(1);
    expect(await tick(f)).toEqual([{ conversationId: id, kind: 'silence_warning' }]);
    expect(f.sentTexts('u1').at(-1)).toBe('We have not heard from you for a while; this conversation will end in 3 minutes.');
    expect(await tick(f)).toEqual([]);
    f.clock.advanceMinutes(3);
    expect(await tick(f)).toEqual([{ conversationId: id, kind: 'silence_end' }]);
    expect(f.conversation(id)).toMatchObject({ state: 'ended', endReason: 'customer_silent' });
    expect(f.sentTexts('u1').at(-1)).toBe('This conversation has ended. Thank you for contacting us!');
  });

  it('a customer who answers after the warning is not ended', async () => {
    const f = engineFixture();
    await f.settings({ customerSilenceMinutes: 10, silenceWarningMinutes: 3, agentNoReplyMinutes: 0 });
    await f.agent('a1');
    const id = idOf(await f.say('u1', 'hi'));
    await agentReply(f.deps, { conversationId: id, agentId: 'a1', content: { type: 'text', text: '?' } });
    f.clock.advanceMinutes(8);
    await tick(f);
    await f.say('u1', 'still here');
    f.clock.advanceMinutes(30);
    expect(await tick(f)).toEqual([]);
    expect(f.conversation(id).state).toBe('assigned');
  });

  it('agent no-reply moves the conversation to a free colleague, never back', async () => {
    const f = engineFixture();
    await f.settings({ agentNoReplyMinutes: 5, announceAssignment: false });
    await f.agent('a1');
    const id = idOf(await f.say('u1', 'hi'));
    await f.agent('a2');
    f.clock.advanceMinutes(5);
    expect(await tick(f)).toEqual([{ conversationId: id, kind: 'agent_no_reply' }]);
    expect(f.conversation(id)).toMatchObject({ agentId: 'a2', excludedAgentIds: ['a1'], customerWaitingSince: f.clock.now() });
    expect(f.notifier.notices).toContainEqual({ type: 'agent_no_reply', channelId: CHANNEL, conversationId: id, agentId: 'a1' });
    f.clock.advanceMinutes(5);
    await tick(f);
    expect(f.conversation(id)).toMatchObject({ agentId: 'a2', excludedAgentIds: ['a1'] });
  });

  it('agent no-reply with nobody else free keeps the agent, reminds them and restarts the timer', async () => {
    const f = engineFixture();
    await f.settings({ agentNoReplyMinutes: 5 });
    await f.agent('a1');
    const id = idOf(await f.say('u1', 'hi'));
    f.clock.advanceMinutes(5);
    await tick(f);
    expect(f.conversation(id)).toMatchObject({ agentId: 'a1', customerWaitingSince: f.clock.now(), excludedAgentIds: [] });
    f.clock.advanceMinutes(4);
    expect(await tick(f)).toEqual([]);
  });

  it('the agent’s timer starts at assignment, not when the customer joined the queue', async () => {
    const f = engineFixture();
    await f.settings({ agentNoReplyMinutes: 5, queueTimeoutMinutes: 0 });
    await f.agent('a1', { maxConcurrent: 0 });
    const id = idOf(await f.say('u1', 'hi'));
    f.clock.advanceMinutes(30);
    await f.store.tx.agents.save({ ...(await f.store.tx.agents.get('a1'))!, maxConcurrent: 1 });
    const { changeAgentStatus } = await import('./change-agent-status');
    await changeAgentStatus(f.deps, { agentId: 'a1', status: 'online' });
    expect(f.conversation(id).state).toBe('assigned');
    f.clock.advanceMinutes(4);
    expect(await tick(f)).toEqual([]);
  });

  it('robot conversations end quietly after the customer’s idleness', async () => {
    const f = engineFixture();
    await f.settings({ receptionMode: 'robot_only', robotIdleMinutes: 20 });
    const id = idOf(await f.say('u1', 'hi'));
    f.clock.advanceMinutes(20);
    expect(await tick(f)).toEqual([{ conversationId: id, kind: 'robot_idle' }]);
    expect(f.conversation(id)).toMatchObject({ state: 'ended', endReason: 'robot_idle' });
    expect(f.sentTexts('u1')).toHaveLength(1);
  });

  it('a group’s own settings govern its conversations', async () => {
    const f = engineFixture();
    await f.settings({ queueTimeoutMinutes: 60, defaultGroupId: 'vip' });
    await f.group('vip', { settings: { queueTimeoutMinutes: 2 } });
    await f.agent('a1', { groupIds: ['vip'], maxConcurrent: 0 });
    const id = idOf(await f.say('u1', 'hi'));
    f.clock.advanceMinutes(2);
    expect(await tick(f)).toEqual([{ conversationId: id, kind: 'queue_timeout' }]);
  });
});
