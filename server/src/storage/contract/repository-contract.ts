// The behaviour every implementation of the repository ports must show (customers, messages, agents,
// groups, calendars, settings, merchants). The in-memory reference and the SQLite adapters both run it.
import {
  agent,
  CH,
  customer,
  fullCustomer,
  ids,
  inbound,
  outbound,
  useSubject,
  type Harness,
  type OpenSubject,
  expectRejection,
} from '../testing/contract-fixture';

export function repositoryContract(open: OpenSubject): void {
  describe('customers', () => customers(useSubject(open)));
  describe('messages', () => messages(useSubject(open)));
  describe('agents, groups and calendars', () => scopedRecords(useSubject(open)));
  describe('settings and merchants', () => settingsAndMerchants(useSubject(open)));
}

function customers({ run }: Harness): void {
  it('keeps every field, finds by exact channel and openid, replaces on save', async () => {
    await run((tx) => tx.customers.save(fullCustomer));
    await expect(run((tx) => tx.customers.get('cu-full'))).resolves.toStrictEqual(fullCustomer);
    await expect(run((tx) => tx.customers.findByOpenid(CH, 'o-cu-full'))).resolves.toStrictEqual(fullCustomer);
    await expect(run((tx) => tx.customers.findByOpenid('ch2', 'o-cu-full'))).resolves.toBeUndefined();
    const { nickname: _gone, ...renamed } = { ...fullCustomer, lastSeenAt: 9000 };
    await run((tx) => tx.customers.save(renamed));
    await expect(run((tx) => tx.customers.get('cu-full'))).resolves.toStrictEqual(renamed);
    await expect(run((tx) => tx.customers.get('nobody'))).resolves.toBeUndefined();
  });

  it('returns copies: changing a record read does not change the store', async () => {
    await run((tx) => tx.customers.save(customer('c1')));
    const read = await run((tx) => tx.customers.get('c1'));
    if (read) read.params.x = 'y';
    await expect(run((tx) => tx.customers.get('c1'))).resolves.toMatchObject({ params: {} });
  });

  it('lists the customers of every channel with one UnionID, by id (the customer’s history across channels)', async () => {
    await run(async (tx) => {
      await tx.customers.save(customer('c2', { channelId: 'ch2', openid: 'o2', unionId: 'u-1', unionIdSource: 'verified' }));
      await tx.customers.save(customer('c1', { unionId: 'u-1', unionIdSource: 'claimed' }));
      await tx.customers.save(customer('c3', { channelId: 'ch3', openid: 'o3', unionId: 'u-2' }));
      await tx.customers.save(customer('c4', { channelId: 'ch3', openid: 'o4' }));
    });
    const found = await run((tx) => tx.customers.listByUnionId('u-1'));
    expect(found.map((c) => [c.id, c.unionIdSource])).toEqual([
      ['c1', 'claimed'],
      ['c2', 'verified'],
    ]);
    await expect(run((tx) => tx.customers.listByUnionId('u-3'))).resolves.toEqual([]);
  });
}

function messages({ run }: Harness): void {
  it('keeps inbound and outbound messages whole', async () => {
    const m1 = inbound('m1', {
      leftMessage: true,
      content: { type: 'location', latitude: '31.200000', longitude: '121.500000', label: '上海' },
    });
    const m2 = outbound('m2', {
      delivery: { status: 'failed', at: 5, reason: 'x', wechatCode: 45015 },
      sender: { kind: 'system' },
      noticeKinds: ['welcome', 'previous_agent', 'assigned'],
    });
    await run(async (tx) => {
      await tx.messages.add(m1);
      await tx.messages.add(m2);
    });
    await expect(run((tx) => tx.messages.get('m1'))).resolves.toStrictEqual(m1);
    await expect(run((tx) => tx.messages.get('m2'))).resolves.toStrictEqual(m2);
    await expect(run((tx) => tx.messages.findByWechatMsgId(CH, m1.wechatMsgId ?? ''))).resolves.toStrictEqual(m1);
  });

  it('refuses a second message with the same MsgId in a channel, allows it in another', async () => {
    await run((tx) => tx.messages.add(inbound('m1', { wechatMsgId: '24000000000000000001' })));
    await expectRejection(run((tx) => tx.messages.add(inbound('m2', { wechatMsgId: '24000000000000000001' }))));
    await run((tx) => tx.messages.add(inbound('m3', { channelId: 'ch2', wechatMsgId: '24000000000000000001' })));
    await expect(run((tx) => tx.messages.findByWechatMsgId(CH, '24000000000000000001'))).resolves.toMatchObject({ id: 'm1' });
    await expect(run((tx) => tx.messages.findByWechatMsgId('ch2', '24000000000000000001'))).resolves.toMatchObject({ id: 'm3' });
  });

  it('refuses a second message with the same id; outbound messages need no MsgId', async () => {
    await run(async (tx) => {
      await tx.messages.add(outbound('o1'));
      await tx.messages.add(outbound('o2'));
    });
    await expectRejection(run((tx) => tx.messages.add(outbound('o1'))));
  });

  it('lists a conversation oldest first; limit keeps the newest; before pages back', async () => {
    await run(async (tx) => {
      for (const [id, at] of [
        ['m3', 30],
        ['m1', 10],
        ['m2', 20],
        ['m2b', 20],
        ['m4', 40],
      ] as const)
        await tx.messages.add(inbound(id, { createdAt: at }));
      await tx.messages.add(inbound('other', { conversationId: 'cv2', createdAt: 15 }));
    });
    const list = (q?: { limit?: number; before?: number }) => run((tx) => tx.messages.listByConversation('cv1', q)).then(ids);
    await expect(list()).resolves.toEqual(['m1', 'm2', 'm2b', 'm3', 'm4']);
    await expect(list({ limit: 2 })).resolves.toEqual(['m3', 'm4']);
    await expect(list({ before: 30 })).resolves.toEqual(['m1', 'm2', 'm2b']);
    await expect(list({ before: 30, limit: 2 })).resolves.toEqual(['m2', 'm2b']);
  });

  it('finds the newest message of each conversation asked, in one call', async () => {
    await run(async (tx) => {
      for (const [id, conversationId, at] of [
        ['a1', 'cv1', 10],
        ['a3', 'cv1', 30],
        ['a2', 'cv1', 20],
        ['b1', 'cv2', 50],
        ['b2', 'cv2', 50],
        ['c1', 'cv3', 5],
      ] as const) {
        await tx.messages.add(inbound(id, { conversationId, createdAt: at }));
      }
    });
    const last = (conversationIds: string[]) =>
      run((tx) => tx.messages.lastOfConversations(conversationIds)).then((ms) => ms.map((m) => m.id).sort());
    await expect(last(['cv1', 'cv2', 'cv-empty'])).resolves.toEqual(['a3', 'b2']); // same instant: the larger id
    await expect(last([])).resolves.toEqual([]);
    await expect(run((tx) => tx.messages.lastOfConversations(['cv3']))).resolves.toStrictEqual([
      inbound('c1', { conversationId: 'cv3', createdAt: 5 }),
    ]);
  });

  it('sets the delivery of a message; an unknown id changes nothing', async () => {
    await run((tx) => tx.messages.add(outbound('o1')));
    await run(async (tx) => {
      await tx.messages.setDelivery('o1', { status: 'sent', at: 77 });
      await tx.messages.setDelivery('nope', { status: 'sent', at: 77 });
    });
    await expect(run((tx) => tx.messages.get('o1'))).resolves.toMatchObject({
      delivery: { status: 'sent', at: 77 },
      content: outbound('o1').content,
    });
    await expect(run((tx) => tx.messages.get('nope'))).resolves.toBeUndefined();
  });
}

function scopedRecords({ run }: Harness): void {
  it('lists exactly one merchant (undefined: the platform team) or the whole channel, by id', async () => {
    await run(async (tx) => {
      for (const a of [agent('a3'), agent('a1', { merchantId: 'm1' }), agent('a2'), agent('a4', { channelId: 'ch2' })])
        await tx.agents.save(a);
    });
    await expect(run((tx) => tx.agents.listByMerchant(CH, undefined)).then(ids)).resolves.toEqual(['a2', 'a3']);
    await expect(run((tx) => tx.agents.listByMerchant(CH, 'm1')).then(ids)).resolves.toEqual(['a1']);
    await expect(run((tx) => tx.agents.listByChannel(CH)).then(ids)).resolves.toEqual(['a1', 'a2', 'a3']);
  });

  it('finds the agent bound to a WeChat openid within a channel, the first by id', async () => {
    await run(async (tx) => {
      for (const a of [
        agent('a2', { wechatOpenid: 'ow' }),
        agent('a1', { merchantId: 'm1', wechatOpenid: 'ow' }),
        agent('a3'),
        agent('a4', { channelId: 'ch2', wechatOpenid: 'ow2' }),
      ])
        await tx.agents.save(a);
    });
    await expect(run((tx) => tx.agents.findByWechatOpenid(CH, 'ow'))).resolves.toStrictEqual(
      agent('a1', { merchantId: 'm1', wechatOpenid: 'ow' }),
    );
    await expect(run((tx) => tx.agents.findByWechatOpenid(CH, 'ow2'))).resolves.toBeUndefined();
    await expect(run((tx) => tx.agents.findByWechatOpenid('ch2', 'ow2'))).resolves.toMatchObject({ id: 'a4' });
    const { wechatOpenid: _unbound, ...a1 } = agent('a1', { merchantId: 'm1', wechatOpenid: 'ow' });
    await run((tx) => tx.agents.save(a1));
    await expect(run((tx) => tx.agents.findByWechatOpenid(CH, 'ow'))).resolves.toMatchObject({ id: 'a2' });
  });

  it('lists the agents of exactly one merchant with one of the names asked, by id', async () => {
    await run(async (tx) => {
      const team = [
        agent('a3', { name: '小王' }),
        agent('a1', { name: '小王' }),
        agent('a2', { name: '小艳' }),
        agent('a4', { name: '小李' }),
      ];
      for (const a of [...team, agent('a5', { name: '小王', merchantId: 'm1' }), agent('a6', { name: '小王', channelId: 'ch2' })])
        await tx.agents.save(a);
    });
    const named = (merchantId: string | undefined, names: string[]) => run((tx) => tx.agents.listByNames(CH, merchantId, names)).then(ids);
    await expect(named(undefined, ['小艳', '小王'])).resolves.toEqual(['a1', 'a2', 'a3']);
    await expect(named('m1', ['小王'])).resolves.toEqual(['a5']);
    await expect(named(undefined, ['王'])).resolves.toEqual([]);
    await expect(named(undefined, [])).resolves.toEqual([]);
    await expect(run((tx) => tx.agents.listByNames(CH, undefined, ['小李']))).resolves.toStrictEqual([agent('a4', { name: '小李' })]);
  });

  it('keeps every agent field and moves an agent when its merchant changes', async () => {
    const full = agent('a1', {
      merchantId: 'm1',
      status: 'invisible',
      groupIds: ['g1', 'g2'],
      statusChangedAt: 5,
      lastAssignedAt: 6,
      wechatOpenid: 'ow',
    });
    await run((tx) => tx.agents.save(full));
    await expect(run((tx) => tx.agents.get('a1'))).resolves.toStrictEqual(full);
    const { merchantId: _m, ...platform } = full;
    await run((tx) => tx.agents.save(platform));
    await expect(run((tx) => tx.agents.get('a1'))).resolves.toStrictEqual(platform);
    await expect(run((tx) => tx.agents.listByMerchant(CH, 'm1'))).resolves.toEqual([]);
  });

  it('keeps groups and calendars the same way', async () => {
    const group = {
      id: 'g1',
      channelId: CH,
      merchantId: 'm1',
      name: '售后',
      calendarId: 'k1',
      settings: { maxQueueLength: 3, messages: { offHours: '下班了' } },
    };
    const calendar = {
      id: 'k1',
      channelId: CH,
      name: 'cal',
      timeZone: 'Asia/Shanghai',
      workdays: [1, 2, 3, 4, 5],
      workdaySegments: [{ start: 540, end: 1080 }],
      nonWorkdaySegments: [],
      holidays: ['2025-10-01'],
      makeUpWorkdays: ['2025-09-28'],
    };
    await run(async (tx) => {
      await tx.groups.save(group);
      await tx.calendars.save(calendar);
    });
    await expect(run((tx) => tx.groups.listByMerchant(CH, 'm1'))).resolves.toStrictEqual([group]);
    await expect(run((tx) => tx.groups.listByMerchant(CH, undefined))).resolves.toEqual([]);
    await expect(run((tx) => tx.calendars.listByMerchant(CH, undefined))).resolves.toStrictEqual([calendar]);
    await expect(run((tx) => tx.calendars.get('k1'))).resolves.toStrictEqual(calendar);
  });
}

function settingsAndMerchants({ run }: Harness): void {
  it('keeps the channel level and each merchant level apart', async () => {
    await run(async (tx) => {
      await tx.settings.save(CH, undefined, { maxQueueLength: 1 });
      await tx.settings.save(CH, 'm1', { maxQueueLength: 2, messages: { assigned: 'hi' } });
      await tx.settings.save(CH, undefined, { maxQueueLength: 5 });
    });
    await expect(run((tx) => tx.settings.get(CH, undefined))).resolves.toStrictEqual({ maxQueueLength: 5 });
    await expect(run((tx) => tx.settings.get(CH, 'm1'))).resolves.toStrictEqual({ maxQueueLength: 2, messages: { assigned: 'hi' } });
    await expect(run((tx) => tx.settings.get(CH, 'm2'))).resolves.toBeUndefined();
    await expect(run((tx) => tx.settings.get('ch2', undefined))).resolves.toBeUndefined();
  });

  it('finds a merchant by its code within a channel and lists them by id', async () => {
    await run(async (tx) => {
      await tx.merchants.save({ id: 'm2', channelId: CH, code: 'B', name: 'Bee' });
      await tx.merchants.save({ id: 'm1', channelId: CH, code: 'A', name: 'Ant' });
      await tx.merchants.save({ id: 'm3', channelId: 'ch2', code: 'A', name: 'Other' });
    });
    await expect(run((tx) => tx.merchants.findByCode(CH, 'A'))).resolves.toStrictEqual({ id: 'm1', channelId: CH, code: 'A', name: 'Ant' });
    await expect(run((tx) => tx.merchants.findByCode(CH, 'C'))).resolves.toBeUndefined();
    await expect(run((tx) => tx.merchants.listByChannel(CH)).then(ids)).resolves.toEqual(['m1', 'm2']);
    await expect(run((tx) => tx.merchants.get('m3'))).resolves.toMatchObject({ name: 'Other' });
  });
}
