import { CHANNEL, engineFixture } from './testing/engine-fixture';
import { recordCustomerAction } from './record-customer-action';

const stateOf = (r: { kind: string; state?: string }) => r.state;

describe('customerEnteredSession', () => {
  it('keeps who the customer is and opens the 2-in-1-minute window, one send of which the entry notices take', async () => {
    const f = engineFixture();
    const r = await f.enter('u1', {
      nickname: '小明',
      avatarUrl: 'https://a/b.png',
      params: { order: '42' },
      partnerId: 'p-1',
      customerFields: { vip: 'yes' },
    });
    const c = await f.store.tx.customers.get(r.customerId);
    expect(c).toMatchObject({ openid: 'u1', nickname: '小明', partnerId: 'p-1', params: { order: '42' }, customFields: { vip: 'yes' } });
    // Agents mode routes on entering: welcome and outcome in one send, the other kept for the agent.
    expect(c?.sendWindow).toEqual({ remaining: 1, expiresAt: f.clock.now() + 60_000, pending: 1 }); // held until WeChat accepts it
  });

  it('a foreign session-from (wxapp) still records the customer, without context', async () => {
    const f = engineFixture();
    const { customerEnteredSession } = await import('./customer-entered-session');
    const r = await customerEnteredSession(f.deps, {
      channelId: CHANNEL,
      channelKind: 'miniprogram',
      openid: 'u1',
      context: { kind: 'none', reason: 'foreign', raw: 'wxapp' },
    });
    expect(r.merchantId).toBeUndefined();
    expect((await f.store.tx.customers.get(r.customerId))?.session).toEqual({ enteredAt: f.clock.now() });
  });

  it('official account actions open their 3-in-1-minute window', async () => {
    const f = engineFixture();
    const status = await recordCustomerAction(f.deps, {
      channelId: CHANNEL,
      channelKind: 'official_account',
      openid: 'o1',
      action: 'subscribe',
    });
    expect(status).toEqual({ open: true, remaining: 3, expiresAt: f.clock.now() + 60_000 });
  });
});

describe('transfer_action from the session-from', () => {
  it('to_group with overflow when nobody is online reaches the next level', async () => {
    const f = engineFixture();
    await f.group('g1');
    await f.group('g2');
    await f.agent('a1', { groupIds: ['g1'], status: 'offline' });
    await f.agent('a2', { groupIds: ['g2'] });
    await f.enter('u1', {
      transferAction: [
        { actionType: 'to_group', deciId: 'g1', optionId: '3', spillId: '4' },
        { actionType: 'to_group', deciId: 'g2', optionId: '4' },
      ],
    });
    const r = await f.say('u1', 'hi');
    expect(r).toMatchObject({ state: 'assigned' });
    expect(f.conversation(r.kind === 'handled' ? r.conversationId : '')).toMatchObject({ agentId: 'a2', groupId: 'g2' });
  });

  it('to_service without overflow waits in that agent’s own line', async () => {
    const f = engineFixture();
    await f.agent('star', { maxConcurrent: 1 });
    await f.agent('other');
    await f.enter('u1', { transferAction: [{ actionType: 'to_service', deciId: 'star', optionId: '2' }] });
    await f.enter('u2', { transferAction: [{ actionType: 'to_service', deciId: 'star', optionId: '2' }] });
    const first = await f.say('u1', 'hi');
    const second = await f.say('u2', 'hi');
    expect([stateOf(first), stateOf(second)]).toEqual(['assigned', 'queued']);
    const queued = f.conversation(second.kind === 'handled' ? second.conversationId : '');
    expect(queued.queuedFor).toEqual({ kind: 'agent', agentId: 'star' });
  });

  it('platform_action.flowGroupId is the default group when no transfer_action applies', async () => {
    const f = engineFixture();
    await f.merchant('m1', 'SHOP1');
    await f.group('mg', { merchantId: 'm1' });
    await f.agent('ma', { merchantId: 'm1', groupIds: ['mg'] });
    await f.agent('mb', { merchantId: 'm1' });
    await f.enter('u1', { platformAction: { customerCode: 'SHOP1', flowGroupId: 'mg' } });
    const r = await f.say('u1', 'hi');
    expect(f.conversation(r.kind === 'handled' ? r.conversationId : '')).toMatchObject({ merchantId: 'm1', agentId: 'ma', groupId: 'mg' });
  });
});

describe('merchant scoping', () => {
  async function twoShops() {
    const f = engineFixture();
    await f.merchant('mA', 'A');
    await f.merchant('mB', 'B');
    await f.group('gA', { merchantId: 'mA' });
    await f.group('gB', { merchantId: 'mB' });
    await f.agent('platform');
    await f.agent('agentA', { merchantId: 'mA', groupIds: ['gA'], maxConcurrent: 1 });
    await f.agent('agentB', { merchantId: 'mB', groupIds: ['gB'] });
    return f;
  }

  it('a conversation for merchant A never reaches B’s agents, even when A is full and B is free', async () => {
    const f = await twoShops();
    await f.enter('u1', { platformAction: { customerCode: 'A' } });
    await f.enter('u2', { platformAction: { customerCode: 'A' } });
    const first = await f.say('u1', 'hi');
    const second = await f.say('u2', 'hi');
    expect(f.conversation(first.kind === 'handled' ? first.conversationId : '')).toMatchObject({ merchantId: 'mA', agentId: 'agentA' });
    expect(stateOf(second)).toBe('queued');
  });

  it('a transfer_action naming another merchant’s group or agent is skipped', async () => {
    const f = await twoShops();
    await f.enter('u1', {
      platformAction: { customerCode: 'A' },
      transferAction: [
        { actionType: 'to_group', deciId: 'gB', optionId: '4' },
        { actionType: 'to_service', deciId: 'agentB', optionId: '2' },
      ],
    });
    const r = await f.say('u1', 'hi');
    expect(f.conversation(r.kind === 'handled' ? r.conversationId : '').agentId).toBe('agentA');
  });

  it('an unknown merchant goes to the platform team; another merchant’s flowGroupId is ignored', async () => {
    const f = await twoShops();
    const entered = await f.enter('u1', { platformAction: { customerCode: 'NOPE', flowGroupId: 'gB' } });
    expect(entered).toMatchObject({ unknownCustomerCode: 'NOPE' });
    expect(entered.merchantId).toBeUndefined();
    const r = await f.say('u1', 'hi');
    const c = f.conversation(r.kind === 'handled' ? r.conversationId : '');
    expect(c.merchantId).toBeUndefined();
    expect(c.agentId).toBe('platform');
  });

  it('one customer holds conversations with two merchants; entering from a button switches', async () => {
    const f = await twoShops();
    await f.enter('u1', { platformAction: { customerCode: 'A' } });
    const a = await f.say('u1', 'about shop A');
    await f.enter('u1', { platformAction: { customerCode: 'B' } });
    const b = await f.say('u1', 'about shop B');
    await f.enter('u1', { platformAction: { customerCode: 'A' } });
    const a2 = await f.say('u1', 'back to A');
    const ids = [a, b, a2].map((r) => (r.kind === 'handled' ? r.conversationId : ''));
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[2]).toBe(ids[0]);
    expect(f.conversation(ids[1] ?? '')).toMatchObject({ merchantId: 'mB', agentId: 'agentB' });
  });

  it('merchant settings override the channel’s, and default to them', async () => {
    const f = await twoShops();
    await f.settings({ receptionMode: 'robot_first' });
    await f.settings({ receptionMode: 'agents_only' }, 'mA');
    await f.enter('u1', { platformAction: { customerCode: 'A' } });
    await f.enter('u2', { platformAction: { customerCode: 'B' } });
    expect(stateOf(await f.say('u1', 'hi'))).toBe('assigned');
    expect(stateOf(await f.say('u2', 'hi'))).toBe('bot');
  });
});

describe('last agent', () => {
  async function served() {
    const f = engineFixture();
    await f.agent('first');
    const r = await f.say('u1', 'hi');
    const { endConversation } = await import('./end-conversation');
    await endConversation(f.deps, { conversationId: r.kind === 'handled' ? r.conversationId : '', by: { kind: 'admin' } });
    await f.agent('fresh');
    // 'first' now holds two other customers, 'fresh' none: least-loaded alone would pick 'fresh'.
    await f.store.tx.agents.save({ ...(await f.store.tx.agents.get('fresh'))!, status: 'offline' });
    await f.say('x1', 'hi');
    await f.say('x2', 'hi');
    await f.store.tx.agents.save({ ...(await f.store.tx.agents.get('fresh'))!, status: 'online' });
    return f;
  }

  it('prefers the previous agent while online', async () => {
    const f = await served();
    const r = await f.say('u1', 'again');
    expect(f.conversation(r.kind === 'handled' ? r.conversationId : '').agentId).toBe('first');
  });

  it('reaches an invisible previous agent', async () => {
    const f = await served();
    await f.store.tx.agents.save({ ...(await f.store.tx.agents.get('first'))!, status: 'invisible' });
    const r = await f.say('u1', 'again');
    expect(f.conversation(r.kind === 'handled' ? r.conversationId : '').agentId).toBe('first');
  });

  it('not when the previous agent is offline', async () => {
    const f = await served();
    await f.store.tx.agents.save({ ...(await f.store.tx.agents.get('first'))!, status: 'offline' });
    const r = await f.say('u1', 'again');
    expect(f.conversation(r.kind === 'handled' ? r.conversationId : '').agentId).toBe('fresh');
  });

  it('not when the mode is off', async () => {
    const f = await served();
    await f.settings({ lastAgentMode: false });
    const r = await f.say('u1', 'again');
    expect(f.conversation(r.kind === 'handled' ? r.conversationId : '').agentId).toBe('fresh');
  });
});

describe('the welcome (引导语) on entering', () => {
  const welcome = (f: ReturnType<typeof engineFixture>) => {
    f.deps.robot.greeting = (ctx) => ({ type: 'text', text: `您好 ${ctx.customer.nickname ?? ''}，回复序号即可：1.订单 2.售后` });
  };

  it('greets once per conversation in robot-first mode, however often the chat is entered', async () => {
    const f = engineFixture();
    welcome(f);
    await f.settings({ receptionMode: 'robot_first' });
    await f.enter('u1', { nickname: '小明' });
    await f.enter('u1', { nickname: '小明' });
    expect(f.sentTexts('u1')).toEqual(['您好 小明，回复序号即可：1.订单 2.售后']);
    const [conversation] = [...f.store.data.conversations.values()];
    expect(conversation).toMatchObject({ state: 'bot', greetedAt: f.clock.now() });
  });

  it('agents-only mode greets with the welcome text, not the robot’s; nor is a customer a person serves greeted', async () => {
    const f = engineFixture();
    welcome(f);
    await f.enter('u1');
    expect(f.sentTexts('u1')).toEqual(['您好，欢迎咨询！\n您好，客服暂时都不在线。请直接留言，我们会在工作时间尽快回复您。']);
    await f.settings({ receptionMode: 'robot_first' });
    await f.agent('a1');
    await f.say('u2', '转人工');
    const before = f.sentTexts('u2').length;
    await f.enter('u2');
    expect(f.sentTexts('u2')).toHaveLength(before);
  });
});
