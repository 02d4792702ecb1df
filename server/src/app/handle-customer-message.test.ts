import { CHANNEL, engineFixture, messageInItsUnit, textPush } from './testing/engine-fixture';

const assignedId = (r: Awaited<ReturnType<ReturnType<typeof engineFixture>['say']>>) => {
  if (r.kind !== 'handled') throw new Error('duplicate');
  return r.conversationId;
};

describe('handleCustomerMessage: agents only', () => {
  it('opens a conversation, records the message and assigns a free agent', async () => {
    const f = engineFixture();
    await f.agent('a1');
    const r = await f.say('u1', '你好');
    expect(r).toMatchObject({ kind: 'handled', state: 'assigned' });
    const c = f.conversation(assignedId(r));
    expect(c).toMatchObject({ agentId: 'a1', customerWaitingSince: f.clock.now(), lastCustomerMessageAt: f.clock.now() });
    const inbound = [...f.store.data.messages.values()].find((m) => m.direction === 'in');
    expect(inbound).toMatchObject({ content: { type: 'text', text: '你好' }, sender: { kind: 'customer' } });
    expect(f.sentTexts('u1')).toEqual(['您好，欢迎咨询！\n客服 Agent a1 为您服务，请问有什么可以帮您？']);
    expect(f.notifier.notices.some((n) => n.type === 'conversation_changed' && n.agentId === 'a1')).toBe(true);
    expect(f.notifier.notices).toContainEqual(expect.objectContaining({ type: 'message_added', messageId: inbound?.id, message: inbound }));
  });

  it('records a redelivered push once and changes nothing', async () => {
    const f = engineFixture();
    await f.agent('a1');
    const push = textPush('u1', 'hi', '24000000000000000001');
    const input = { channelId: CHANNEL, channelKind: 'miniprogram' as const, push };
    const first = await messageInItsUnit(f.deps, input);
    const outboxBefore = f.store.data.outbox.length;
    const again = await messageInItsUnit(f.deps, input);
    expect(again).toEqual({ kind: 'duplicate', messageId: first.messageId });
    expect(f.store.data.messages.size).toBe(1 + outboxBefore);
    expect(f.store.data.outbox).toHaveLength(outboxBefore);
  });

  it('continues the open conversation without routing again', async () => {
    const f = engineFixture();
    await f.agent('a1');
    const first = assignedId(await f.say('u1', 'one'));
    const second = assignedId(await f.say('u1', 'two'));
    expect(second).toBe(first);
    expect(f.sentTexts('u1')).toHaveLength(1);
  });

  it('spreads customers over the least loaded agents under their limits, then queues with positions', async () => {
    const f = engineFixture();
    await f.agent('a1', { maxConcurrent: 1 });
    await f.agent('a2', { maxConcurrent: 2 });
    const agents = [];
    for (const u of ['u1', 'u2', 'u3']) agents.push(f.conversation(assignedId(await f.say(u, 'hi'))).agentId);
    expect(agents).toEqual(['a1', 'a2', 'a2']);
    expect((await f.say('u4', 'hi')).kind === 'handled' && f.sentTexts('u4')).toEqual([
      '您好，欢迎咨询！\n当前客服繁忙，您排在第 1 位，请稍候。',
    ]);
    await f.say('u5', 'hi');
    expect(f.sentTexts('u5')).toEqual(['您好，欢迎咨询！\n当前客服繁忙，您排在第 2 位，请稍候。']);
  });

  it('round robin takes turns whatever the load', async () => {
    const f = engineFixture();
    await f.settings({ assignment: 'round_robin' });
    await f.agent('a1');
    await f.agent('a2');
    const agents = [];
    for (const u of ['u1', 'u2', 'u3', 'u4']) {
      agents.push(f.conversation(assignedId(await f.say(u, 'hi'))).agentId);
      f.clock.advanceMinutes(1);
    }
    expect(agents).toEqual(['a1', 'a2', 'a1', 'a2']);
  });

  it('offers to leave a message when the queue is full', async () => {
    const f = engineFixture();
    await f.settings({ maxQueueLength: 1 });
    await f.agent('a1', { maxConcurrent: 1 });
    await f.say('u1', 'hi');
    await f.say('u2', 'hi');
    const r = await f.say('u3', 'hi');
    expect(r).toMatchObject({ state: 'left_message' });
    expect(f.sentTexts('u3')).toEqual([
      '您好，欢迎咨询！\n当前咨询人数较多，排队已满，请稍后再试，或直接留言，我们会尽快回复您。请直接留言，我们会在工作时间尽快回复您。',
    ]);
  });

  it('nobody online: leave a message, acknowledged once, routed again once someone is there', async () => {
    const f = engineFixture();
    await f.settings({ language: 'en' });
    await f.agent('a1', { status: 'offline' });
    const id = assignedId(await f.say('u1', 'hello'));
    expect(f.conversation(id).state).toBe('left_message');
    expect(f.sentTexts('u1')).toEqual([
      'Hello, welcome!\nHello, no agent is available right now.Please leave us a message and we will get back to you during working hours.',
    ]);
    await f.say('u1', 'my order 42 is late');
    await f.say('u1', 'please call me');
    expect(f.sentTexts('u1').slice(1)).toEqual(['We have received your message and will reply as soon as we can.']);
    expect([...f.store.data.messages.values()].filter((m) => m.leftMessage)).toHaveLength(2);
    await f.store.tx.agents.save({ ...(await f.store.tx.agents.get('a1'))!, status: 'online' });
    const r = await f.say('u1', 'anyone?');
    expect(r).toMatchObject({ conversationId: id, state: 'assigned' });
  });

  it('off hours: the off-hours message with the leave-message prompt', async () => {
    const f = engineFixture();
    await f.calendar('cal');
    await f.settings({ calendarId: 'cal' });
    await f.agent('a1');
    f.clock.set(Date.parse('2025-01-06T20:00:00+08:00'));
    expect(await f.say('u1', 'hi')).toMatchObject({ state: 'left_message' });
    expect(f.sentTexts('u1')[0]).toBe(
      '您好，欢迎咨询！\n您好，现在是非工作时间，客服暂时无法接待。请直接留言，我们会在工作时间尽快回复您。',
    );
  });

  it('on a holiday the non-workday segments apply; on a make-up Sunday the workday ones', async () => {
    const f = engineFixture();
    await f.calendar('cal', { holidays: ['2025-10-01'], makeUpWorkdays: ['2025-09-28'] });
    await f.settings({ calendarId: 'cal' });
    await f.agent('a1');
    f.clock.set(Date.parse('2025-10-01T10:00:00+08:00'));
    expect(await f.say('u1', 'hi')).toMatchObject({ state: 'left_message' });
    f.clock.set(Date.parse('2025-09-28T10:00:00+08:00'));
    expect(await f.say('u2', 'hi')).toMatchObject({ state: 'assigned' });
  });
});

describe('handleCustomerMessage: robot modes', () => {
  it('robot first: the robot answers until the customer asks for a person', async () => {
    const f = engineFixture({ 价格: { kind: 'answer', replies: [{ type: 'text', text: '99 元' }] } });
    await f.settings({ receptionMode: 'robot_first' });
    await f.agent('a1');
    const r = await f.say('u1', '价格');
    expect(r).toMatchObject({ state: 'bot' });
    await f.say('u1', '怎么退货');
    expect(f.sentTexts('u1')).toEqual(['99 元', '抱歉，我没有理解您的问题。回复“人工”可以转接人工客服。']);
    expect(await f.say('u1', '转人工')).toMatchObject({ state: 'assigned' });
    const robotOut = [...f.store.data.messages.values()].filter((m) => m.sender.kind === 'robot');
    expect(robotOut).toHaveLength(1);
  });

  it('robot first: the robot may hand off by itself', async () => {
    const f = engineFixture({ 投诉: { kind: 'answer', replies: [{ type: 'text', text: '马上为您转接' }], handoff: true } });
    await f.settings({ receptionMode: 'robot_first' });
    await f.agent('a1');
    expect(await f.say('u1', '投诉')).toMatchObject({ state: 'assigned' });
  });

  it('robot only: keywords do not reach a person', async () => {
    const f = engineFixture();
    await f.settings({ receptionMode: 'robot_only', transferKeywords: ['转人工'] });
    await f.agent('a1');
    expect(await f.say('u1', '转人工')).toMatchObject({ state: 'bot' });
    expect(f.sentTexts('u1')).toEqual(['抱歉，我没有理解您的问题，请换个说法试试。']);
  });

  it('the session-from robotid picks the robot, else the default', async () => {
    const f = engineFixture();
    await f.settings({ receptionMode: 'robot_first', defaultRobotId: 'r-default' });
    await f.enter('u1', { robotId: 'r7' });
    await f.say('u1', 'hi');
    await f.say('u2', 'hi');
    expect(f.robot.questions.map((q) => q.context.robotId)).toEqual(['r7', 'r-default']);
  });
});

describe('handleCustomerMessage: concurrency', () => {
  it('two customers writing at once never get the same last seat', async () => {
    const f = engineFixture();
    await f.agent('a1', { maxConcurrent: 1 });
    const results = await Promise.all([f.say('u1', 'hi'), f.say('u2', 'hi')]);
    expect(results.map((r) => (r.kind === 'handled' ? r.state : r.kind)).sort()).toEqual(['assigned', 'queued']);
  });
});
