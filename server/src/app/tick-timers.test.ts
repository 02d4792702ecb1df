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
    // a2 let it wait too: with both excluded nobody can take it, so it queues, never back to either.
    expect(f.conversation(id)).toMatchObject({ state: 'queued', queuedFor: { kind: 'pool' }, excludedAgentIds: ['a1', 'a2'] });
  });

  it('agent no-reply with nobody else free queues it in its home group, never back to the silent agent', async () => {
    const f = engineFixture();
    await f.settings({ agentNoReplyMinutes: 5, defaultGroupId: 'sales' });
    await f.group('sales');
    await f.agent('a1', { groupIds: ['sales'] });
    await f.agent('other', { groupIds: ['other'] });
    const id = idOf(await f.say('u1', 'hi'));
    f.clock.advanceMinutes(5);
    expect(await tick(f)).toEqual([{ conversationId: id, kind: 'agent_no_reply' }]);
    expect(f.conversation(id)).toMatchObject({ state: 'queued', queuedFor: { kind: 'group', groupId: 'sales' }, excludedAgentIds: ['a1'] });
    expect(f.conversation(id).agentId).toBeUndefined();
    expect(f.sentTexts('u1').at(-1)).toBe('当前客服繁忙，您排在第 1 位，请稍候。');
    f.clock.advanceMinutes(4);
    expect(await tick(f)).toEqual([]);
    await f.agent('a2', { groupIds: ['sales'], status: 'offline' });
    const { changeAgentStatus } = await import('./change-agent-status');
    await changeAgentStatus(f.deps, { agentId: 'a2', status: 'online' });
    expect(f.conversation(id)).toMatchObject({ state: 'assigned', agentId: 'a2' });
  });

  it('agent no-reply re-dispatches in the home group only, excluding every agent who already timed out on it', async () => {
    const f = engineFixture();
    await f.settings({ agentNoReplyMinutes: 5, defaultGroupId: 'sales', announceAssignment: false });
    await f.group('sales', { settings: { assignment: 'round_robin' } });
    await f.agent('a1', { groupIds: ['sales'], lastAssignedAt: 1 });
    await f.agent('outsider', { lastAssignedAt: 0 });
    const id = idOf(await f.say('u1', 'hi'));
    await f.agent('a2', { groupIds: ['sales'], lastAssignedAt: 2 });
    await f.agent('a3', { groupIds: ['sales'], lastAssignedAt: 3 });
    const holders: Array<string | undefined> = [];
    for (let i = 0; i < 3; i += 1) {
      f.clock.advanceMinutes(5);
      await tick(f);
      holders.push(f.conversation(id).agentId);
    }
    expect(holders).toEqual(['a2', 'a3', undefined]);
    expect(f.conversation(id)).toMatchObject({ state: 'queued', excludedAgentIds: ['a1', 'a2', 'a3'] });
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

  it('when work time ends, queued customers get the off-hours notice and the leave-a-message offer; assigned ones continue', async () => {
    const f = engineFixture();
    await f.calendar('office'); // 09:00-18:00 Shanghai; the fixture's clock starts on a Monday at 10:00
    await f.settings({ calendarId: 'office', queueTimeoutMinutes: 0, agentNoReplyMinutes: 0, customerSilenceMinutes: 0 });
    await f.agent('a1', { maxConcurrent: 1 });
    const served = idOf(await f.say('u1', 'hi'));
    const waiting = idOf(await f.say('u2', 'hi'));
    expect(f.conversation(waiting).state).toBe('queued');
    const { nextTimerDueAt } = await import('./tick-timers');
    const closing = Date.UTC(2025, 0, 6, 10, 0);
    expect(await nextTimerDueAt(f.deps, { channelId: CHANNEL })).toBe(closing);
    f.clock.set(closing - 1);
    expect(await tick(f)).toEqual([]);
    f.clock.set(closing);
    expect(await tick(f)).toEqual([{ conversationId: waiting, kind: 'work_time_end' }]);
    expect(f.conversation(waiting)).toMatchObject({ state: 'left_message', leftMessageAt: closing });
    expect(f.sentTexts('u2').at(-1)).toBe('您好，现在是非工作时间，客服暂时无法接待。请直接留言，我们会在工作时间尽快回复您。');
    expect(f.conversation(served)).toMatchObject({ state: 'assigned', agentId: 'a1' });
    expect(f.notifier.notices).toContainEqual({ type: 'queue_changed', channelId: CHANNEL, length: 0 });
    expect(await tick(f)).toEqual([]);
  });

  it('a team may keep its queue past the end of work time', async () => {
    const f = engineFixture();
    await f.calendar('office');
    await f.settings({ calendarId: 'office', queueTimeoutMinutes: 0, agentNoReplyMinutes: 0, queueClosesWithWorkTime: false });
    await f.agent('a1', { maxConcurrent: 0 });
    const id = idOf(await f.say('u1', 'hi'));
    f.clock.set(Date.UTC(2025, 0, 6, 10, 0));
    expect(await tick(f)).toEqual([]);
    expect(f.conversation(id).state).toBe('queued');
  });

  it('a group’s own calendar decides when its queue closes', async () => {
    const f = engineFixture();
    await f.calendar('early', { workdaySegments: [{ start: 9 * 60, end: 11 * 60 }] });
    await f.settings({ defaultGroupId: 'g', queueTimeoutMinutes: 0, language: 'en' });
    await f.group('g', { calendarId: 'early' });
    await f.agent('a1', { groupIds: ['g'], maxConcurrent: 0 });
    const id = idOf(await f.say('u1', 'hi'));
    f.clock.advanceMinutes(59);
    expect(await tick(f)).toEqual([]);
    f.clock.advanceMinutes(1);
    expect(await tick(f)).toEqual([{ conversationId: id, kind: 'work_time_end' }]);
    expect(f.sentTexts('u1').at(-1)).toBe(
      'Hello, we are outside our working hours and no agent can answer right now.Please leave us a message and we will get back to you during working hours.',
    );
  });
});
